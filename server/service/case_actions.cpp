// Taking an action on a case: API.md "Cases" fixes the order of the checks, so that the
// loser of a race gets 409 (stale rev) rather than 403, and a replay beats everything.
#include <boost/json.hpp>

#include "service/access.hpp"
#include "service/case_service.hpp"
#include "service/data_validation.hpp"
#include "service/store_query.hpp"
#include "service/transition_plan.hpp"

namespace qc {

namespace {

struct Tally {
  int pass = 0;
  int fail = 0;
  bool voted = false;
};

Tally tally(const std::vector<Vote>& votes, const std::string& username) {
  Tally t;
  for (const auto& v : votes) {
    (v.pass ? t.pass : t.fail)++;
    t.voted = t.voted || v.username == username;
  }
  return t;
}

}  // namespace

Result<CaseOutcome> CaseService::act(const Actor& actor, int64_t case_id, const std::string& action,
                                     const ActRequest& req, const CaseRenderer& render) {
  if (auto r = replay(actor, req.idempotency_key, req.request_hash)) return std::move(*r);
  auto found = store_.case_by_id(case_id);
  if (!found || !may_read(actor, found->region, found->enterprise))
    return err(ErrorCode::not_found, "no case " + std::to_string(case_id));
  const Case before = std::move(*found);
  if (!req.rev) return err(ErrorCode::validation, "rev is required", "rev");
  if (*req.rev != before.rev)
    return err(ErrorCode::conflict, "the case has changed (rev " + std::to_string(before.rev) +
                                        "); reload it and try again");
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->find(before.procedure, before.version) : nullptr;
  if (!def) return err(ErrorCode::unavailable, "procedure version is not loaded");
  const StageDef* stage = def->stage(before.stage);
  const bool is_vote = stage && stage->votes && action == "vote";
  const ActionDef* adef = stage ? stage->action(action) : nullptr;
  if (before.status != "active" || (!is_vote && !adef))
    return err(ErrorCode::invalid_transition,
               "no action " + action + " in stage " + (stage ? stage->title : before.stage));

  const std::string& role = is_vote ? stage->votes->role : adef->role;
  const Level level = is_vote ? stage->votes->level : adef->level;
  if (role == "system" || role == "public" ||
      !may_act(actor, role, level, before.region, before.enterprise))
    return err(ErrorCode::forbidden,
               "action " + action + " needs role " + role +
                   (level == Level::none ? "" : " at " + std::string(to_string(level)) + " level") +
                   " for this enterprise");

  const Instant now = clock_.now();
  StoreQuery q(store_, calendar_, actor, now);
  const auto ent = store_.enterprise(before.enterprise);
  const PlanContext ctx{store_,           *set, *def, calendar_, q, ent ? &*ent : nullptr, now,
                        beijing_date(now)};
  Transition t;
  t.expected_rev = before.rev;
  t.next = before;
  bool voted_after = false;

  if (is_vote) {
    for (const auto& [key, value] : req.data)
      if (key != "vote")
        return err(ErrorCode::validation, "action vote takes only vote, not " + std::string(key),
                   std::string(key));
    const auto* v = req.data.if_contains("vote");
    if (!v || !v->is_string() || (v->as_string() != "pass" && v->as_string() != "fail"))
      return err(ErrorCode::validation, "vote must be \"pass\" or \"fail\"", "vote");
    const bool pass = v->as_string() == "pass";
    Tally tl = tally(store_.votes(before.id, before.stage_seq), actor.username);
    if (tl.voted) return err(ErrorCode::already_voted, "you have already voted on this case");
    (pass ? tl.pass : tl.fail)++;
    t.vote = Vote{before.id, before.stage_seq, actor.username, pass};
    plan_stay(ctx, t, before.rev, actor.username, "vote", boost::json::object{{"vote", *v}},
              req.comment);
    voted_after = true;
    const auto& vd = *stage->votes;
    std::string decided;
    if (tl.pass >= vd.pass)
      decided = vd.passed;
    else if (tl.fail > vd.of - vd.pass)
      decided = vd.failed;
    if (!decided.empty()) {
      auto target = target_of(ctx, t.next, *stage->action(decided));
      if (!target) return target.take_error();
      if (auto s = plan_move(ctx, t, before.rev, "system", decided, *target,
                             boost::json::object{{"pass", tl.pass}, {"fail", tl.fail}}, "");
          !s)
        return s.take_error();
      voted_after = false;
    }
  } else {
    if (auto s = check_writable(*def, *adef, req.data); !s) return s.take_error();
    if (auto s = validate_fields(*def, req.data); !s) return s.take_error();
    merge_into(t.next.data, req.data);
    if (auto s = check_required(adef->requires_fields, t.next.data, *def); !s)
      return s.take_error();
    if (adef->has_guard) {
      auto g = set->guard(*def, before.stage, action, view_of(t.next), q);
      if (!g) return g.take_error();
      if (!g->ok) return err(ErrorCode::guard_failed, g->reason, g->field);
    }
    auto target = target_of(ctx, t.next, *adef);
    if (!target) return target.take_error();
    if (auto s =
            plan_move(ctx, t, before.rev, actor.username, action, *target, req.data, req.comment);
        !s)
      return s.take_error();
  }

  CaseExtras extras;
  extras.set = set;
  extras.actions = available_actions(actor, t.next, *def, voted_after);
  extras.deadline = t.new_timer       ? t.new_timer
                    : t.cancel_timers ? std::nullopt
                                      : store_.pending_timer(before.id);
  extras.stage_title = def->stage(t.next.stage)->title;
  const bool due_now = t.new_timer && t.new_timer->due_at <= now;
  auto out =
      commit(std::move(t), actor, req.idempotency_key, req.request_hash, render, extras, false);
  if (out && !out->replayed && due_now) fire_if_due(*out, now);
  return out;
}

void CaseService::fire_if_due(CaseOutcome& out, Instant now) {
  // A timer whose due instant has already passed (a kept deadline, a computed date) fires
  // at once, dated by its due day, rather than at the timer worker's next tick.
  if (auto timer = store_.pending_timer(out.c.id);
      timer && timer->due_at <= now &&
      store_.claim_timer(timer->id, "inline", now + std::chrono::minutes(1))) {
    if (auto fired = fire(*timer)) out.c = std::move(fired.value());
  }
}

Result<Case> CaseService::fire(const Timer& timer) {
  auto c = store_.case_by_id(timer.case_id);
  if (!c) return err(ErrorCode::not_found, "no case for timer");
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->find(c->procedure, c->version) : nullptr;
  const StageDef* stage = def ? def->stage(c->stage) : nullptr;
  const ActionDef* adef = stage ? stage->action(timer.fire_action) : nullptr;
  if (!def) return err(ErrorCode::unavailable, "procedure version is not loaded");
  Transition t;
  t.expected_rev = c->rev;
  t.next = *c;
  t.fired_timer = timer.id;
  const Instant now = clock_.now();
  Actor system{"system", "system", {RoleGrant{"system", "000000"}}, std::nullopt};
  StoreQuery q(store_, calendar_, system, now);
  const auto ent = store_.enterprise(c->enterprise);
  // Effects applied by a timer are dated by the Beijing date of its due instant.
  const PlanContext ctx{
      store_, *set, *def, calendar_, q, ent ? &*ent : nullptr, now, beijing_date(timer.due_at)};
  if (c->status != "active" || c->stage != timer.stage || !adef) {
    // The case moved on without cancelling it: record the timer as spent, change nothing.
    plan_stay(ctx, t, c->rev, "system", "timer_expired",
              boost::json::object{{"timer", timer.id}, {"action", timer.fire_action}}, "");
  } else {
    auto target = target_of(ctx, t.next, *adef);
    if (!target) return target.take_error();
    if (auto s = plan_move(ctx, t, c->rev, "system", timer.fire_action, *target,
                           boost::json::object{{"due_at", format_instant(timer.due_at)}}, "");
        !s)
      return s.take_error();
  }
  t.audit = AuditEntry{
      0,
      now,
      "system",
      "timer.fire",
      boost::json::object{{"case_id", c->id}, {"timer", timer.id}, {"action", timer.fire_action}},
      {},
      {}};
  return store_transition(std::move(t), false);
}

Result<Objection> CaseService::object(int64_t notice_id, Objection objection) {
  auto notice = store_.notice(notice_id);
  if (!notice || !notice->open)
    return err(ErrorCode::not_found, "no open notice " + std::to_string(notice_id));
  if (objection.content.empty())
    return err(ErrorCode::validation, "content is required", "content");
  if (objection.name.empty()) return err(ErrorCode::validation, "name is required", "name");
  if (objection.contact.empty())
    return err(ErrorCode::validation, "contact is required", "contact");
  auto c = store_.case_by_id(notice->case_id);
  auto set = procedures_.current();
  const ProcedureDef* def = c && set ? set->find(c->procedure, c->version) : nullptr;
  const StageDef* stage = def ? def->stage(c->stage) : nullptr;
  const ActionDef* adef = nullptr;
  if (stage)
    for (const auto& a : stage->actions)
      if (a.role == "public") adef = &a;
  if (!adef || c->stage != notice->stage) return err(ErrorCode::not_found, "the notice has closed");

  const Instant now = clock_.now();
  Actor pub{"public", "public", {}, std::nullopt};
  StoreQuery q(store_, calendar_, pub, now);
  const auto ent = store_.enterprise(c->enterprise);
  const PlanContext ctx{store_,           *set, *def, calendar_, q, ent ? &*ent : nullptr, now,
                        beijing_date(now)};
  Transition t;
  t.expected_rev = c->rev;
  t.next = *c;
  objection.notice_id = notice_id;
  objection.case_id = c->id;
  objection.at = now;
  t.objection = objection;
  t.next.data["objection"] = boost::json::object{
      {"name", objection.name}, {"content", objection.content}, {"at", format_instant(now)}};
  auto target = target_of(ctx, t.next, *adef);
  if (!target) return target.take_error();
  // The objector's contact stays in the objections table: the event shows name and content.
  if (auto s = plan_move(
          ctx, t, c->rev, "public", adef->id, *target,
          boost::json::object{{"name", objection.name}, {"content", objection.content}}, "");
      !s)
    return s.take_error();
  t.audit = AuditEntry{0,
                       now,
                       "public",
                       "notice.objection",
                       boost::json::object{{"case_id", c->id}, {"notice_id", notice_id}},
                       {},
                       {}};
  auto stored = store_transition(std::move(t), false);
  if (!stored) return stored.take_error();
  return objection;
}

}  // namespace qc
