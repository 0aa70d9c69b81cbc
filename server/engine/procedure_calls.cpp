// guard / route / hook: run one procedure function with `case`, `q` (and `fx`) and read
// its answer by the calling conventions of docs/lua_api.md.
#include <string>

#include "engine/call_context.hpp"
#include "engine/procedure_set.hpp"

namespace qc::engine {

namespace {

Error script_error(const std::string& where, const std::string& message) {
  return err(ErrorCode::internal, "script error: " + where + ": " + message);
}

std::string_view hook_name(HookKind kind) {
  switch (kind) {
    case HookKind::on_enter:
      return "on_enter";
    case HookKind::on_exit:
      return "on_exit";
    case HookKind::effects:
      return "effects";
  }
  return "";
}

}  // namespace

template <typename T, typename Read>
Result<T> LuaProcedureSet::call(const Slot& slot, const CaseView& c, const QueryPort& q,
                                std::vector<Effect>* effects, int nresults, Read&& read) const {
  auto lease = borrow();
  if (!lease) return lease.take_error();
  Prepared& p = *lease.value();
  Sandbox& sb = *p.sandbox;
  lua_State* L = sb.state();
  CallContext ctx{&q, effects, 0};
  CallScope scope(sb.host(), ctx);
  StackGuard guard(L);
  struct Job {
    int ref;
    const CaseView* c;
    bool with_fx;
  } job{p.refs[static_cast<size_t>(&slot - slots_.data())], &c, effects != nullptr};
  auto setup = [&job](lua_State* S) {
    lua_rawgeti(S, LUA_REGISTRYINDEX, job.ref);
    push_case(S, *job.c);
    if (job.with_fx) push_effects_api(S, -1);
    push_query_api(S);
    return job.with_fx ? 3 : 2;
  };
  const std::string& where = slot.site->where;
  if (auto st = sb.run(setup, nresults, where); !st) return st.take_error();
  return read(L, where);
}

Result<GuardOutcome> LuaProcedureSet::guard(const ProcedureDef& def, std::string_view stage,
                                            std::string_view action, const CaseView& c,
                                            const QueryPort& q) const {
  auto s = action.empty() ? slot(def, {}, {}, "guard") : slot(def, stage, action, "guard");
  if (!s) return s.take_error();
  if (!s.value()) return GuardOutcome{};  // no guard: allowed
  return call<GuardOutcome>(
      *s.value(), c, q, nullptr, 3,
      [](lua_State* L, const std::string& where) -> Result<GuardOutcome> {
        const int verdict = lua_gettop(L) - 2;
        if (lua_type(L, verdict) == LUA_TBOOLEAN && lua_toboolean(L, verdict))
          return GuardOutcome{};
        if (lua_toboolean(L, verdict))
          return script_error(where,
                              std::string("guard must return true, or false and a reason, not a ") +
                                  luaL_typename(L, verdict));
        GuardOutcome out{false, {}, {}};
        if (lua_type(L, verdict + 1) == LUA_TSTRING)
          out.reason = lua_tostring(L, verdict + 1);
        else if (!lua_isnil(L, verdict + 1))
          return script_error(where, std::string("guard's reason must be a string, not a ") +
                                         luaL_typename(L, verdict + 1));
        if (out.reason.empty()) out.reason = "refused by " + where;
        // An optional third value names the field the refusal is about (e.g.
        // "sections.preface"), so that a form can show the message at that field.
        if (lua_type(L, verdict + 2) == LUA_TSTRING)
          out.field = lua_tostring(L, verdict + 2);
        else if (!lua_isnil(L, verdict + 2))
          return script_error(where, std::string("guard's field must be a string, not a ") +
                                         luaL_typename(L, verdict + 2));
        return out;
      });
}

Result<std::string> LuaProcedureSet::route(const ProcedureDef& def, std::string_view stage,
                                           std::string_view action, const CaseView& c,
                                           const QueryPort& q) const {
  auto s = slot(def, stage, action, "route");
  if (!s) return s.take_error();
  const ActionDef* a = find(def.id, def.version)->stage(stage)->action(action);
  if (!s.value()) {
    if (a->to.size() == 1) return a->to.front();
    return err(ErrorCode::internal, def.id + ": action '" + a->id + "' has no route");
  }
  return call<std::string>(
      *s.value(), c, q, nullptr, 1,
      [a](lua_State* L, const std::string& where) -> Result<std::string> {
        if (lua_type(L, -1) != LUA_TSTRING)
          return script_error(
              where, std::string("route must return a stage id, not a ") + luaL_typename(L, -1));
        std::string target = lua_tostring(L, -1);
        std::string allowed;
        for (const auto& t : a->to) {
          if (t == target) return target;
          allowed += (allowed.empty() ? "" : ", ") + t;
        }
        return script_error(where,
                            "route returned '" + target + "', which is not one of: " + allowed);
      });
}

Result<std::vector<Effect>> LuaProcedureSet::hook(const ProcedureDef& def, HookKind kind,
                                                  std::string_view stage, std::string_view action,
                                                  const CaseView& c, const QueryPort& q) const {
  auto s = kind == HookKind::effects ? slot(def, stage, action, hook_name(kind))
                                     : slot(def, stage, {}, hook_name(kind));
  if (!s) return s.take_error();
  std::vector<Effect> effects;
  if (!s.value()) return effects;
  auto done = call<bool>(*s.value(), c, q, &effects, 0,
                         [](lua_State*, const std::string&) -> Result<bool> { return true; });
  if (!done) return done.take_error();
  return effects;
}

Result<std::optional<Date>> LuaProcedureSet::timer_date(const ProcedureDef& def,
                                                        std::string_view stage, const CaseView& c,
                                                        const QueryPort& q) const {
  auto s = slot(def, stage, {}, "timer_at");
  if (!s) return s.take_error();
  if (!s.value())
    return err(ErrorCode::internal,
               def.id + ": stage '" + std::string(stage) + "' has no timer.at function");
  return call<std::optional<Date>>(
      *s.value(), c, q, nullptr, 1,
      [](lua_State* L, const std::string& where) -> Result<std::optional<Date>> {
        if (lua_isnil(L, -1)) return std::optional<Date>();
        std::optional<Date> d;
        if (lua_type(L, -1) == LUA_TSTRING) d = parse_date(lua_tostring(L, -1));
        if (!d)
          return script_error(
              where,
              std::string("timer.at must return a date YYYY-MM-DD or nil, not ") +
                  (lua_type(L, -1) == LUA_TSTRING ? "'" + std::string(lua_tostring(L, -1)) + "'"
                                                  : std::string("a ") + luaL_typename(L, -1)));
        return d;
      });
}

}  // namespace qc::engine
