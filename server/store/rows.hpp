#pragma once
// Row buffers: each binds the columns named by its kColumns, in that order, as SOCI
// `into` elements, and converts one fetched row into the domain value. Table aliases are
// fixed across the module (e enterprises, r quality_records, c cases, ev case_events,
// tm timers, g grants, b bans, l listings, n notices, o objections, a announcements,
// d documents, v votes, u users, s sessions, au audit, i idempotency).
#include <soci/soci.h>

#include <string>
#include <string_view>

#include "core/model.hpp"
#include "store/store.hpp"

namespace qc::store {

std::string date_text(Date d);
Date date_from(std::string_view s);  // a stored 'YYYY-MM-DD'
std::string json_text(const Json& v);
Json json_from(const std::string& s);

// Binds each column as the next `into` element of `st`.
template <class... T>
void into_all(soci::statement& st, T&... cols) {
  (st.exchange(soci::into(cols)), ...);
}

struct EnterpriseRow {
  using Value = Enterprise;
  static constexpr const char* kColumns = "e.uscc, e.name, e.region, e.established_on, e.status";
  std::string uscc, name, region, established_on, status;
  void bind(soci::statement& st);
  Value value() const;
};

struct RecordRow {
  using Value = QualityRecord;
  static constexpr const char* kColumns =
      "r.id, r.uscc, r.kind, r.category, r.occurred_on, r.source, r.detail, r.created_at, "
      "r.corrected_at, r.corrected_by, r.correction_reason, r.correction_case_id, r.basis, "
      "r.source_case_id";
  int64_t id = 0, created_at = 0;
  std::string uscc, kind, category, occurred_on, source, detail;
  int64_t corrected_at = 0, correction_case_id = 0;
  std::string corrected_by, correction_reason, basis;
  int64_t source_case_id = 0;
  soci::indicator source_ind = soci::i_null;
  soci::indicator corrected_ind = soci::i_null, by_ind = soci::i_null, reason_ind = soci::i_null,
                  case_ind = soci::i_null;
  void bind(soci::statement& st);
  Value value() const;
};

struct CaseRow {
  using Value = Case;
  static constexpr const char* kColumns =
      "c.id, c.procedure, c.version, c.uscc, c.region, c.stage, c.status, c.data, c.rev, "
      "c.stage_seq, c.opened_by, c.created_at, c.updated_at";
  int64_t id = 0, version = 0, rev = 0, stage_seq = 0, created_at = 0, updated_at = 0;
  std::string procedure, uscc, region, stage, status, data, opened_by;
  void bind(soci::statement& st);
  Value value() const;
};

// A case as a list page shows it: the stored summary in place of the data when there is
// one (store/case_summaries.hpp), and whether the data is complete.
struct CaseSummaryRow : CaseRow {
  static constexpr const char* kColumns =
      "c.id, c.procedure, c.version, c.uscc, c.region, c.stage, c.status, "
      "COALESCE(c.summary, c.data), c.rev, c.stage_seq, c.opened_by, c.created_at, "
      "c.updated_at, CASE WHEN c.summary IS NULL THEN 1 ELSE 0 END";
  int64_t complete = 1;
  void bind(soci::statement& st);
  Value value() const;
};

struct EventRow {
  using Value = CaseEvent;
  static constexpr const char* kColumns =
      "ev.case_id, ev.seq, ev.at, ev.actor, ev.action, ev.from_stage, ev.to_stage, ev.comment, "
      "ev.payload, ev.prev_hash, ev.hash";
  int64_t case_id = 0, seq = 0, at = 0;
  std::string actor, action, from_stage, to_stage, comment, payload, prev_hash, hash;
  void bind(soci::statement& st);
  Value value() const;
};

struct TimerRow {
  using Value = Timer;
  static constexpr const char* kColumns =
      "tm.id, tm.case_id, tm.stage, tm.fire_action, tm.due_at, tm.provisional, tm.workdays, "
      "tm.fired_at, tm.counted_from";
  int64_t id = 0, case_id = 0, due_at = 0, provisional = 0, workdays = 0, fired_at = 0;
  soci::indicator fired_ind = soci::i_null, counted_ind = soci::i_null;
  std::string stage, fire_action, counted_from;
  void bind(soci::statement& st);
  Value value() const;
};

struct GrantRow {
  using Value = Grant;
  static constexpr const char* kColumns =
      "g.id, g.uscc, g.family, g.grade, g.valid_from, g.valid_to, g.status, g.case_id, "
      "g.published, g.superseded_by";
  int64_t id = 0, case_id = 0, published = 0, superseded_by = 0;
  soci::indicator superseded_ind = soci::i_null;
  std::string uscc, family, grade, valid_from, valid_to, status;
  void bind(soci::statement& st);
  Value value() const;
};

struct BanRow {
  using Value = Ban;
  static constexpr const char* kColumns =
      "b.id, b.uscc, b.family, b.reason, b.from_date, b.until_date, b.case_id, b.basis";
  int64_t id = 0, case_id = 0;
  std::string uscc, family, reason, from, until, basis;
  void bind(soci::statement& st);
  Value value() const;
};

struct ListingRow {
  using Value = Listing;
  static constexpr const char* kColumns = "l.id, l.uscc, l.activity, l.status, l.since, l.case_id";
  int64_t id = 0, case_id = 0;
  std::string uscc, activity, status, since;
  void bind(soci::statement& st);
  Value value() const;
};

struct NoticeRow {
  using Value = Notice;
  static constexpr const char* kColumns =
      "n.id, n.kind, n.case_id, n.stage, n.title, n.outcome, n.body, n.opens, n.closes, "
      "n.is_open";
  int64_t id = 0, case_id = 0, opens = 0, closes = 0, is_open = 0;
  soci::indicator closes_ind = soci::i_null;
  std::string kind, stage, title, outcome, body;
  void bind(soci::statement& st);
  Value value() const;
};

struct ObjectionRow {
  using Value = Objection;
  static constexpr const char* kColumns =
      "o.id, o.notice_id, o.case_id, o.name, o.contact, o.content, o.at";
  int64_t id = 0, notice_id = 0, case_id = 0, at = 0;
  std::string name, contact, content;
  void bind(soci::statement& st);
  Value value() const;
};

struct AnnouncementRow {
  using Value = Announcement;
  static constexpr const char* kColumns =
      "a.id, a.kind, a.family, a.uscc, a.title, a.body, a.announced_on, a.case_id, "
      "a.withdrawal_reason, a.withdrawn_on";
  int64_t id = 0, case_id = 0;
  std::string kind, family, uscc, title, body, announced_on, withdrawal_reason, withdrawn_on;
  soci::indicator withdrawn_ind = soci::i_null;
  void bind(soci::statement& st);
  Value value() const;
};

struct DocumentRow {  // with html
  using Value = Document;
  static constexpr const char* kColumns = "d.case_id, d.name, d.title, d.html, d.created_at";
  int64_t case_id = 0, created_at = 0;
  std::string name, title, html;
  void bind(soci::statement& st);
  Value value() const;
};

struct VoteRow {
  using Value = Vote;
  static constexpr const char* kColumns = "v.case_id, v.round, v.username, v.pass";
  int64_t case_id = 0, round = 0, pass = 0;
  std::string username;
  void bind(soci::statement& st);
  Value value() const;
};

struct UserRow {  // without grants: they come from role_grants
  using Value = User;
  static constexpr const char* kColumns =
      "u.id, u.username, u.display_name, u.password_hash, u.enterprise, u.disabled, "
      "u.created_at";
  int64_t id = 0, disabled = 0, created_at = 0;
  std::string username, display_name, password_hash, enterprise;
  soci::indicator enterprise_ind = soci::i_null;
  void bind(soci::statement& st);
  Value value() const;
};

struct SessionRow {
  using Value = Session;
  static constexpr const char* kColumns =
      "s.token_hash, s.username, s.csrf_token, s.created_at, s.last_seen, s.expires_at";
  int64_t created_at = 0, last_seen = 0, expires_at = 0;
  std::string token_hash, username, csrf_token;
  void bind(soci::statement& st);
  Value value() const;
};

struct AuditRow {
  using Value = AuditEntry;
  static constexpr const char* kColumns =
      "au.seq, au.at, au.actor, au.what, au.detail, au.prev_hash, au.hash";
  int64_t seq = 0, at = 0;
  std::string actor, what, detail, prev_hash, hash;
  void bind(soci::statement& st);
  Value value() const;
};

}  // namespace qc::store
