// Idempotency-Key outcomes: what the first request with a key did, kept as data (the case
// as committed, its deadline, whether it opened the case) so that every replay is rendered
// exactly as the first answer was. Rows written before schema version 9
// kept the rendered answer itself; those are read back into the same shape.
#include <boost/json.hpp>

#include "store/errors.hpp"
#include "store/idempotency.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"
#include "store/sql_text.hpp"

namespace qc::store {

namespace json = boost::json;

namespace {

int64_t int_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::string str_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// An instant written as Unix seconds (this codec) or RFC 3339 (the legacy rendered answer).
Instant instant_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (v && v->is_int64()) return instant(v->as_int64());
  if (v && v->is_string())
    if (auto t = parse_instant(v->as_string())) return *t;
  return Instant{};
}

Case case_of(const json::object& o) {
  Case c;
  c.id = int_of(o, "id");
  c.procedure = str_of(o, "procedure");
  c.version = static_cast<int>(int_of(o, "version"));
  c.enterprise = str_of(o, "enterprise");
  c.region = str_of(o, "region");
  c.stage = str_of(o, "stage");
  c.status = str_of(o, "status");
  if (const auto* d = o.if_contains("data"); d && d->is_object()) c.data = d->as_object();
  c.rev = int_of(o, "rev");
  c.stage_seq = int_of(o, "stage_seq");
  c.opened_by = str_of(o, "opened_by");
  c.created_at = instant_of(o, "created_at");
  c.updated_at = instant_of(o, "updated_at");
  return c;
}

}  // namespace

std::string outcome_text(const CaseOutcomeRecord& r) {
  const Case& c = r.snapshot;
  json::object o{{"created", r.created},
                 {"voted", r.voted},
                 {"case", json::object{{"id", c.id},
                                       {"procedure", c.procedure},
                                       {"version", c.version},
                                       {"enterprise", c.enterprise},
                                       {"region", c.region},
                                       {"stage", c.stage},
                                       {"status", c.status},
                                       {"data", c.data},
                                       {"rev", c.rev},
                                       {"stage_seq", c.stage_seq},
                                       {"opened_by", c.opened_by},
                                       {"created_at", secs(c.created_at)},
                                       {"updated_at", secs(c.updated_at)}}}};
  if (r.deadline)
    o["deadline"] = json::object{{"id", r.deadline->id},
                                 {"stage", r.deadline->stage},
                                 {"action", r.deadline->fire_action},
                                 {"due_at", secs(r.deadline->due_at)},
                                 {"provisional", r.deadline->provisional}};
  return json::serialize(o);
}

CaseOutcomeRecord outcome_from(const std::string& outcome, int64_t legacy_status,
                               const std::string& legacy_body) {
  CaseOutcomeRecord r;
  Json parsed;
  try {
    parsed = json_from(outcome.empty() ? legacy_body : outcome);
  } catch (const std::exception&) {
    return r;  // edited by hand: the replay answers an empty case rather than failing
  }
  if (!parsed.is_object()) return r;
  const json::object& o = parsed.as_object();
  const json::object* c = &o;
  if (outcome.empty()) {
    // The legacy row kept the answer's status: "Created" when the request opened the case.
    constexpr int64_t kLegacyCreated = 201;
    r.created = legacy_status == kLegacyCreated;
  } else {
    if (const auto* v = o.if_contains("created"); v && v->is_bool()) r.created = v->as_bool();
    if (const auto* v = o.if_contains("voted"); v && v->is_bool()) r.voted = v->as_bool();
    const auto* inner = o.if_contains("case");
    if (!inner || !inner->is_object()) return r;
    c = &inner->as_object();
  }
  r.snapshot = case_of(*c);
  if (const auto* d = o.if_contains("deadline"); d && d->is_object()) {
    const auto& dj = d->as_object();
    Timer t;
    t.id = int_of(dj, "id");
    t.case_id = r.snapshot.id;
    t.stage = str_of(dj, "stage");
    t.fire_action = str_of(dj, "action");
    t.due_at = instant_of(dj, "due_at");
    if (const auto* p = dj.if_contains("provisional"); p && p->is_bool())
      t.provisional = p->as_bool();
    r.deadline = t;
  }
  return r;
}

void IdempotencyRow::bind(soci::statement& st) {
  into_all(st, username, key, request_hash, status, body);
  st.exchange(soci::into(outcome, outcome_ind));
}
IdempotencyRecord IdempotencyRow::value() const {
  return IdempotencyRecord{username, key, request_hash,
                           outcome_from(outcome_ind == soci::i_ok ? outcome : "", status, body)};
}

Status insert_idempotency(Connection& sql, const IdempotencyRecord& r, Instant now) {
  try {
    exec(sql, Sql("INSERT INTO idempotency (username, idem_key, request_hash, status, body, "
                  "outcome, created_at) VALUES (?, ?, ?, 0, '', ?, ?)",
                  {r.username, r.key, r.request_hash, outcome_text(r.outcome), secs(now)}));
  } catch (const soci::soci_error& e) {
    // A concurrent request with the same key won; the caller replays its outcome.
    if (classify(e) == Failure::unique_violation)
      return err(ErrorCode::conflict, "a request with this Idempotency-Key was just accepted");
    throw;
  }
  return ok_status();
}

std::optional<IdempotencyRecord> SqlStore::idempotent_outcome(const std::string& username,
                                                              const std::string& key) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(IdempotencyRow::kColumns)
        .add(" FROM idempotency i WHERE i.username = ? AND i.idem_key = ?", {username, key});
    return fetch_one<IdempotencyRow>(*sql, std::move(q));
  });
}

}  // namespace qc::store
