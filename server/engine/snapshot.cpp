#include "engine/snapshot.hpp"

#include <algorithm>

#include "engine/host_globals.hpp"
#include "engine/lua_state.hpp"

namespace qc::engine {

namespace {

constexpr int kMaxDepth = 24;  // procedure tables are shallow; this also stops cycles

ScriptValue copy(lua_State* L, int idx, int depth);

ScriptKey copy_key(lua_State* L, int idx) {
  ScriptKey k;
  if (lua_type(L, idx) == LUA_TSTRING) {
    size_t n = 0;
    const char* s = lua_tolstring(L, idx, &n);
    k.kind = ScriptKey::Kind::string;
    k.string.assign(s, n);
  } else if (lua_isinteger(L, idx)) {
    k.kind = ScriptKey::Kind::integer;
    k.integer = lua_tointeger(L, idx);
  } else {
    k.string = luaL_typename(L, idx);
  }
  return k;
}

bool key_less(const ScriptEntry& a, const ScriptEntry& b) {
  if (a.key.kind != b.key.kind) {
    auto rank = [](ScriptKey::Kind kind) {
      return kind == ScriptKey::Kind::integer ? 0 : kind == ScriptKey::Kind::string ? 1 : 2;
    };
    return rank(a.key.kind) < rank(b.key.kind);
  }
  if (a.key.kind == ScriptKey::Kind::integer) return a.key.integer < b.key.integer;
  return a.key.string < b.key.string;
}

void copy_table(lua_State* L, int idx, int depth, ScriptValue& v) {
  v.procedure_line = procedure_mark(L, idx);
  if (depth >= kMaxDepth || !lua_checkstack(L, 4)) {
    v.truncated = true;
    return;
  }
  StackGuard guard(L);
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    // Keys are read without conversion: lua_tolstring on a number key would break lua_next.
    ScriptEntry e;
    e.key = copy_key(L, -2);
    e.value = copy(L, lua_gettop(L), depth + 1);
    v.entries.push_back(std::move(e));
    lua_pop(L, 1);
  }
  std::sort(v.entries.begin(), v.entries.end(), key_less);
}

ScriptValue copy(lua_State* L, int idx, int depth) {
  idx = lua_absindex(L, idx);
  ScriptValue v;
  switch (lua_type(L, idx)) {
    case LUA_TNIL:
      break;
    case LUA_TBOOLEAN:
      v.type = ScriptValue::Type::boolean;
      v.boolean = lua_toboolean(L, idx) != 0;
      break;
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx)) {
        v.type = ScriptValue::Type::integer;
        v.integer = lua_tointeger(L, idx);
      } else {
        v.type = ScriptValue::Type::number;
        v.number = lua_tonumber(L, idx);
      }
      break;
    case LUA_TSTRING: {
      size_t n = 0;
      const char* s = lua_tolstring(L, idx, &n);
      v.type = ScriptValue::Type::string;
      v.string.assign(s, n);
      break;
    }
    case LUA_TFUNCTION: {
      v.type = ScriptValue::Type::function;
      lua_Debug ar;
      lua_pushvalue(L, idx);
      if (lua_getinfo(L, ">S", &ar)) {
        v.source = ar.short_src;
        v.line = ar.linedefined > 0 ? ar.linedefined : 0;
      }
      break;
    }
    case LUA_TTABLE:
      v.type = ScriptValue::Type::table;
      copy_table(L, idx, depth, v);
      break;
    default:
      v.type = ScriptValue::Type::other;
      v.string = luaL_typename(L, idx);
      break;
  }
  return v;
}

}  // namespace

ScriptValue snapshot(lua_State* L, int idx) {
  if (!lua_checkstack(L, 4)) return ScriptValue{};
  return copy(L, idx, 0);
}

const ScriptValue* ScriptValue::get(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key.kind == ScriptKey::Kind::string && e.key.string == key) return &e.value;
  return nullptr;
}

bool ScriptValue::sequence(std::vector<const ScriptValue*>& out) const {
  out.clear();
  if (type != Type::table) return false;
  for (const auto& e : entries) {
    if (e.key.kind != ScriptKey::Kind::integer ||
        e.key.integer != static_cast<int64_t>(out.size()) + 1)
      return false;
    out.push_back(&e.value);
  }
  return true;
}

std::string ScriptValue::type_name() const {
  switch (type) {
    case Type::nil:
      return "nil";
    case Type::boolean:
      return "boolean";
    case Type::integer:
      return "integer";
    case Type::number:
      return "number";
    case Type::string:
      return "string";
    case Type::function:
      return "function";
    case Type::table:
      return "table";
    case Type::other:
      return string;
  }
  return "?";
}

}  // namespace qc::engine
