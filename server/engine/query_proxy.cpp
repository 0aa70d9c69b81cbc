// The `q` a call gets. A fresh table of 14 closures per call was most of a guard's cost
// (docs/performance.md, "Engine"), so a state builds q's machinery once and a call gets an
// empty table whose metatable finds the functions by name:
//  - that table is refused (on any lookup) unless it is the current call's: Host::q_current
//    names a registry slot that holds the current call's q, and a call must be in progress;
//  - a function is a closure over the call's serial (current_call checks it when called),
//    made the first time the call asks for it and cached for the rest of that call only.
// So a q, or a function taken from it, that a module keeps past its call is refused, as
// when every call built its own. The functions are made in the state, never shared
// between calls: the cache is forgotten whenever the serial changes.
#include <cstdint>

#include "engine/call_context.hpp"

namespace qc::engine {

namespace {

// Upvalues of __index, __pairs and the pairs iterator.
constexpr int kNames = 1;  // name -> index (1..n)
constexpr int kMade = 2;   // index -> the closure made for Host::q_serial

constexpr const char* kStale = "q is only valid during the call it was passed to";

bool is_current(lua_State* L, const Host& host, int idx) {
  if (!host.call) {
    return false;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, host.q_current);
  const bool same = lua_rawequal(L, idx, -1) != 0;
  lua_pop(L, 1);
  return same;
}

// Pushes q function `i` (1-based) for the current call. May raise a memory error; owns no
// C++ object, so a longjmp out of it is safe.
void push_function(lua_State* L, Host& host, lua_Integer i) {
  const uint32_t bit = 1u << (i - 1);
  if (host.q_serial != host.call->serial) {
    host.q_serial = host.call->serial;
    host.q_made = 0;
  }
  if (host.q_made & bit) {
    lua_rawgeti(L, lua_upvalueindex(kMade), i);
    return;
  }
  lua_pushinteger(L, host.call->serial);
  lua_pushcclosure(L, query_functions()[static_cast<size_t>(i - 1)].fn, 1);
  lua_pushvalue(L, -1);
  lua_rawseti(L, lua_upvalueindex(kMade), i);  // preallocated array slot: no allocation
  host.q_made |= bit;
}

// __index(q, key): the function named `key`, or nil.
int q_index(lua_State* L) {
  Host& host = host_of(L);
  if (!is_current(L, host, 1)) {
    return luaL_error(L, "%s", kStale);
  }
  lua_settop(L, 2);
  if (lua_rawget(L, lua_upvalueindex(kNames)) != LUA_TNUMBER) {
    lua_pushnil(L);
    return 1;
  }
  push_function(L, host, lua_tointeger(L, -1));
  return 1;
}

// The pairs iterator: next(q, name) in the order of query_functions().
int q_next(lua_State* L) {
  Host& host = host_of(L);
  if (!is_current(L, host, 1)) {
    return luaL_error(L, "%s", kStale);
  }
  lua_settop(L, 2);
  lua_Integer i = 0;
  if (!lua_isnil(L, 2)) {
    if (lua_rawget(L, lua_upvalueindex(kNames)) != LUA_TNUMBER) {
      return 0;
    }
    i = lua_tointeger(L, -1);
  }
  const auto fns = query_functions();
  if (static_cast<size_t>(i) >= fns.size()) {
    return 0;
  }
  lua_pushstring(L, fns[static_cast<size_t>(i)].name);
  push_function(L, host, i + 1);
  return 2;
}

// __pairs(q): lists the functions, so that q still reads as a table of functions.
int q_pairs(lua_State* L) {
  if (!is_current(L, host_of(L), 1)) {
    return luaL_error(L, "%s", kStale);
  }
  lua_pushvalue(L, lua_upvalueindex(3));
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

// Once per state: the shared metatable and the registry slot of the current q.
void build(lua_State* L, Host& host) {
  const auto fns = query_functions();
  const int n = static_cast<int>(fns.size());
  if (n > 32) {
    luaL_error(L, "q: more functions than Host::q_made has bits");
  }
  lua_createtable(L, 0, 3);  // the metatable
  lua_createtable(L, 0, n);  // names
  for (int i = 0; i < n; ++i) {
    lua_pushinteger(L, i + 1);
    lua_setfield(L, -2, fns[static_cast<size_t>(i)].name);
  }
  lua_createtable(L, n, 0);  // made: array slots for every function
  for (int i = 1; i <= n; ++i) {
    lua_pushboolean(L, 0);
    lua_rawseti(L, -2, i);
  }
  lua_pushvalue(L, -2);
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, &q_index, 2);
  lua_setfield(L, -4, "__index");
  lua_pushvalue(L, -2);
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, &q_next, 2);
  lua_pushcclosure(L, &q_pairs, 3);
  lua_setfield(L, -2, "__pairs");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  host.q_meta = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushboolean(L, 0);  // not nil: luaL_ref gives nil no slot of its own
  host.q_current = luaL_ref(L, LUA_REGISTRYINDEX);
}

}  // namespace

void push_query_api(lua_State* L) {
  Host& host = host_of(L);
  luaL_checkstack(L, 8, "q");
  if (host.q_meta == LUA_NOREF) {
    build(L, host);
  }
  lua_createtable(L, 0, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, host.q_meta);
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  lua_rawseti(L, LUA_REGISTRYINDEX, host.q_current);
}

}  // namespace qc::engine
