#pragma once
// Copies a Lua value into a ScriptValue using only API calls that never raise.
#include <lua.hpp>

#include "engine/script_value.hpp"

namespace qc::engine {

ScriptValue snapshot(lua_State* L, int idx);

}  // namespace qc::engine
