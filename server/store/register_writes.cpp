// The register effects of a transition (grants, bans, listings, announcements, documents,
// notices, record corrections), written in the transition's transaction.
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

Status apply_register_writes(Connection& sql, int64_t case_id, const RegisterWrites& w,
                             Instant now) {
  for (const Grant& g : w.new_grants)
    exec(sql, Sql("INSERT INTO grants (uscc, family, grade, valid_from, valid_to, status, "
                  "case_id, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  {g.uscc, g.family, g.grade, date_text(g.valid_from), date_text(g.valid_to),
                   g.status, case_id, int64_t{g.published}}));
  if (Status s =
          set_status(sql, "UPDATE grants SET status = ? WHERE id = ?", w.grant_status, "grant");
      !s)
    return s;
  for (const Ban& b : w.new_bans)
    exec(sql, Sql("INSERT INTO bans (uscc, family, reason, from_date, until_date, case_id) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  {b.uscc, b.family, b.reason, date_text(b.from), date_text(b.until), case_id}));
  for (const Listing& l : w.new_listings)
    exec(sql, Sql("INSERT INTO listings (uscc, activity, status, since, case_id) "
                  "VALUES (?, ?, ?, ?, ?)",
                  {l.uscc, l.activity, l.status, date_text(l.since), case_id}));
  if (Status s = set_status(sql, "UPDATE listings SET status = ? WHERE id = ?", w.listing_status,
                            "listing");
      !s)
    return s;
  for (const Announcement& a : w.announcements)
    exec(sql, Sql("INSERT INTO announcements (kind, family, uscc, title, body, announced_on, "
                  "case_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  {a.kind, a.family, a.uscc, a.title, a.body, date_text(a.date), case_id}));
  for (const Document& d : w.documents)
    exec(sql, Sql("INSERT INTO documents (case_id, name, title, html, created_at) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, name) DO UPDATE SET "
                  "title = excluded.title, html = excluded.html, created_at = excluded.created_at",
                  {case_id, d.name, d.title, d.html, secs(d.created_at)}));
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
  if (w.close_notices)
    exec(sql, Sql("UPDATE notices SET is_open = 0, closed_at = ? WHERE case_id = ? AND is_open = 1",
                  {secs(now), case_id}));
  if (w.open_notice) {
    const Notice& n = *w.open_notice;
    exec(sql, Sql("INSERT INTO notices (kind, case_id, stage, title, outcome, body, opens, "
                  "closes, is_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                  {n.kind, case_id, n.stage, n.title, n.outcome, n.body, secs(n.opens),
                   nullable(n.closes)}));
  }
  return ok_status();
}

}  // namespace qc::store
