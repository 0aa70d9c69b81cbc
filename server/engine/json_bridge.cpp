#include "engine/json_bridge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/lua_state.hpp"

namespace qc::engine {

namespace {

constexpr int kMaxDepth = 32;

bool valid_utf8(const char* s, size_t n) {
  size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80           ? 1
                       : (c >> 5) == 0x6  ? 2
                       : (c >> 4) == 0xE  ? 3
                       : (c >> 3) == 0x1E ? 4
                                          : 0;
    if (len == 0 || i + len > n) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// Where a value sits ("name.key[3]"), as a chain of the callers' frames: the text is put
// together only for an error message, never for a value that converts.
struct Path {
  const Path* parent = nullptr;
  const std::string* root = nullptr;  // the outermost frame's name
  std::string_view key;               // a named key, or
  lua_Integer index = 0;              // a list index (key empty)
};

std::string text(const Path& p) {
  if (!p.parent) return *p.root;
  std::string out = text(*p.parent);
  if (!p.key.empty()) return out.append(".").append(p.key);
  return out.append("[").append(std::to_string(p.index)).append("]");
}

Json convert(lua_State* L, int idx, const Path& at, int depth);

Json convert_table(lua_State* L, int idx, const Path& at, int depth) {
  if (depth >= kMaxDepth)
    throw ScriptError(text(at) + " is nested too deeply (or refers to itself)");
  if (!lua_checkstack(L, 3)) throw ScriptError("Lua stack overflow");
  StackGuard guard(L);
  boost::json::object object;
  std::vector<std::pair<lua_Integer, Json>> items;
  // A list's length (0 for named keys); bounded: a sparse table can claim a huge border.
  items.reserve(std::min<size_t>(lua_rawlen(L, idx), 4096));
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    const int value = lua_gettop(L);
    if (lua_type(L, -2) == LUA_TSTRING) {
      size_t n = 0;
      const char* key = lua_tolstring(L, -2, &n);
      const std::string_view k(key, n);
      if (!valid_utf8(key, n)) throw ScriptError(text(at) + " has a key that is not valid UTF-8");
      object.insert_or_assign(k, convert(L, value, Path{&at, nullptr, k, 0}, depth + 1));
    } else if (lua_isinteger(L, -2)) {
      const lua_Integer i = lua_tointeger(L, -2);
      items.emplace_back(i, convert(L, value, Path{&at, nullptr, {}, i}, depth + 1));
    } else {
      throw ScriptError(text(at) + " has a " + std::string(luaL_typename(L, -2)) +
                        " key; only string keys and 1..n indices convert to JSON");
    }
    lua_pop(L, 1);
  }
  if (!items.empty() && !object.empty())
    throw ScriptError(text(at) + " mixes named keys and list entries");
  if (items.empty()) return object;
  boost::json::array array(items.size());
  for (auto& [i, v] : items) {
    if (i < 1 || static_cast<size_t>(i) > items.size())
      throw ScriptError(text(at) + " is a list with holes (index " + std::to_string(i) + ")");
    array[static_cast<size_t>(i - 1)] = std::move(v);
  }
  return array;
}

Json convert(lua_State* L, int idx, const Path& at, int depth) {
  switch (lua_type(L, idx)) {
    case LUA_TNIL:
      return nullptr;
    case LUA_TBOOLEAN:
      return lua_toboolean(L, idx) != 0;
    case LUA_TNUMBER: {
      if (lua_isinteger(L, idx)) return static_cast<int64_t>(lua_tointeger(L, idx));
      const double d = lua_tonumber(L, idx);
      if (!std::isfinite(d))
        throw ScriptError(text(at) + " is NaN or infinite, which JSON cannot hold");
      return d;
    }
    case LUA_TSTRING: {
      size_t n = 0;
      const char* s = lua_tolstring(L, idx, &n);
      if (!valid_utf8(s, n)) throw ScriptError(text(at) + " is not valid UTF-8 text");
      return boost::json::string(boost::json::string_view(s, n));
    }
    case LUA_TTABLE:
      return convert_table(L, idx, at, depth);
    default:
      throw ScriptError(text(at) + " is a " + std::string(luaL_typename(L, idx)) +
                        ", which cannot be stored as JSON");
  }
}

void push(lua_State* L, const Json& v, int depth);

void push_object(lua_State* L, const JsonObject& o, int depth) {
  lua_createtable(L, 0, static_cast<int>(o.size()));
  for (const auto& kv : o) {
    if (kv.value().is_null()) continue;  // nil: the key is absent
    lua_pushlstring(L, kv.key().data(), kv.key().size());
    push(L, kv.value(), depth + 1);
    lua_rawset(L, -3);
  }
}

void push(lua_State* L, const Json& v, int depth) {
  if (depth > kMaxDepth) luaL_error(L, "JSON value nested too deeply");
  luaL_checkstack(L, 4, "JSON value nested too deeply");
  switch (v.kind()) {
    case boost::json::kind::null:
      lua_pushnil(L);
      break;
    case boost::json::kind::bool_:
      lua_pushboolean(L, v.get_bool());
      break;
    case boost::json::kind::int64:
      lua_pushinteger(L, v.get_int64());
      break;
    case boost::json::kind::uint64:
      if (v.get_uint64() <= static_cast<uint64_t>(INT64_MAX))
        lua_pushinteger(L, static_cast<lua_Integer>(v.get_uint64()));
      else
        lua_pushnumber(L, static_cast<lua_Number>(v.get_uint64()));
      break;
    case boost::json::kind::double_:
      lua_pushnumber(L, v.get_double());
      break;
    case boost::json::kind::string:
      lua_pushlstring(L, v.get_string().data(), v.get_string().size());
      break;
    case boost::json::kind::array: {
      const auto& a = v.get_array();
      lua_createtable(L, static_cast<int>(a.size()), 0);
      lua_Integer i = 0;
      for (const auto& item : a) {
        push(L, item, depth + 1);
        lua_rawseti(L, -2, ++i);
      }
      break;
    }
    case boost::json::kind::object:
      push_object(L, v.get_object(), depth);
      break;
  }
}

}  // namespace

Json to_json(lua_State* L, int idx, const std::string& what) {
  return convert(L, lua_absindex(L, idx), Path{nullptr, &what, {}, 0}, 0);
}

void push_json(lua_State* L, const Json& value) { push(L, value, 0); }

void push_json_object(lua_State* L, const JsonObject& object) { push_object(L, object, 0); }

}  // namespace qc::engine
