#pragma once
// Values between Lua and JSON. Lua -> JSON: string-keyed tables become objects, sequences
// arrays (an empty table an object), integers stay integers, floats doubles; functions,
// userdata, NaN, infinities and mixed tables are script errors. JSON -> Lua: the inverse;
// null becomes nil (absent).
#include <lua.hpp>

#include <string>

#include "core/model.hpp"

namespace qc::engine {

// Uses only Lua calls that never raise; throws ScriptError. `what` names the value in
// messages ("fx.grant argument").
Json to_json(lua_State* L, int idx, const std::string& what);

// May raise Lua errors (memory): call only inside a protected call. Owns no C++ object.
void push_json(lua_State* L, const Json& value);
void push_json_object(lua_State* L, const JsonObject& object);

}  // namespace qc::engine
