// `q`: the read-only questions a script may ask. Each function reads its arguments without
// raising, asks the QueryPort, builds the answer as JSON and pushes it in a protected call.
// How a call's `q` hands them out: engine/query_proxy.cpp.
#include <string>

#include "core/time.hpp"
#include "engine/call_context.hpp"
#include "engine/json_bridge.hpp"

namespace qc::engine {

namespace {

using boost::json::array;
using boost::json::object;

const QueryPort& port(lua_State* L) {
  CallContext& ctx = current_call(L, 1, "q");
  if (!ctx.query) throw ScriptError("q is not available here");
  return *ctx.query;
}

std::string type_at(lua_State* L, int i) { return luaL_typename(L, i); }

// Absent (nil) optional strings read as empty: the port's "any".
std::string arg_string(lua_State* L, int i, const char* fn, bool optional = false) {
  if (optional && lua_isnoneornil(L, i)) return {};
  if (lua_type(L, i) != LUA_TSTRING)
    throw ScriptError(std::string(fn) + ": argument #" + std::to_string(i) +
                      " must be a string, got " + type_at(L, i));
  size_t n = 0;
  const char* s = lua_tolstring(L, i, &n);
  return std::string(s, n);
}

Date arg_date(lua_State* L, int i, const char* fn) {
  const std::string s = arg_string(L, i, fn);
  auto d = parse_date(s);
  if (!d)
    throw ScriptError(std::string(fn) + ": argument #" + std::to_string(i) +
                      " must be a date \"YYYY-MM-DD\", got \"" + s + "\"");
  return *d;
}

int arg_int(lua_State* L, int i, const char* fn, int lo, int hi) {
  int isnum = 0;
  const lua_Integer n = lua_tointegerx(L, i, &isnum);
  if (!isnum || lua_type(L, i) != LUA_TNUMBER || n < lo || n > hi)
    throw ScriptError(std::string(fn) + ": argument #" + std::to_string(i) +
                      " must be an integer from " + std::to_string(lo) + " to " +
                      std::to_string(hi));
  return static_cast<int>(n);
}

int push_result(lua_State* L, const Json& v) {
  protect(L, 0, 1, [&v](lua_State* S) {
    push_json(S, v);
    return 1;
  });
  return 1;
}

Json date_json(Date d) { return boost::json::string(format_date(d)); }

int q_actor(lua_State* L) {
  const Actor& a = port(L).actor();
  object o{{"username", a.username}, {"display_name", a.display_name}};
  if (a.enterprise) o["enterprise"] = *a.enterprise;
  array grants;
  for (const auto& g : a.grants) grants.push_back(object{{"role", g.role}, {"region", g.region}});
  o["grants"] = std::move(grants);
  return push_result(L, o);
}

int q_enterprise(lua_State* L) {
  const auto e = port(L).enterprise(arg_string(L, 1, "q.enterprise"));
  if (!e) return push_result(L, nullptr);
  return push_result(L, object{{"uscc", e->uscc},
                               {"name", e->name},
                               {"region", e->region},
                               {"established_on", date_json(e->established_on)},
                               {"status", e->status}});
}

int q_records(lua_State* L) {
  array out;
  for (const auto& r : port(L).records(arg_string(L, 1, "q.records")))
    out.push_back(object{{"id", r.id},
                         {"kind", r.kind},
                         {"category", r.category},
                         {"occurred_on", date_json(r.occurred_on)},
                         {"source", r.source},
                         {"detail", r.detail},
                         {"basis", r.basis},
                         {"source_case_id", r.source_case_id ? Json(*r.source_case_id) : Json()}});
  return push_result(L, out);
}

int q_grants(lua_State* L) {
  array out;
  for (const auto& g :
       port(L).grants(arg_string(L, 1, "q.grants"), arg_string(L, 2, "q.grants", true)))
    out.push_back(object{{"id", g.id},
                         {"family", g.family},
                         {"grade", g.grade},
                         {"valid_from", date_json(g.valid_from)},
                         {"valid_to", date_json(g.valid_to)},
                         {"status", g.status},
                         {"case_id", g.case_id},
                         {"published", g.published}});
  return push_result(L, out);
}

int q_bans(lua_State* L) {
  array out;
  for (const auto& b : port(L).bans(arg_string(L, 1, "q.bans"), arg_string(L, 2, "q.bans", true)))
    out.push_back(object{{"id", b.id},
                         {"family", b.family},
                         {"reason", b.reason},
                         {"from", date_json(b.from)},
                         {"until", date_json(b.until)},
                         {"basis", b.basis},
                         {"case_id", b.case_id}});
  return push_result(L, out);
}

int q_listings(lua_State* L) {
  array out;
  for (const auto& l :
       port(L).listings(arg_string(L, 1, "q.listings"), arg_string(L, 2, "q.listings", true)))
    out.push_back(object{{"id", l.id},
                         {"activity", l.activity},
                         {"status", l.status},
                         {"since", date_json(l.since)},
                         {"case_id", l.case_id}});
  return push_result(L, out);
}

CaseFilter arg_filter(lua_State* L) {
  CaseFilter f;
  if (lua_isnoneornil(L, 1)) return f;
  if (lua_type(L, 1) != LUA_TTABLE || !lua_checkstack(L, 3))
    throw ScriptError("q.cases: expects a table, e.g. q.cases{ procedure = …, stage = … }");
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    const std::string key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
    std::optional<std::string>* slot = key == "procedure"    ? &f.procedure
                                       : key == "enterprise" ? &f.enterprise
                                       : key == "stage"      ? &f.stage
                                       : key == "status"     ? &f.status
                                                             : nullptr;
    if (!slot)
      throw ScriptError("q.cases: unknown filter '" + key +
                        "' (procedure enterprise stage status)");
    if (lua_type(L, -1) != LUA_TSTRING)
      throw ScriptError("q.cases: filter '" + key + "' must be a string, got " + type_at(L, -1));
    *slot = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  return f;
}

int q_cases(lua_State* L) {
  const CaseFilter filter = arg_filter(L);
  array out;
  for (const auto& c : port(L).cases(filter))
    out.push_back(object{{"id", c.id},
                         {"procedure", c.procedure},
                         {"version", c.version},
                         {"enterprise", c.enterprise},
                         {"stage", c.stage},
                         {"status", c.status},
                         {"data", c.data},
                         {"rev", c.rev}});
  return push_result(L, out);
}

int q_now(lua_State* L) {
  return push_result(L, boost::json::string(format_instant(port(L).now())));
}

int q_today(lua_State* L) { return push_result(L, date_json(beijing_date(port(L).now()))); }

int q_add_days(lua_State* L) {
  const Date d = arg_date(L, 1, "q.add_days");
  return push_result(L, date_json(add_days(d, arg_int(L, 2, "q.add_days", -36600, 36600))));
}

int q_add_workdays(lua_State* L) {
  const Date d = arg_date(L, 1, "q.add_workdays");
  const int n = arg_int(L, 2, "q.add_workdays", 1, 3660);
  return push_result(L, date_json(port(L).calendar().nth_workday_after(d, n)));
}

int q_is_workday(lua_State* L) {
  const Date d = arg_date(L, 1, "q.is_workday");
  return push_result(L, port(L).calendar().is_workday(d));
}

int q_anniversary(lua_State* L) {
  const Date d = arg_date(L, 1, "q.anniversary");
  return push_result(L, date_json(anniversary(d, arg_int(L, 2, "q.anniversary", 0, 200))));
}

int q_days_between(lua_State* L) {
  const Date a = arg_date(L, 1, "q.days_between");
  const Date b = arg_date(L, 2, "q.days_between");
  const auto days = (std::chrono::sys_days{b} - std::chrono::sys_days{a}).count();
  return push_result(L, static_cast<int64_t>(days));
}

constexpr QueryFunction kFunctions[] = {
    {"actor", &entry<&q_actor>},
    {"enterprise", &entry<&q_enterprise>},
    {"records", &entry<&q_records>},
    {"grants", &entry<&q_grants>},
    {"bans", &entry<&q_bans>},
    {"listings", &entry<&q_listings>},
    {"cases", &entry<&q_cases>},
    {"now", &entry<&q_now>},
    {"today", &entry<&q_today>},
    {"add_days", &entry<&q_add_days>},
    {"add_workdays", &entry<&q_add_workdays>},
    {"is_workday", &entry<&q_is_workday>},
    {"anniversary", &entry<&q_anniversary>},
    {"days_between", &entry<&q_days_between>},
};

}  // namespace

std::span<const QueryFunction> query_functions() { return kFunctions; }

}  // namespace qc::engine
