#include "service/case_service.hpp"

#include <boost/json.hpp>

#include "core/access.hpp"
#include "core/bans.hpp"
#include "core/uscc.hpp"
#include "service/case_context.hpp"
#include "service/data_validation.hpp"

namespace qc {

namespace {

AuditEntry transition_audit(const Transition& t, const std::string& actor, Instant now) {
  const auto& last = t.events.back();
  return audit_entry(now, actor,
                     t.events.front().action == "open" ? "case.open" : "case.transition",
                     boost::json::object{{"case_id", t.next.id},
                                         {"procedure", t.next.procedure},
                                         {"action", last.action},
                                         {"from", t.events.front().from_stage},
                                         {"to", last.to_stage}});
}

std::optional<Ban> active_ban(RegisterStore& registers, const std::string& uscc,
                              const std::string& family, Date today) {
  BanQuery q;
  q.scope.all = true;
  q.uscc = uscc;
  q.family = family;
  q.active_on = today;
  q.page.per_page = 500;
  auto bans = registers.bans(q).items;
  if (bans.empty()) return std::nullopt;
  return *std::max_element(bans.begin(), bans.end(),
                           [](const Ban& a, const Ban& b) { return a.until < b.until; });
}

std::vector<std::string> starters_of(const ProcedureDef& def) {
  std::vector<std::string> starters = def.starters;
  if (starters.empty())
    for (const auto& a : def.stage(def.start)->actions) starters.push_back(a.role);
  return starters;
}

}  // namespace

std::optional<Result<CaseOutcome>> CaseService::replay(const Actor& actor, const std::string& key,
                                                       const std::string& hash) {
  if (key.empty()) return std::nullopt;
  auto stored = ports_.cases.idempotent_outcome(actor.username, key);
  if (!stored) return std::nullopt;
  if (stored->request_hash != hash)
    return Result<CaseOutcome>(err(ErrorCode::validation,
                                   "Idempotency-Key was already used with a different request",
                                   "Idempotency-Key"));
  CaseOutcome out;
  out.replayed = true;
  out.created = stored->outcome.created;
  out.c = std::move(stored->outcome.snapshot);
  out.deadline = std::move(stored->outcome.deadline);
  out.voted = stored->outcome.voted;
  return Result<CaseOutcome>(std::move(out));
}

Result<Case> CaseService::store_transition(Transition t, bool opening) {
  // The archive changed: the enterprise's classification follows it.
  const bool corrects = !t.writes.record_corrections.empty() || !t.writes.new_records.empty();
  auto stored = opening ? ports_.cases.open_case(std::move(t)) : ports_.cases.commit(std::move(t));
  if (stored && corrects && on_archive_changed_) on_archive_changed_(stored->enterprise);
  return stored;
}

Result<CaseOutcome> CaseService::commit(Transition t, const Actor& actor, const std::string& key,
                                        const std::string& hash, bool voted_after, bool opening) {
  const Instant now = t.events.back().at;
  t.audit = transition_audit(t, actor.username, now);
  if (!key.empty()) {
    // The outcome a replay answers from: the store completes the snapshot as committed.
    std::optional<Timer> deadline = t.new_timer;
    if (!deadline && !t.cancel_timers && t.next.id != 0)
      deadline = ports_.timers.pending_timer(t.next.id);
    t.idempotency = IdempotencyRecord{actor.username, key, hash,
                                      CaseOutcomeRecord{opening, {}, deadline, voted_after}};
  }
  auto stored = store_transition(std::move(t), opening);
  if (!stored) {
    // A concurrent request with the same key won the race: answer as it was answered.
    if (stored.error().code == ErrorCode::conflict)
      if (auto r = replay(actor, key, hash)) return std::move(*r);
    return stored.take_error();
  }
  CaseOutcome out;
  out.c = std::move(stored.value());
  out.created = opening;
  return out;
}

Result<CaseOutcome> CaseService::open(const Actor& actor, const OpenRequest& req) {
  if (auto r = replay(actor, req.idempotency_key, req.request_hash)) return std::move(*r);
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->latest(req.procedure) : nullptr;
  if (!def) return err(ErrorCode::validation, "unknown procedure: " + req.procedure, "procedure");
  if (auto problem = uscc_problem(req.enterprise); !problem.empty())
    return err(ErrorCode::invalid_uscc, "enterprise: " + problem, "enterprise");
  auto ent = ports_.archive.enterprise(req.enterprise);
  if (!ent || !may_read(actor, ent->region, ent->uscc))
    return err(ErrorCode::not_found, "no enterprise " + req.enterprise, "enterprise");

  bool allowed = false;
  for (const auto& role : starters_of(*def))
    allowed = allowed || may_act(actor, role, Level::none, ent->region, ent->uscc);
  if (!allowed) return err(ErrorCode::forbidden, "you may not open a case of " + def->title);

  const Instant now = clock_.now();
  const Date today = beijing_date(now);
  if (auto ban = active_ban(ports_.registers, ent->uscc, def->family, today))
    return banned_error(*ban);

  if (auto s = check_opening_writable(*def, req.data); !s) return s.take_error();
  if (auto s = validate_fields(*def, req.data); !s) return s.take_error();
  if (auto s = check_data_size(*def, req.data); !s) return s.take_error();
  std::vector<std::string> required;
  for (const auto& f : def->fields)
    if (f.required) required.push_back(f.name);
  if (auto s = check_required(required, req.data, *def); !s) return s.take_error();

  Transition t;
  t.next.procedure = def->id;
  t.next.version = def->version;
  t.next.enterprise = ent->uscc;
  t.next.region = ent->region;
  t.next.data = req.data;
  t.next.opened_by = actor.username;
  t.next.created_at = now;
  t.max_open = def->max_open;
  t.ban_family = def->family;
  const CaseContext ctx(ports_, set, *def, calendar_, actor, std::move(ent), now, today);
  if (def->has_guard) {
    auto g = set->guard(*def, "", "", view_of(t.next), ctx.q());
    if (!g) return g.take_error();
    if (!g->ok) return err(ErrorCode::guard_failed, g->reason, g->field);
  }
  if (auto s = plan_move(ctx.plan(), t, 0, actor.username, "open", def->start, req.data, ""); !s)
    return s.take_error();
  const bool due_now = t.new_timer && t.new_timer->due_at <= now;
  auto out = commit(std::move(t), actor, req.idempotency_key, req.request_hash, false, true);
  if (out && !out->replayed && due_now) fire_if_due(*out, now);
  return out;
}

}  // namespace qc
