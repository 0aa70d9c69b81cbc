#include "service/transition_plan.hpp"

#include "service/effects.hpp"

namespace qc {

CaseView view_of(const Case& c) {
  return CaseView{c.id, c.procedure, c.version, c.enterprise, c.stage, c.status, c.data, c.rev};
}

namespace {

Status run_hook(const PlanContext& ctx, Transition& t, HookKind kind, const std::string& stage,
                const std::string& action, const std::string& actor) {
  auto effects = ctx.set.hook(ctx.def, kind, stage, action, view_of(t.next), ctx.q);
  if (!effects) return effects.take_error();
  const StageDef* st = ctx.def.stage(stage);
  const ActionDef* a = st ? st->action(action) : nullptr;
  std::string basis = a && !a->basis.empty() ? a->basis : st ? st->basis : std::string();
  if (basis.empty()) basis = ctx.def.basis;
  const EffectContext ectx{ctx.ports, ctx.def, t.next,           ctx.enterprise, ctx.today,
                           ctx.now,   actor,   std::move(basis), &ctx.set};
  for (const auto& fx : *effects) {
    if (auto s = apply_effect(fx, ectx, t.next.data, t.writes); !s) return s;
  }
  return ok_status();
}

void append_event(const PlanContext& ctx, Transition& t, int64_t rev_before,
                  const std::string& actor, const std::string& action, const std::string& to,
                  const Json& payload, const std::string& comment) {
  CaseEvent e;
  e.case_id = t.next.id;
  e.seq = rev_before + static_cast<int64_t>(t.events.size()) + 1;
  e.at = ctx.now;
  e.actor = actor;
  e.action = action;
  e.from_stage = t.next.stage;
  e.to_stage = to;
  e.comment = comment;
  e.payload = payload;
  t.events.push_back(std::move(e));
}

// The stage timer, when the stage has one and it starts on this entry.
Status plan_timer(const PlanContext& ctx, Transition& t, const StageDef& stage,
                  const std::string& action) {
  if (!stage.timer) return ok_status();
  const auto& td = *stage.timer;
  if (!td.on.empty() && std::find(td.on.begin(), td.on.end(), action) == td.on.end())
    return ok_status();
  Timer timer;
  timer.case_id = t.next.id;
  timer.stage = stage.id;
  timer.fire_action = td.fire;
  std::optional<Timer> kept;
  if (td.keep && t.next.id != 0) kept = ctx.ports.timers.kept_timer(t.next.id, stage.id);
  if (kept) {
    // The first deadline stands, with its count; if it has passed, it fires at once.
    timer.due_at = kept->due_at;
    timer.provisional = kept->provisional;
    timer.counted_from = kept->counted_from;
    timer.workdays = kept->workdays;
  } else if (td.at) {
    // A computed calendar date, due at its start (00:00 Beijing); nil: no timer this time.
    auto date = ctx.set.timer_date(ctx.def, stage.id, view_of(t.next), ctx.q);
    if (!date) return date.take_error();
    if (!*date) return ok_status();
    timer.due_at = start_of_beijing_day(**date);
    // Re-entered through its own action with the date passed: firing again would loop.
    if (action == td.fire && timer.due_at <= ctx.now) return ok_status();
  } else {
    const Deadline d = td.workdays > 0 ? ctx.calendar.add_workdays(ctx.today, td.workdays)
                                       : WorkCalendar::add_days(ctx.today, td.days);
    timer.due_at = d.due_at;
    timer.provisional = d.provisional;
    if (td.workdays > 0) {
      timer.counted_from = ctx.today;
      timer.workdays = td.workdays;
    }
  }
  t.new_timer = timer;
  return ok_status();
}

}  // namespace

Result<std::string> target_of(const PlanContext& ctx, const Case& c, const ActionDef& a) {
  if (!a.has_route) return a.to.front();
  return ctx.set.route(ctx.def, c.stage, a.id, view_of(c), ctx.q);
}

Status plan_move(const PlanContext& ctx, Transition& t, int64_t rev_before,
                 const std::string& actor, const std::string& action, const std::string& target,
                 const Json& payload, const std::string& comment) {
  const StageDef* from = ctx.def.stage(t.next.stage);
  const StageDef* to = ctx.def.stage(target);
  if (!to) return err(ErrorCode::internal, "procedure has no stage " + target);
  if (from) {
    if (from->has_on_exit)
      if (auto s = run_hook(ctx, t, HookKind::on_exit, from->id, "", actor); !s) return s;
    const ActionDef* a = from->action(action);
    if (a && a->has_effects)
      if (auto s = run_hook(ctx, t, HookKind::effects, from->id, action, actor); !s) return s;
    if (from->notice) t.writes.close_notices = true;
    t.cancel_timers = true;
  }
  append_event(ctx, t, rev_before, actor, action, target, payload, comment);
  t.next.stage = target;
  t.next.stage_seq = t.events.back().seq;
  t.next.status = to->terminal ? "closed" : "active";
  if (to->has_on_enter)
    if (auto s = run_hook(ctx, t, HookKind::on_enter, to->id, "", actor); !s) return s;
  if (auto s = plan_timer(ctx, t, *to, action); !s) return s;
  if (to->notice) {
    Notice n;
    n.kind = "public_notice";
    n.case_id = t.next.id;
    n.stage = to->id;
    n.title = to->notice->title;
    n.outcome = to->notice->outcome;
    n.opens = ctx.now;
    if (t.new_timer) n.closes = t.new_timer->due_at;
    t.writes.open_notice = n;
  }
  return ok_status();
}

void plan_stay(const PlanContext& ctx, Transition& t, int64_t rev_before, const std::string& actor,
               const std::string& action, const Json& payload, const std::string& comment) {
  append_event(ctx, t, rev_before, actor, action, t.next.stage, payload, comment);
}

}  // namespace qc
