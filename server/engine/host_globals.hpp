#pragma once
// The globals the host adds to the sandbox. Each installer runs inside the protected setup
// call of a new state (it may raise Lua errors; it owns no C++ objects).
#include <lua.hpp>

namespace qc::engine {

// procedure{}, field{} and the field shorthands (dsl.cpp).
void install_dsl(lua_State* L);
// require "a.b" from plugins/ (require.cpp).
void install_require(lua_State* L);

// The line of the `procedure {` call that made the table at `idx`, or 0 when the table
// was not made by procedure{}. Does not raise.
int procedure_mark(lua_State* L, int idx);

}  // namespace qc::engine
