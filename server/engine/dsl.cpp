// The constructors procedure files are written with. They shape tables and validate
// nothing themselves: the loader checks everything, with file:line, in one pass.
#include "engine/host_globals.hpp"

namespace qc::engine {

namespace {

char kMarksKey;  // registry: weak-keyed table, procedure table -> line of its procedure{}

int procedure_fn(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  lua_Debug ar;
  int line = 1;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar) && ar.currentline > 0)
    line = ar.currentline;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kMarksKey);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, line);
  lua_rawset(L, -3);
  lua_settop(L, 1);
  return 1;
}

int field_fn(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  return 1;
}

// enum{"A","AA",label=…} / text{…} / number{…} …: upvalue 1 is the field type.
int shorthand_fn(lua_State* L) {
  const char* type = lua_tostring(L, lua_upvalueindex(1));
  if (lua_type(L, 1) != LUA_TTABLE)
    return luaL_error(L, "%s{...} expects a table", lua_tostring(L, lua_upvalueindex(2)));
  lua_settop(L, 1);
  if (lua_getfield(L, 1, "type") != LUA_TNIL)
    return luaL_error(
        L, "%s{...} implies the type: remove type =", lua_tostring(L, lua_upvalueindex(2)));
  lua_pop(L, 1);
  lua_pushstring(L, type);
  lua_setfield(L, 1, "type");
  const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, 1));
  if (n > 0) {  // positional values are the enum's options
    if (lua_getfield(L, 1, "options") != LUA_TNIL)
      return luaL_error(L, "give the options either positionally or as options =, not both");
    lua_pop(L, 1);
    lua_createtable(L, static_cast<int>(n), 0);
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, 1, i);
      lua_rawseti(L, 2, i);
      lua_pushnil(L);
      lua_rawseti(L, 1, i);
    }
    lua_setfield(L, 1, "options");
  }
  return 1;
}

void shorthand(lua_State* L, const char* global, const char* type) {
  lua_pushstring(L, type);
  lua_pushstring(L, global);
  lua_pushcclosure(L, &shorthand_fn, 2);
  lua_setglobal(L, global);
}

}  // namespace

void install_dsl(lua_State* L) {
  lua_newtable(L);
  lua_createtable(L, 0, 1);
  lua_pushliteral(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kMarksKey);
  lua_pushcfunction(L, &procedure_fn);
  lua_setglobal(L, "procedure");
  lua_pushcfunction(L, &field_fn);
  lua_setglobal(L, "field");
  shorthand(L, "enum", "enum");
  shorthand(L, "text", "string");
  shorthand(L, "number", "number");
  shorthand(L, "integer", "integer");
  shorthand(L, "boolean", "boolean");
  shorthand(L, "date", "date");
  shorthand(L, "object", "object");
  shorthand(L, "array", "array");
}

int procedure_mark(lua_State* L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE || !lua_checkstack(L, 2)) return 0;
  idx = lua_absindex(L, idx);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kMarksKey);
  lua_pushvalue(L, idx);
  lua_rawget(L, -2);
  const int line = lua_isinteger(L, -1) ? static_cast<int>(lua_tointeger(L, -1)) : 0;
  lua_pop(L, 2);
  return line;
}

}  // namespace qc::engine
