// `fx`: how hooks ask for effects. Each fx.<kind>{…} checks its named arguments, converts
// them to JSON and appends an Effect; the host applies them in the transition's
// transaction. fx.set also updates case.data for the rest of the hook.
#include <string>

#include "engine/call_context.hpp"
#include "engine/json_bridge.hpp"

namespace qc::engine {

namespace {

enum class ArgType { string, integer, boolean, list };

struct ArgSpec {
  const char* name;
  ArgType type;
  bool required;
};

struct KindSpec {
  const char* kind;
  ArgSpec args[5];    // unused slots have no name
  bool open = false;  // any keys (fx.set)
};

const KindSpec kKinds[] = {
    {"grant",
     {{"grade", ArgType::string, true},
      {"years", ArgType::integer, true},
      {"family", ArgType::string, false},
      {"published", ArgType::boolean, false}}},
    {"suspend", {{"grant_id", ArgType::integer, true}}},
    {"reinstate", {{"grant_id", ArgType::integer, true}}},
    {"revoke", {{"grant_id", ArgType::integer, true}}},
    {"ban",
     {{"years", ArgType::integer, true},
      {"reason", ArgType::string, true},
      {"family", ArgType::string, false},
      {"basis", ArgType::string, false}}},
    {"record",
     {{"category", ArgType::string, true},
      {"detail", ArgType::string, true},
      {"occurred_on", ArgType::string, false},
      {"basis", ArgType::string, false}}},
    {"list", {{"activity", ArgType::string, false}}},
    {"delist", {{"activity", ArgType::string, false}}},
    {"announce",
     {{"kind", ArgType::string, true},
      {"title", ArgType::string, true},
      {"body", ArgType::string, true}}},
    {"document",
     {{"name", ArgType::string, true},
      {"title", ArgType::string, true},
      {"body", ArgType::string, false},
      {"template", ArgType::string, false},
      {"outline", ArgType::list, false}}},
    {"correct_records", {{"records", ArgType::list, true}, {"reason", ArgType::string, true}}},
    {"set", {}, true},  // any keys
};

const char* type_name(ArgType t) {
  switch (t) {
    case ArgType::string:
      return "a string";
    case ArgType::integer:
      return "an integer";
    case ArgType::boolean:
      return "true or false";
    case ArgType::list:
      return "a list";
  }
  return "";
}

bool has_type(const Json& v, ArgType t) {
  switch (t) {
    case ArgType::string:
      return v.is_string();
    case ArgType::integer:
      return v.is_int64();
    case ArgType::boolean:
      return v.is_bool();
    case ArgType::list:
      return v.is_array() || (v.is_object() && v.get_object().empty());  // {} reads as object
  }
  return false;
}

// fx.document's outline: a list of sections {title, text?, tables?, figures?, children?};
// a table is {caption?, rows = {{cell…}…}}, a figure {caption?, src = "data:image/…"}.
void check_outline(const Json& list, const std::string& at) {
  if (list.is_object()) return;  // an empty table
  for (const auto& item : list.get_array()) {
    if (!item.is_object()) throw ScriptError(at + ": each section must be a table");
    const auto& o = item.get_object();
    for (const auto& kv : o) {
      const std::string_view k = kv.key();
      const bool list_key = k == "tables" || k == "figures" || k == "children";
      if (k != "title" && k != "text" && !list_key)
        throw ScriptError(at + ": unknown section key '" + std::string(k) + "'");
      if (!list_key && !kv.value().is_string())
        throw ScriptError(at + ": " + std::string(k) + " must be a string");
      if (list_key && !has_type(kv.value(), ArgType::list))
        throw ScriptError(at + ": " + std::string(k) + " must be a list");
    }
    if (!o.contains("title")) throw ScriptError(at + ": a section needs a title");
    if (const auto* c = o.if_contains("children")) check_outline(*c, at);
  }
}

void check_args(const KindSpec& spec, const JsonObject& args) {
  const std::string fn = std::string("fx.") + spec.kind;
  if (spec.open) return;
  for (const auto& kv : args) {
    const ArgSpec* known = nullptr;
    for (const auto& a : spec.args)
      if (a.name && kv.key() == a.name) known = &a;
    if (!known) throw ScriptError(fn + ": unknown argument '" + std::string(kv.key()) + "'");
    if (!has_type(kv.value(), known->type))
      throw ScriptError(fn + ": " + known->name + " must be " + type_name(known->type));
    if (known->type == ArgType::integer && kv.value().get_int64() <= 0 &&
        std::string_view(known->name) == "years")
      throw ScriptError(fn + ": years must be positive");
  }
  for (const auto& a : spec.args)
    if (a.name && a.required && !args.contains(a.name))
      throw ScriptError(fn + ": missing " + a.name);
  const int contents =
      int(args.contains("body")) + int(args.contains("template")) + int(args.contains("outline"));
  if (contents > 1) throw ScriptError(fn + ": give body, template or outline, not both");
  if (const auto* outline = args.if_contains("outline")) check_outline(*outline, fn + " outline");
  if (const auto* ids = args.if_contains("records"); ids && ids->is_array())
    for (const auto& id : ids->get_array())
      if (!id.is_int64() || id.get_int64() <= 0)
        throw ScriptError(fn + ": records must be a list of record ids");
}

// Upvalues: 1 call serial, 2 index into kKinds, 3 the call's case table.
int fx_call(lua_State* L) {
  const KindSpec& spec = kKinds[lua_tointeger(L, lua_upvalueindex(2))];
  CallContext& ctx = current_call(L, 1, "fx");
  if (!ctx.effects) throw ScriptError("fx is not available here");
  const std::string fn = std::string("fx.") + spec.kind;
  if (lua_type(L, 1) != LUA_TTABLE)
    throw ScriptError(fn + " expects named arguments: " + fn + "{ … }");
  Json args = to_json(L, 1, fn + " argument");
  if (!args.is_object()) throw ScriptError(fn + " takes named arguments, not a list");
  check_args(spec, args.get_object());
  if (spec.open) {
    // The rest of the hook sees the values as the host will store them.
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(3));
    const JsonObject& values = args.get_object();
    protect(L, 1, 0, [&values](lua_State* S) {
      if (lua_getfield(S, 1, "data") != LUA_TTABLE) {
        lua_pop(S, 1);
        lua_newtable(S);
        lua_pushvalue(S, -1);
        lua_setfield(S, 1, "data");
      }
      for (const auto& kv : values) {
        lua_pushlstring(S, kv.key().data(), kv.key().size());
        push_json(S, kv.value());
        lua_rawset(S, -3);
      }
      return 0;
    });
  }
  ctx.effects->push_back(Effect{spec.kind, std::move(args.get_object())});
  return 0;
}

}  // namespace

void push_effects_api(lua_State* L, int case_index) {
  luaL_checkstack(L, 5, "fx");
  case_index = lua_absindex(L, case_index);
  const lua_Integer serial = host_of(L).call ? host_of(L).call->serial : 0;
  lua_createtable(L, 0, static_cast<int>(std::size(kKinds)));
  for (size_t i = 0; i < std::size(kKinds); ++i) {
    lua_pushinteger(L, serial);
    lua_pushinteger(L, static_cast<lua_Integer>(i));
    lua_pushvalue(L, case_index);
    lua_pushcclosure(L, &entry<&fx_call>, 3);
    lua_setfield(L, -2, kKinds[i].kind);
  }
}

}  // namespace qc::engine
