#include "store/rows.hpp"

#include <boost/json.hpp>

#include "store/sql.hpp"

namespace qc::store {

std::string date_text(Date d) { return format_date(d); }

Date date_from(std::string_view s) {
  // Only this module writes dates, always as format_date; a row that fails to parse was
  // edited by hand, and the epoch marks it rather than aborting a whole listing.
  return parse_date(s).value_or(Date{std::chrono::sys_days{}});
}

std::string json_text(const Json& v) { return boost::json::serialize(v); }

Json json_from(const std::string& s) {
  if (s.empty()) return nullptr;
  return boost::json::parse(s);
}

void EnterpriseRow::bind(soci::statement& st) {
  into_all(st, uscc, name, region, established_on, status);
}
Enterprise EnterpriseRow::value() const {
  return {uscc, name, region, date_from(established_on), status};
}

void RecordRow::bind(soci::statement& st) {
  into_all(st, id, uscc, kind, category, occurred_on, source, detail, created_at);
  st.exchange(soci::into(corrected_at, corrected_ind));
  st.exchange(soci::into(corrected_by, by_ind));
  st.exchange(soci::into(correction_reason, reason_ind));
  st.exchange(soci::into(correction_case_id, case_ind));
  st.exchange(soci::into(basis));
  st.exchange(soci::into(source_case_id, source_ind));
}
QualityRecord RecordRow::value() const {
  QualityRecord r{
      id, uscc, kind, category, date_from(occurred_on), source, detail, instant(created_at),
      {}, {},   {}};
  if (corrected_ind == soci::i_ok) {
    RecordCorrection c;
    c.at = instant(corrected_at);
    if (by_ind == soci::i_ok) c.by = corrected_by;
    if (reason_ind == soci::i_ok) c.reason = correction_reason;
    if (case_ind == soci::i_ok) c.case_id = correction_case_id;
    r.correction = std::move(c);
  }
  r.basis = basis;
  if (source_ind == soci::i_ok) r.source_case_id = source_case_id;
  return r;
}

void CaseRow::bind(soci::statement& st) {
  into_all(st, id, procedure, version, uscc, region, stage, status, data, rev, stage_seq, opened_by,
           created_at, updated_at);
}
Case CaseRow::value() const {
  Case c;
  c.id = id;
  c.procedure = procedure;
  c.version = static_cast<int>(version);
  c.enterprise = uscc;
  c.region = region;
  c.stage = stage;
  c.status = status;
  Json j = json_from(data);
  if (j.is_object()) c.data = std::move(j.as_object());
  c.rev = rev;
  c.stage_seq = stage_seq;
  c.opened_by = opened_by;
  c.created_at = instant(created_at);
  c.updated_at = instant(updated_at);
  return c;
}

void CaseSummaryRow::bind(soci::statement& st) {
  CaseRow::bind(st);
  st.exchange(soci::into(complete));
}
Case CaseSummaryRow::value() const {
  Case c = CaseRow::value();
  c.data_complete = complete != 0;
  return c;
}

void EventRow::bind(soci::statement& st) {
  into_all(st, case_id, seq, at, actor, action, from_stage, to_stage, comment, payload, prev_hash,
           hash);
}
CaseEvent EventRow::value() const {
  return {case_id,  seq,     instant(at),        actor,     action, from_stage,
          to_stage, comment, json_from(payload), prev_hash, hash};
}

void TimerRow::bind(soci::statement& st) {
  into_all(st, id, case_id, stage, fire_action, due_at, provisional, workdays);
  st.exchange(soci::into(fired_at, fired_ind));
  st.exchange(soci::into(counted_from, counted_ind));
}
Timer TimerRow::value() const {
  Timer t{id,           case_id,      stage, fire_action, instant(due_at), provisional != 0,
          std::nullopt, std::nullopt, 0};
  if (fired_ind == soci::i_ok) t.fired_at = instant(fired_at);
  if (counted_ind == soci::i_ok) t.counted_from = parse_date(counted_from);
  t.workdays = static_cast<int>(workdays);
  return t;
}

void GrantRow::bind(soci::statement& st) {
  into_all(st, id, uscc, family, grade, valid_from, valid_to, status, case_id, published);
  st.exchange(soci::into(superseded_by, superseded_ind));
}
Grant GrantRow::value() const {
  Grant g{id,     uscc,    family,         grade,       date_from(valid_from), date_from(valid_to),
          status, case_id, published != 0, std::nullopt};
  if (superseded_ind == soci::i_ok) g.superseded_by = superseded_by;
  return g;
}

void BanRow::bind(soci::statement& st) {
  into_all(st, id, uscc, family, reason, from, until, case_id, basis);
}
Ban BanRow::value() const {
  return {id, uscc, family, reason, date_from(from), date_from(until), case_id, basis};
}

void ListingRow::bind(soci::statement& st) {
  into_all(st, id, uscc, activity, status, since, case_id);
}
Listing ListingRow::value() const {
  return {id, uscc, activity, status, date_from(since), case_id};
}

void NoticeRow::bind(soci::statement& st) {
  into_all(st, id, kind, case_id, stage, title, outcome, body, opens);
  st.exchange(soci::into(closes, closes_ind));
  st.exchange(soci::into(is_open));
}
Notice NoticeRow::value() const {
  Notice n{id,      kind, case_id,        stage,        title,
           outcome, body, instant(opens), std::nullopt, is_open != 0};
  if (closes_ind == soci::i_ok) n.closes = instant(closes);
  return n;
}

void ObjectionRow::bind(soci::statement& st) {
  into_all(st, id, notice_id, case_id, name, contact, content, at);
}
Objection ObjectionRow::value() const {
  return {id, notice_id, case_id, name, contact, content, instant(at)};
}

void AnnouncementRow::bind(soci::statement& st) {
  into_all(st, id, kind, family, uscc, title, body, announced_on, case_id, withdrawal_reason);
  st.exchange(soci::into(withdrawn_on, withdrawn_ind));
}
Announcement AnnouncementRow::value() const {
  Announcement a{id, kind, family, uscc, title, body, date_from(announced_on), case_id, {}, {}};
  if (withdrawn_ind == soci::i_ok) {
    a.withdrawn_on = date_from(withdrawn_on);
    a.withdrawal_reason = withdrawal_reason;
  }
  return a;
}

void DocumentRow::bind(soci::statement& st) {
  into_all(st, case_id, name, title, html, created_at);
}
Document DocumentRow::value() const { return {case_id, name, title, html, instant(created_at)}; }

void VoteRow::bind(soci::statement& st) { into_all(st, case_id, round, username, pass); }
Vote VoteRow::value() const { return {case_id, round, username, pass != 0}; }

void UserRow::bind(soci::statement& st) {
  into_all(st, id, username, display_name, password_hash);
  st.exchange(soci::into(enterprise, enterprise_ind));
  into_all(st, disabled, created_at);
}
User UserRow::value() const {
  User u;
  u.id = id;
  u.username = username;
  u.display_name = display_name;
  u.password_hash = password_hash;
  if (enterprise_ind == soci::i_ok) u.enterprise = enterprise;
  u.disabled = disabled != 0;
  u.created_at = instant(created_at);
  return u;
}

void SessionRow::bind(soci::statement& st) {
  into_all(st, token_hash, username, csrf_token, created_at, last_seen, expires_at);
}
Session SessionRow::value() const {
  return {token_hash,          username,           csrf_token,
          instant(created_at), instant(last_seen), instant(expires_at)};
}

void AuditRow::bind(soci::statement& st) {
  into_all(st, seq, at, actor, what, detail, prev_hash, hash);
}
AuditEntry AuditRow::value() const {
  return {seq, instant(at), actor, what, json_from(detail), prev_hash, hash};
}

}  // namespace qc::store
