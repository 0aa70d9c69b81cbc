#pragma once
// One sandboxed lua_State: the allowed libraries, the host globals, a memory cap (custom
// allocator), and an instruction budget plus wall-clock deadline per call (count hook).
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "engine/engine.hpp"
#include "engine/lua_state.hpp"
#include "engine/plugin_cache.hpp"

namespace qc::engine {

// Why a state can no longer be trusted; once set, the state is discarded.
enum class Fatal { none, memory, budget, deadline };

struct CallContext;  // engine/call_context.hpp

// What the host keeps per state; the allocator's user data, so reachable from any lua_State.
struct Host {
  SandboxLimits limits;
  std::shared_ptr<PluginCache> plugins;
  size_t used = 0;  // bytes currently allocated by the state
  int64_t instructions = 0;
  std::chrono::steady_clock::time_point deadline{};
  Fatal fatal = Fatal::none;
  CallContext* call = nullptr;  // the call in progress, for q and fx
  int64_t serial = 0;           // increments per call: stale q/fx closures are refused
  // The state's q machinery (engine/query_proxy.cpp), made on first use: the metatable of
  // every call's q, the registry slot that holds the current call's q, and which q
  // functions have been made for the call `q_serial` (bit i: function i + 1).
  int q_meta = LUA_NOREF;
  int q_current = LUA_NOREF;
  int64_t q_serial = 0;
  uint32_t q_made = 0;
};

Host& host_of(lua_State* L);

// True when `text` starts with "<source>:<line>: " as Lua positions its messages.
bool has_position(std::string_view text);

class Sandbox {
 public:
  static Result<std::unique_ptr<Sandbox>> create(const SandboxLimits& limits,
                                                 std::shared_ptr<PluginCache> plugins);

  lua_State* state() const { return L_.get(); }
  Host& host() { return *host_; }
  // A call failed (script error, memory, budget, deadline): do not reuse this state.
  bool poisoned() const { return poisoned_; }

  // Calls `setup(L)`, which pushes a function and its arguments and returns how many
  // arguments it pushed, then calls that function; all under one lua_pcall with a fresh
  // instruction budget and deadline. `nresults` results are left on the stack (the caller
  // holds a StackGuard). `where` ("file:line" of the function) positions errors that
  // carry no position of their own. `setup` must own no object with a destructor.
  template <typename F>
  Status run(F&& setup, int nresults, std::string_view where);

 private:
  Sandbox() = default;
  void begin();
  Status finish(int status, std::string_view where);

  // Declared before the state: the state must be closed while its allocator data lives.
  std::unique_ptr<Host> host_;
  StatePtr L_;
  bool poisoned_ = false;
};

int message_handler(lua_State* L);

template <typename F>
Status Sandbox::run(F&& setup, int nresults, std::string_view where) {
  lua_State* L = L_.get();
  if (!lua_checkstack(L, 4)) {
    poisoned_ = true;
    return err(ErrorCode::internal, "script error: Lua stack overflow");
  }
  begin();
  lua_pushcfunction(L, &message_handler);
  const int handler = lua_gettop(L);
  auto body = [&setup, nresults](lua_State* S) {
    const int nargs = setup(S);
    lua_call(S, nargs, nresults);
    return nresults == LUA_MULTRET ? lua_gettop(S) : nresults;
  };
  using Body = decltype(body);
  lua_pushcfunction(L, &detail::trampoline<Body>);
  lua_pushlightuserdata(L, &body);
  const int status = lua_pcall(L, 1, nresults, handler);
  lua_remove(L, handler);
  return finish(status, where);
}

}  // namespace qc::engine
