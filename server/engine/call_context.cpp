#include "engine/call_context.hpp"

#include <string>

#include "engine/json_bridge.hpp"

namespace qc::engine {

CallContext& current_call(lua_State* L, int serial_upvalue, const char* what) {
  Host& host = host_of(L);
  const lua_Integer serial = lua_tointeger(L, lua_upvalueindex(serial_upvalue));
  if (!host.call || host.call->serial != serial)
    throw ScriptError(std::string(what) + " is only valid during the call it was passed to");
  return *host.call;
}

void push_case(lua_State* L, const CaseView& c) {
  luaL_checkstack(L, 4, "case");
  lua_createtable(L, 0, 8);
  lua_pushinteger(L, c.id);
  lua_setfield(L, -2, "id");
  lua_pushlstring(L, c.procedure.data(), c.procedure.size());
  lua_setfield(L, -2, "procedure");
  lua_pushinteger(L, c.version);
  lua_setfield(L, -2, "version");
  lua_pushlstring(L, c.enterprise.data(), c.enterprise.size());
  lua_setfield(L, -2, "enterprise");
  lua_pushlstring(L, c.stage.data(), c.stage.size());
  lua_setfield(L, -2, "stage");
  lua_pushlstring(L, c.status.data(), c.status.size());
  lua_setfield(L, -2, "status");
  lua_pushinteger(L, c.rev);
  lua_setfield(L, -2, "rev");
  push_json_object(L, c.data);
  lua_setfield(L, -2, "data");
}

}  // namespace qc::engine
