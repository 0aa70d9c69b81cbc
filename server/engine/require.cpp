// require "a.b": plugins/a/b.lua, loaded as text in the calling state and cached there.
#include <string>

#include "engine/host_globals.hpp"
#include "engine/lua_state.hpp"
#include "engine/sandbox.hpp"

namespace qc::engine {

namespace {

char kLoadedKey;   // registry: module name -> value (or kLoadingKey while it runs)
char kLoadingKey;  // sentinel for circular requires

// Protected part: the module name is at index 1. Owns no C++ object.
int load_module(lua_State* L, const PluginCache::Module& m) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kLoadedKey);  // 2
  lua_pushvalue(L, 1);
  lua_rawget(L, 2);
  if (lua_touserdata(L, -1) == &kLoadingKey)
    return luaL_error(L, "require: circular require of '%s'", lua_tostring(L, 1));
  if (!lua_isnil(L, -1)) return 1;
  lua_pop(L, 1);
  lua_pushvalue(L, 1);
  lua_pushlightuserdata(L, &kLoadingKey);
  lua_rawset(L, 2);
  int status = luaL_loadbufferx(L, m.text.data(), m.text.size(), m.chunkname.c_str(), "t");
  if (status == LUA_OK) status = lua_pcall(L, 0, 1, 0);
  if (status != LUA_OK) {
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    lua_rawset(L, 2);
    note_status(L, status);
    return lua_error(L);
  }
  if (lua_isnil(L, -1)) {  // a module that returns nothing is loaded all the same
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  lua_pushvalue(L, 1);
  lua_pushvalue(L, -2);
  lua_rawset(L, 2);
  return 1;
}

int require_impl(lua_State* L) {
  if (lua_type(L, 1) != LUA_TSTRING) throw ScriptError("require: the module name must be a string");
  size_t n = 0;
  const char* name = lua_tolstring(L, 1, &n);
  const std::string_view sv(name, n);
  if (!module_name_valid(sv))
    throw ScriptError("require: invalid module name '" + std::string(sv) +
                      "' (a module is plugins/<a>/<b>.lua, required as \"a.b\")");
  const PluginCache::Module& m = host_of(L).plugins->get(sv);
  if (!m.found) throw ScriptError("require: " + m.error);
  lua_settop(L, 1);
  protect(L, 1, 1, [&m](lua_State* S) { return load_module(S, m); });
  return 1;
}

}  // namespace

void install_require(lua_State* L) {
  lua_newtable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kLoadedKey);
  lua_pushcfunction(L, &entry<&require_impl>);
  lua_setglobal(L, "require");
}

}  // namespace qc::engine
