// The register effects of a transition (grants, bans, listings, announcements, documents,
// notices, records), written in the transition's transaction, and the rules across cases
// that hold there (docs/registers.md): a grant never starts during a ban of its scheme, a
// new grant supersedes the scheme's live one, a new ban ends the scheme's open cases.
#include "core/bans.hpp"
#include "store/audit_log.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/transition.hpp"

namespace qc::store {

namespace {

Status set_status(Connection& sql, const char* update,
                  const std::vector<std::pair<int64_t, std::string>>& changes, const char* what) {
  for (const auto& [id, status] : changes) {
    if (exec(sql, Sql(update, {status, id})) == 0)
      return err(ErrorCode::not_found, std::string("no ") + what + " " + std::to_string(id));
  }
  return ok_status();
}

}  // namespace

std::optional<Ban> ban_on(Connection& sql, const std::string& uscc, const std::string& family,
                          Date day) {
  Sql q("SELECT ");
  q.add(BanRow::kColumns)
      .add(
          " FROM bans b WHERE b.uscc = ? AND b.family = ? AND b.from_date <= ? AND "
          "b.until_date >= ? ORDER BY b.until_date DESC LIMIT 1",
          {uscc, family, date_text(day), date_text(day)});
  return fetch_one<BanRow>(sql, std::move(q));
}

namespace {

Status insert_grant(Connection& sql, int64_t case_id, const Grant& g) {
  if (auto ban = ban_on(sql, g.uscc, g.family, g.valid_from)) return banned_error(*ban);
  const int64_t id =
      fetch_int(sql, Sql("INSERT INTO grants (uscc, family, grade, valid_from, valid_to, status, "
                         "case_id, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {g.uscc, g.family, g.grade, date_text(g.valid_from), date_text(g.valid_to),
                          g.status, case_id, int64_t{g.published}}))
          .value_or(0);
  // One live grant per enterprise and scheme: the new grade replaces the old, both kept.
  exec(sql, Sql("UPDATE grants SET status = 'superseded', superseded_by = ? WHERE uscc = ? AND "
                "family = ? AND status IN ('active', 'suspended') AND id <> ?",
                {id, g.uscc, g.family, id}));
  return ok_status();
}

void insert_record(Connection& sql, int64_t case_id, const QualityRecord& r, Instant now) {
  exec(sql, Sql("INSERT INTO quality_records (uscc, kind, category, occurred_on, source, detail, "
                "created_at, source_case_id, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {r.uscc, r.kind, r.category, date_text(r.occurred_on), r.source, r.detail,
                 secs(now), case_id, r.basis}));
}

}  // namespace

void insert_announcement(Connection& sql, const Announcement& a) {
  exec(sql, Sql("INSERT INTO announcements (kind, family, uscc, title, body, announced_on, "
                "case_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {a.kind, a.family, a.uscc, a.title, a.body, date_text(a.date), a.case_id}));
}

int64_t withdraw_announcements_of(Connection& sql, int64_t grant_id, const std::string& reason,
                                  Date on) {
  return exec(sql, Sql("UPDATE announcements SET withdrawn_on = ?, withdrawal_reason = ? WHERE "
                       "withdrawn_on IS NULL AND EXISTS (SELECT 1 FROM grants g WHERE g.id = ? "
                       "AND g.case_id = announcements.case_id AND g.uscc = announcements.uscc "
                       "AND g.family = announcements.family)",
                       {date_text(on), reason, grant_id}));
}

Status apply_register_writes(Connection& sql, int64_t case_id, const RegisterWrites& w,
                             Instant now) {
  // Bans first: a grant of the same transition is then refused as any other would be.
  for (const Ban& b : w.new_bans)
    exec(sql, Sql("INSERT INTO bans (uscc, family, reason, from_date, until_date, case_id, basis) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  {b.uscc, b.family, b.reason, date_text(b.from), date_text(b.until), case_id,
                   b.basis}));
  for (const Grant& g : w.new_grants)
    if (Status s = insert_grant(sql, case_id, g); !s) return s;
  if (Status s =
          set_status(sql, "UPDATE grants SET status = ? WHERE id = ?", w.grant_status, "grant");
      !s)
    return s;
  for (const Listing& l : w.new_listings)
    exec(sql, Sql("INSERT INTO listings (uscc, activity, status, since, case_id) "
                  "VALUES (?, ?, ?, ?, ?)",
                  {l.uscc, l.activity, l.status, date_text(l.since), case_id}));
  if (Status s = set_status(sql, "UPDATE listings SET status = ? WHERE id = ?", w.listing_status,
                            "listing");
      !s)
    return s;
  for (Announcement a : w.announcements) {
    a.case_id = case_id;
    insert_announcement(sql, a);
  }
  for (const Document& d : w.documents) upsert_document(sql, case_id, d);
  for (const QualityRecord& r : w.new_records) insert_record(sql, case_id, r, now);
  // Only a record of the case's own enterprise, and only once.
  for (const auto& [id, c] : w.record_corrections)
    if (exec(sql, Sql("UPDATE quality_records SET corrected_at = ?, corrected_by = ?, "
                      "correction_reason = ?, correction_case_id = ? WHERE id = ? AND "
                      "corrected_at IS NULL AND uscc = (SELECT uscc FROM cases WHERE id = ?)",
                      {secs(c.at), c.by, c.reason, case_id, id, case_id})) == 0)
      return err(
          ErrorCode::conflict,
          "record " + std::to_string(id) + " is not an uncorrected record of the case's enterprise",
          "corrected_records");
  if (w.close_notices) close_notices_of(sql, case_id, now);
  if (w.open_notice) {
    const Notice& n = *w.open_notice;
    exec(sql, Sql("INSERT INTO notices (kind, case_id, stage, title, outcome, body, opens, "
                  "closes, is_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                  {n.kind, case_id, n.stage, n.title, n.outcome, n.body, secs(n.opens),
                   nullable(n.closes)}));
  }
  return ok_status();
}

void upsert_document(Connection& sql, int64_t case_id, const Document& d) {
  exec(sql, Sql("INSERT INTO documents (case_id, name, title, html, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, name) DO UPDATE SET "
                "title = excluded.title, html = excluded.html, created_at = excluded.created_at",
                {case_id, d.name, d.title, d.html, secs(d.created_at)}));
}

void close_notices_of(Connection& sql, int64_t case_id, Instant now) {
  exec(sql, Sql("UPDATE notices SET is_open = 0, closed_at = ? WHERE case_id = ? AND is_open = 1",
                {secs(now), case_id}));
}

}  // namespace qc::store
