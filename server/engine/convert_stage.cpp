#include <algorithm>

#include "engine/convert_parts.hpp"

namespace qc::engine {

namespace {

std::optional<Level> read_level(ConvertContext& cx, const ScriptValue& t, const Path& at) {
  auto level = cx.string(t, "level", at, false);
  if (!level) return std::nullopt;
  auto parsed = parse_level(*level);
  if (!parsed)
    cx.error(at / "level", "unknown level '" + *level + "' (county city province national)");
  return parsed;
}

void read_to(ConvertContext& cx, const ScriptValue& t, const Path& at, ActionDef& a) {
  const ScriptValue* to = t.get("to");
  if (!to) {
    cx.error(at, "action '" + a.id + "' is missing required key 'to'");
    return;
  }
  const bool list = to->is(ScriptValue::Type::table);
  if (auto targets = cx.strings(t, "to", at, true)) a.to = *targets;
  if (list && a.to.empty() && !to->entries.empty()) return;  // already reported
  if (list && a.to.empty()) cx.error(at / "to", "'to' must name at least one stage");
  for (size_t i = 0; i < a.to.size(); ++i)
    if (std::find(a.to.begin(), a.to.begin() + i, a.to[i]) != a.to.begin() + i)
      cx.error(at / "to", "'to' names stage '" + a.to[i] + "' twice");
  if (list && !a.has_route)
    cx.error(at / "to", "a list of stages in 'to' needs route = function(case, q) to choose one");
  if (!list && a.has_route)
    cx.error(at / "route", "route chooses among a list of stages: make 'to' a list");
}

ActionDef convert_action(ConvertContext& cx, const ProcedureDef& def, const std::string& stage,
                         const std::string& id, const ScriptValue& t) {
  const Path at = action_path(stage, id);
  ActionDef a;
  a.id = id;
  if (id == "vote")
    cx.error(at, "action id 'vote' is reserved: the host provides it in stages with votes");
  cx.check_keys(
      t,
      {"title", "role", "level", "to", "route", "guard", "requires", "fields", "basis", "effects"},
      at, "action '" + id + "'");
  a.title = cx.string(t, "title", at, false).value_or(id);
  if (auto role = cx.string(t, "role", at, true)) {
    if (!role_known(*role)) cx.error(at / "role", "unknown role '" + *role + "'");
    a.role = *role;
  }
  if (auto level = read_level(cx, t, at)) a.level = *level;
  const std::vector<std::string> lua_path = {"stages", stage, "actions", id};
  a.has_route =
      cx.function(t, "route", at, lua_path, function_key(def.id, def.version, stage, id, "route"));
  a.has_guard =
      cx.function(t, "guard", at, lua_path, function_key(def.id, def.version, stage, id, "guard"));
  a.has_effects = cx.function(t, "effects", at, lua_path,
                              function_key(def.id, def.version, stage, id, "effects"));
  read_to(cx, t, at, a);
  if (auto req = cx.strings(t, "requires", at, false)) a.requires_fields = *req;
  if (auto fields = cx.strings(t, "fields", at, false)) a.fields = *fields;
  if (auto basis = cx.string(t, "basis", at, false)) a.basis = *basis;
  return a;
}

std::optional<TimerDef> convert_timer(ConvertContext& cx, const ProcedureDef& def,
                                      const StageDef& s, const ScriptValue& t, const Path& at) {
  cx.check_keys(t, {"days", "workdays", "at", "fire", "keep", "on"}, at, "timer");
  TimerDef timer;
  const auto days = cx.integer(t, "days", at, false);
  const auto workdays = cx.integer(t, "workdays", at, false);
  timer.at = cx.function(t, "at", at, {"stages", s.id, "timer"},
                         function_key(def.id, def.version, s.id, "", "timer_at"));
  const int counts = (t.get("days") ? 1 : 0) + (t.get("workdays") ? 1 : 0) + (t.get("at") ? 1 : 0);
  if (counts != 1)
    cx.error(at,
             "a timer counts days or workdays, or computes its date with at (exactly one of them)");
  for (const auto& [value, key] : {std::pair{days, "days"}, std::pair{workdays, "workdays"}})
    if (value && (*value <= 0 || *value > 3660))
      cx.error(at / key, std::string("timer ") + key + " must be a positive integer");
  timer.days = static_cast<int>(days.value_or(0));
  timer.workdays = static_cast<int>(workdays.value_or(0));
  if (auto fire = cx.string(t, "fire", at, true)) {
    if (!s.action(*fire))
      cx.error(at / "fire",
               "timer fires '" + *fire + "', which is not an action of stage '" + s.id + "'");
    timer.fire = *fire;
  }
  if (auto keep = cx.boolean(t, "keep", at)) timer.keep = *keep;
  if (auto on = cx.strings(t, "on", at, true)) timer.on = *on;
  return timer;
}

VotesDef convert_votes(ConvertContext& cx, const StageDef& s, const ScriptValue& t,
                       const Path& at) {
  cx.check_keys(t, {"role", "level", "of", "pass", "passed", "failed"}, at, "votes");
  VotesDef v;
  if (auto role = cx.string(t, "role", at, true)) {
    if (!role_known(*role)) cx.error(at / "role", "unknown role '" + *role + "'");
    v.role = *role;
  }
  if (auto level = read_level(cx, t, at)) v.level = *level;
  const auto of = cx.integer(t, "of", at, true);
  const auto pass = cx.integer(t, "pass", at, true);
  if (of && pass && !(*pass >= 1 && *pass <= *of && *of <= 1000))
    cx.error(at / "pass", "votes need 1 <= pass <= of");
  v.of = static_cast<int>(of.value_or(0));
  v.pass = static_cast<int>(pass.value_or(0));
  for (const char* key : {"passed", "failed"}) {
    auto name = cx.string(t, key, at, true);
    if (!name) continue;
    const ActionDef* a = s.action(*name);
    if (!a || a->role != "system")
      cx.error(at / key, std::string("votes.") + key +
                             " must name a role = \"system\" action of stage '" + s.id +
                             "', not '" + *name + "'");
    (std::string_view(key) == "passed" ? v.passed : v.failed) = *name;
  }
  return v;
}

NoticeDef convert_notice(ConvertContext& cx, const StageDef& s, const ScriptValue& t,
                         const Path& at) {
  cx.check_keys(t, {"title", "outcome"}, at, "notice");
  NoticeDef n;
  if (auto title = cx.string(t, "title", at, true)) n.title = *title;
  if (auto outcome = cx.string(t, "outcome", at, false)) n.outcome = *outcome;
  const auto publics = std::count_if(s.actions.begin(), s.actions.end(),
                                     [](const ActionDef& a) { return a.role == "public"; });
  if (publics != 1)
    cx.error(at,
             "a notice stage needs exactly one action with role = \"public\" (the objection), "
             "stage '" +
                 s.id + "' has " + std::to_string(publics));
  return n;
}

const ScriptValue* sub_table(ConvertContext& cx, const ScriptValue& t, const char* key,
                             const Path& at) {
  const ScriptValue* v = t.get(key);
  if (v && !v->is(ScriptValue::Type::table)) {
    cx.error(at / key, std::string("'") + key + "' must be a table, not " + v->type_name());
    return nullptr;
  }
  return v;
}

}  // namespace

void convert_stage(ConvertContext& cx, ProcedureDef& def, const std::string& id,
                   const ScriptValue& t) {
  const Path at = stage_path(id);
  cx.check_keys(
      t,
      {"title", "basis", "terminal", "timer", "votes", "notice", "on_enter", "on_exit", "actions"},
      at, "stage '" + id + "'");
  StageDef s;
  s.id = id;
  if (auto title = cx.string(t, "title", at, true)) s.title = *title;
  if (auto basis = cx.string(t, "basis", at, false)) s.basis = *basis;
  if (auto terminal = cx.boolean(t, "terminal", at)) s.terminal = *terminal;
  const std::vector<std::string> lua_path = {"stages", id};
  s.has_on_enter = cx.function(t, "on_enter", at, lua_path,
                               function_key(def.id, def.version, id, "", "on_enter"));
  s.has_on_exit =
      cx.function(t, "on_exit", at, lua_path, function_key(def.id, def.version, id, "", "on_exit"));
  for (const auto& [aid, table] : cx.id_map(t, "actions", at, "action"))
    s.actions.push_back(convert_action(cx, def, id, aid, *table));
  if (s.terminal && !s.actions.empty())
    cx.error(at / "actions", "terminal stage '" + id + "' cannot have actions");
  if (!s.terminal && s.actions.empty() && !t.get("actions"))
    cx.error(at, "stage '" + id + "' has no actions: give it actions or mark it terminal = true");
  else if (!s.terminal && s.actions.empty())
    cx.error(at / "actions",
             "stage '" + id + "' has no actions: give it actions or mark it terminal = true");
  if (const auto* timer = sub_table(cx, t, "timer", at))
    s.timer = convert_timer(cx, def, s, *timer, at / "timer");
  if (const auto* votes = sub_table(cx, t, "votes", at))
    s.votes = convert_votes(cx, s, *votes, at / "votes");
  if (const auto* notice = sub_table(cx, t, "notice", at))
    s.notice = convert_notice(cx, s, *notice, at / "notice");
  def.stages.push_back(std::move(s));
}

}  // namespace qc::engine
