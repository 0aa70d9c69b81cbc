#pragma once
// The few rules every Lua-touching function in the engine follows, as code:
//  - a lua_State is owned by a unique_ptr that calls lua_close;
//  - host code restores the stack it found (StackGuard);
//  - Lua errors are C longjmps: they must never cross a C++ frame that owns an object with
//    a destructor. Host functions (lua_CFunction) therefore report failures by throwing a
//    C++ exception, which `entry` turns into lua_error once every C++ object is gone, and
//    do any allocating Lua work inside `protect`, a nested lua_pcall whose failure is
//    re-raised by `entry` in the same clean way.
#include <lua.hpp>

#include <cstdio>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace qc::engine {

struct StateCloser {
  void operator()(lua_State* L) const { lua_close(L); }
};
using StatePtr = std::unique_ptr<lua_State, StateCloser>;

// Restores the stack top on scope exit. For host code only: inside a lua_CFunction Lua
// resets the stack itself, and a longjmp would skip this destructor.
class StackGuard {
 public:
  explicit StackGuard(lua_State* L) : L_(L), top_(lua_gettop(L)) {}
  ~StackGuard() { lua_settop(L_, top_); }
  StackGuard(const StackGuard&) = delete;
  StackGuard& operator=(const StackGuard&) = delete;
  int top() const { return top_; }

 private:
  lua_State* L_;
  int top_;
};

// A failure a host function reports to the calling script (becomes a Lua error).
class ScriptError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A nested protected call failed; its error object is on top of the Lua stack.
struct Reraise {};

// Marks the state as out of memory when a protected call reports LUA_ERRMEM: lua_error
// re-raises every error as LUA_ERRRUN, so the kind must be remembered on the side.
void note_status(lua_State* L, int status);

// Wraps a host function so that no C++ exception or destructor meets a longjmp.
template <int (*Impl)(lua_State*)>
int entry(lua_State* L) {
  char message[512];
  bool reraise = false;
  try {
    return Impl(L);
  } catch (const Reraise&) {
    reraise = true;
  } catch (const std::bad_alloc&) {
    std::snprintf(message, sizeof message, "host out of memory");
  } catch (const std::exception& e) {
    std::snprintf(message, sizeof message, "%s", e.what());
  } catch (...) {
    std::snprintf(message, sizeof message, "unknown host failure");
  }
  if (reraise) return lua_error(L);
  return luaL_error(L, "%s", message);
}

namespace detail {
template <typename F>
int trampoline(lua_State* L) {
  auto* f = static_cast<F*>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  return (*f)(L);
}
}  // namespace detail

// Runs `f(L)` in a nested lua_pcall. The top `nargs` values are moved into the call (at
// indices 1..nargs); `f` returns how many values it pushed and those `nresults` are left on
// the stack. On failure throws Reraise with the error object on top. `f` must own no
// object with a destructor (it may raise Lua errors).
template <typename F>
void protect(lua_State* L, int nargs, int nresults, F&& f) {
  if (!lua_checkstack(L, 3)) throw ScriptError("Lua stack overflow");
  using Fn = std::remove_reference_t<F>;
  lua_pushcfunction(L, &detail::trampoline<Fn>);
  lua_pushlightuserdata(L, const_cast<void*>(static_cast<const void*>(&f)));
  lua_rotate(L, -(nargs + 2), 2);
  const int status = lua_pcall(L, nargs + 1, nresults, 0);
  if (status != LUA_OK) {
    note_status(L, status);
    throw Reraise{};
  }
}

// The message of the error object on top, without converting (converting allocates).
std::string error_text(lua_State* L, int idx = -1);

}  // namespace qc::engine
