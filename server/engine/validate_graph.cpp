#include <algorithm>
#include <deque>
#include <set>

#include "engine/convert_parts.hpp"

namespace qc::engine {

namespace {

void check_targets(ConvertContext& cx, const ProcedureDef& def) {
  for (const auto& s : def.stages)
    for (const auto& a : s.actions)
      for (const auto& target : a.to)
        if (!def.stage(target))
          cx.error(action_path(s.id, a.id) / "to",
                   "action '" + a.id + "' goes to stage '" + target + "', which is not declared");
}

void check_timer_on(ConvertContext& cx, const ProcedureDef& def) {
  for (const auto& s : def.stages) {
    if (!s.timer) continue;
    for (const auto& name : s.timer->on) {
      bool leads_here = false;
      for (const auto& other : def.stages)
        if (const ActionDef* a = other.action(name))
          leads_here = leads_here || std::find(a->to.begin(), a->to.end(), s.id) != a->to.end();
      if (!leads_here)
        cx.error(
            stage_path(s.id) / "timer" / "on",
            "timer.on names '" + name + "', which is no action leading to stage '" + s.id + "'");
    }
  }
}

void check_field_names(ConvertContext& cx, const ProcedureDef& def) {
  if (def.fields.empty()) return;  // a procedure without fields takes any data keys
  for (const auto& s : def.stages)
    for (const auto& a : s.actions)
      for (const auto& [list, key] :
           {std::pair{&a.requires_fields, "requires"}, std::pair{&a.fields, "fields"}})
        for (const auto& name : *list)
          if (!def.field(name))
            cx.error(action_path(s.id, a.id) / key,
                     std::string(key) + " names '" + name + "', which is not a declared field");
}

// Reachable stages, in the order the def lists them: start, then breadth-first through
// each stage's actions (sorted by id) and their targets in order.
std::vector<std::string> reachable(const ProcedureDef& def) {
  std::vector<std::string> order;
  if (!def.stage(def.start)) return order;
  std::set<std::string> seen{def.start};
  std::deque<std::string> queue{def.start};
  while (!queue.empty()) {
    const StageDef* s = def.stage(queue.front());
    order.push_back(queue.front());
    queue.pop_front();
    for (const auto& a : s->actions)
      for (const auto& t : a.to)
        if (def.stage(t) && seen.insert(t).second) queue.push_back(t);
  }
  return order;
}

}  // namespace

void validate_graph(ConvertContext& cx, ProcedureDef& def, bool starters_given) {
  if (!def.start.empty() && !def.stage(def.start))
    cx.error(Path{} / "start", "start stage '" + def.start + "' is not declared in stages");
  check_targets(cx, def);
  check_timer_on(cx, def);
  check_field_names(cx, def);

  const auto order = reachable(def);
  if (def.stage(def.start))
    for (const auto& s : def.stages)
      if (std::find(order.begin(), order.end(), s.id) == order.end())
        cx.error(stage_path(s.id),
                 "stage '" + s.id + "' is not reachable from start '" + def.start + "'");

  std::vector<StageDef> sorted;
  for (const auto& id : order) sorted.push_back(*def.stage(id));
  for (const auto& s : def.stages)  // def.stages is by id: the rest keep that order
    if (std::find(order.begin(), order.end(), s.id) == order.end()) sorted.push_back(s);
  def.stages = std::move(sorted);

  if (!starters_given)
    if (const StageDef* start = def.stage(def.start))
      for (const auto& a : start->actions)
        if (std::find(def.starters.begin(), def.starters.end(), a.role) == def.starters.end())
          def.starters.push_back(a.role);
}

}  // namespace qc::engine
