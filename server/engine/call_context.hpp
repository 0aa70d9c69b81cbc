#pragma once
// What one guard/route/hook call gives the script: `case`, `q` and `fx`. The q and fx
// closures check the state's current call serial, and a `q` table is refused unless it is
// the current call's, so one kept past its call (in a module table, say) is refused instead
// of reaching a QueryPort that is gone.
#include <lua.hpp>

#include <span>
#include <vector>

#include "core/model.hpp"
#include "core/query.hpp"
#include "engine/engine.hpp"
#include "engine/sandbox.hpp"

namespace qc::engine {

struct CallContext {
  const QueryPort* query = nullptr;
  std::vector<Effect>* effects = nullptr;  // null when the function takes no fx
  int64_t serial = 0;
};

// Makes `ctx` the state's current call for the scope, with a new serial.
class CallScope {
 public:
  CallScope(Host& host, CallContext& ctx) : host_(host) {
    ctx.serial = ++host.serial;
    host.call = &ctx;
  }
  ~CallScope() { host_.call = nullptr; }
  CallScope(const CallScope&) = delete;
  CallScope& operator=(const CallScope&) = delete;

 private:
  Host& host_;
};

// The current call, if `serial` (a closure's upvalue) is still it; throws ScriptError.
CallContext& current_call(lua_State* L, int serial_upvalue, const char* what);

// Each pushes a fresh value. They may raise Lua errors: call inside a protected call.
// push_query_api must be called with the call's CallScope in place.
void push_case(lua_State* L, const CaseView& c);
void push_query_api(lua_State* L);
void push_effects_api(lua_State* L, int case_index);

// The q functions (engine/query_api.cpp); each expects the call serial as upvalue 1.
struct QueryFunction {
  const char* name;
  lua_CFunction fn;
};
std::span<const QueryFunction> query_functions();

}  // namespace qc::engine
