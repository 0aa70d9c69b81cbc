#pragma once
// The mechanics every accepted action shares: leave the stage (on_exit, action effects,
// timers cancelled, notice closed), record the event, enter the target (on_enter, timer,
// notice). Pure planning: the result is a Transition the store applies in one transaction.
#include "core/query.hpp"
#include "core/transition.hpp"
#include "engine/engine.hpp"
#include "service/case_ports.hpp"

namespace qc {

struct PlanContext {
  CasePorts ports;
  const ProcedureSet& set;
  const ProcedureDef& def;
  const WorkCalendar& calendar;
  const QueryPort& q;
  const Enterprise* enterprise;
  Instant now;
  Date today;  // the Beijing date effects are dated by
};

CaseView view_of(const Case& c);

// Appends one event for `action` by `actor` and moves t.next into `target` (re-entering it
// when it is the current stage). `rev_before` is the case's rev before this transition.
Status plan_move(const PlanContext& ctx, Transition& t, int64_t rev_before,
                 const std::string& actor, const std::string& action, const std::string& target,
                 const Json& payload, const std::string& comment);

// Appends an event that does not move the case (a vote that decides nothing yet).
void plan_stay(const PlanContext& ctx, Transition& t, int64_t rev_before, const std::string& actor,
               const std::string& action, const Json& payload, const std::string& comment);

// The stage an action leads to: its single `to`, or what its route chooses.
Result<std::string> target_of(const PlanContext& ctx, const Case& c, const ActionDef& a);

}  // namespace qc
