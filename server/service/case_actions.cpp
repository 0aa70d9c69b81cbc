// Taking an action on a case: API.md "Cases" fixes the order of the checks, so that the
// loser of a race gets conflict (stale rev) rather than forbidden, and a replay beats
// everything. act() reads as that order: replay → load (not_found, conflict,
// invalid_transition, forbidden) → the vote or the action's own checks (validation,
// guard_failed, already_voted) → commit.
#include <boost/json.hpp>

#include "core/access.hpp"
#include "core/case_view.hpp"
#include "core/votes.hpp"
#include "service/case_context.hpp"
#include "service/case_service.hpp"
#include "service/data_validation.hpp"

namespace qc {

struct CaseService::Loaded {
  Case before;
  std::shared_ptr<const ProcedureSet> set;
  const ProcedureDef* def = nullptr;
  const StageDef* stage = nullptr;
  const ActionDef* action = nullptr;  // null for the host's `vote`
};

namespace {

std::string role_needed(const std::string& action, const std::string& role, Level level) {
  return "action " + action + " needs role " + role +
         (level == Level::none ? "" : " at " + std::string(to_string(level)) + " level") +
         " for this enterprise";
}

}  // namespace

Result<CaseService::Loaded> CaseService::load_for_action(const Actor& actor, int64_t case_id,
                                                         const std::string& action,
                                                         std::optional<int64_t> rev) {
  auto found = ports_.cases.case_by_id(case_id);
  if (!found || !may_read(actor, found->region, found->enterprise))
    return err(ErrorCode::not_found, "no case " + std::to_string(case_id));
  Loaded l;
  l.before = std::move(*found);
  if (!rev) return err(ErrorCode::validation, "rev is required", "rev");
  if (*rev != l.before.rev)
    return err(ErrorCode::conflict, "the case has changed (rev " + std::to_string(l.before.rev) +
                                        "); reload it and try again");
  l.set = procedures_.current();
  l.def = l.set ? l.set->find(l.before.procedure, l.before.version) : nullptr;
  if (!l.def) return err(ErrorCode::unavailable, "procedure version is not loaded");
  l.stage = l.def->stage(l.before.stage);
  const bool is_vote = l.stage && l.stage->votes && action == "vote";
  l.action = l.stage && !is_vote ? l.stage->action(action) : nullptr;
  if (l.before.status != "active" || (!is_vote && !l.action))
    return err(ErrorCode::invalid_transition,
               "no action " + action + " in stage " + (l.stage ? l.stage->title : l.before.stage));

  const std::string& role = l.action ? l.action->role : l.stage->votes->role;
  const Level level = l.action ? l.action->level : l.stage->votes->level;
  if (role == "system" || role == "public" ||
      !may_act(actor, role, level, l.before.region, l.before.enterprise))
    return err(ErrorCode::forbidden, role_needed(action, role, level));
  return l;
}

// A vote: one per user and round; the deciding vote takes `passed` / `failed` at once.
Status CaseService::plan_vote(const Actor& actor, const Loaded& l, const CaseContext& ctx,
                              const ActRequest& req, Transition& t, bool& voted_after) {
  for (const auto& [key, value] : req.data)
    if (key != "vote")
      return err(ErrorCode::validation, "action vote takes only vote, not " + std::string(key),
                 std::string(key));
  const auto* v = req.data.if_contains("vote");
  if (!v || !v->is_string() || (v->as_string() != "pass" && v->as_string() != "fail"))
    return err(ErrorCode::validation, "vote must be \"pass\" or \"fail\"", "vote");
  const bool pass = v->as_string() == "pass";
  VoteTally tl = tally(ports_.cases.votes(l.before.id, l.before.stage_seq), actor.username);
  if (tl.voted) return err(ErrorCode::already_voted, "you have already voted on this case");
  (pass ? tl.pass : tl.fail)++;
  t.vote = Vote{l.before.id, l.before.stage_seq, actor.username, pass};
  plan_stay(ctx.plan(), t, l.before.rev, actor.username, "vote", boost::json::object{{"vote", *v}},
            req.comment);
  voted_after = true;
  const std::string decided = vote_decision(*l.stage->votes, tl);
  if (decided.empty()) return ok_status();
  auto target = target_of(ctx.plan(), t.next, *l.stage->action(decided));
  if (!target) return target.take_error();
  voted_after = false;  // a new round, or a case that left the stage
  return plan_move(ctx.plan(), t, l.before.rev, "system", decided, *target,
                   boost::json::object{{"pass", tl.pass}, {"fail", tl.fail}}, "");
}

// A declared action: its own fields only, their types and `requires`, then its guard.
Status CaseService::plan_action(const Actor& actor, const Loaded& l, const CaseContext& ctx,
                                const ActRequest& req, Transition& t) {
  const ActionDef& a = *l.action;
  if (auto s = check_writable(*l.def, a, req.data); !s) return s;
  if (auto s = validate_fields(*l.def, req.data); !s) return s;
  merge_into(t.next.data, req.data);
  if (auto s = check_data_size(*l.def, t.next.data); !s) return s;
  if (auto s = check_required(a.requires_fields, t.next.data, *l.def); !s) return s;
  if (a.has_guard) {
    auto g = l.set->guard(*l.def, l.before.stage, a.id, view_of(t.next), ctx.q());
    if (!g) return g.take_error();
    if (!g->ok) return err(ErrorCode::guard_failed, g->reason, g->field);
  }
  auto target = target_of(ctx.plan(), t.next, a);
  if (!target) return target.take_error();
  return plan_move(ctx.plan(), t, l.before.rev, actor.username, a.id, *target, req.data,
                   req.comment);
}

Result<CaseOutcome> CaseService::act(const Actor& actor, int64_t case_id, const std::string& action,
                                     const ActRequest& req) {
  if (auto r = replay(actor, req.idempotency_key, req.request_hash)) {
    if (*r) strip_objector((*r)->c.data);
    return std::move(*r);
  }
  auto loaded = load_for_action(actor, case_id, action, req.rev);
  if (!loaded) return loaded.take_error();
  const Loaded& l = *loaded;

  const Instant now = clock_.now();
  const CaseContext ctx(ports_, l.set, *l.def, calendar_, actor,
                        ports_.archive.enterprise(l.before.enterprise), now, beijing_date(now));
  Transition t;
  t.expected_rev = l.before.rev;
  t.next = l.before;
  bool voted_after = false;
  if (auto s = l.action ? plan_action(actor, l, ctx, req, t)
                        : plan_vote(actor, l, ctx, req, t, voted_after);
      !s)
    return s.take_error();

  const bool due_now = t.new_timer && t.new_timer->due_at <= now;
  auto out = commit(std::move(t), actor, req.idempotency_key, req.request_hash, voted_after, false);
  if (out && !out->replayed && due_now) fire_if_due(*out, now);
  if (out) strip_objector(out->c.data);
  return out;
}

void CaseService::fire_if_due(CaseOutcome& out, Instant now) {
  // A timer whose due instant has already passed (a kept deadline, a computed date) fires
  // at once, dated by its due day, rather than at the timer worker's next tick.
  if (auto timer = ports_.timers.pending_timer(out.c.id);
      timer && timer->due_at <= now &&
      ports_.timers.claim_timer(timer->id, "inline", now + std::chrono::minutes(1))) {
    if (auto fired = fire(*timer)) out.c = std::move(fired.value());
  }
}

Result<Case> CaseService::fire(const Timer& timer) {
  auto c = ports_.cases.case_by_id(timer.case_id);
  if (!c) return err(ErrorCode::not_found, "no case for timer");
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->find(c->procedure, c->version) : nullptr;
  if (!def) return err(ErrorCode::unavailable, "procedure version is not loaded");
  const StageDef* stage = def->stage(c->stage);
  const ActionDef* adef = stage ? stage->action(timer.fire_action) : nullptr;
  Transition t;
  t.expected_rev = c->rev;
  t.next = *c;
  t.fired_timer = timer.id;
  const Instant now = clock_.now();
  const Actor system{"system", "system", {RoleGrant{"system", "000000"}}, std::nullopt};
  // Effects applied by a timer are dated by the Beijing date of its due instant.
  const CaseContext ctx(ports_, set, *def, calendar_, system,
                        ports_.archive.enterprise(c->enterprise), now, beijing_date(timer.due_at));
  if (c->status != "active" || c->stage != timer.stage || !adef) {
    // The case moved on without cancelling it: record the timer as spent, change nothing.
    plan_stay(ctx.plan(), t, c->rev, "system", "timer_expired",
              boost::json::object{{"timer", timer.id}, {"action", timer.fire_action}}, "");
  } else {
    auto target = target_of(ctx.plan(), t.next, *adef);
    if (!target) return target.take_error();
    if (auto s = plan_move(ctx.plan(), t, c->rev, "system", timer.fire_action, *target,
                           boost::json::object{{"due_at", format_instant(timer.due_at)}}, "");
        !s)
      return s.take_error();
  }
  t.audit = audit_entry(
      now, "system", "timer.fire",
      boost::json::object{{"case_id", c->id}, {"timer", timer.id}, {"action", timer.fire_action}});
  return store_transition(std::move(t), false);
}

Result<Objection> CaseService::object(int64_t notice_id, Objection objection) {
  auto notice = ports_.registers.notice(notice_id);
  if (!notice || !notice->open)
    return err(ErrorCode::not_found, "no open notice " + std::to_string(notice_id));
  if (objection.content.empty())
    return err(ErrorCode::validation, "content is required", "content");
  if (objection.name.empty()) return err(ErrorCode::validation, "name is required", "name");
  if (objection.contact.empty())
    return err(ErrorCode::validation, "contact is required", "contact");
  auto c = ports_.cases.case_by_id(notice->case_id);
  auto set = procedures_.current();
  const ProcedureDef* def = c && set ? set->find(c->procedure, c->version) : nullptr;
  const StageDef* stage = def ? def->stage(c->stage) : nullptr;
  const ActionDef* adef = nullptr;
  if (stage)
    for (const auto& a : stage->actions)
      if (a.role == "public") adef = &a;
  if (!adef || c->stage != notice->stage) return err(ErrorCode::not_found, "the notice has closed");

  const Instant now = clock_.now();
  const Actor pub{"public", "public", {}, std::nullopt};
  const CaseContext ctx(ports_, set, *def, calendar_, pub, ports_.archive.enterprise(c->enterprise),
                        now, beijing_date(now));
  Transition t;
  t.expected_rev = c->rev;
  t.next = *c;
  objection.notice_id = notice_id;
  objection.case_id = c->id;
  objection.at = now;
  t.objection = objection;
  // The objector's name and contact stay in the objections table, shown only to the staff
  // who decide objections (objections()); every reader of the case sees content and time.
  t.next.data["objection"] =
      boost::json::object{{"content", objection.content}, {"at", format_instant(now)}};
  auto target = target_of(ctx.plan(), t.next, *adef);
  if (!target) return target.take_error();
  if (auto s = plan_move(ctx.plan(), t, c->rev, "public", adef->id, *target,
                         boost::json::object{{"content", objection.content}}, "");
      !s)
    return s.take_error();
  t.audit = audit_entry(now, "public", "notice.objection",
                        boost::json::object{{"case_id", c->id}, {"notice_id", notice_id}});
  auto stored = store_transition(std::move(t), false);
  if (!stored) return stored.take_error();
  return objection;
}

}  // namespace qc
