#include "engine/sandbox.hpp"

#include <cstdlib>
#include <cstring>

#include "engine/host_globals.hpp"

namespace qc::engine {

namespace {

constexpr int kHookEvery = 1000;  // instructions between budget and deadline checks

// Every byte the state holds goes through here, so the cap is exact per state.
void* allocate(void* ud, void* ptr, size_t osize, size_t nsize) {
  auto* host = static_cast<Host*>(ud);
  const size_t old = ptr ? osize : 0;  // without ptr, osize names the object kind
  if (nsize == 0) {
    std::free(ptr);
    host->used -= old;
    return nullptr;
  }
  if (nsize > old && host->used - old + nsize > host->limits.memory_bytes) return nullptr;
  void* p = std::realloc(ptr, nsize);
  if (p) host->used = host->used - old + nsize;
  return p;
}

// Budget and deadline. Once one is exceeded every later hook raises again, and the host's
// pcall/xpcall re-raise, so a script cannot catch its way past the limit.
void count_hook(lua_State* L, lua_Debug* ar) {
  Host& host = host_of(L);
  host.instructions += kHookEvery;
  if (host.fatal == Fatal::none) {
    if (host.instructions > host.limits.instructions)
      host.fatal = Fatal::budget;
    else if (std::chrono::steady_clock::now() > host.deadline)
      host.fatal = Fatal::deadline;
  }
  const char* what = host.fatal == Fatal::budget     ? "instruction budget exceeded"
                     : host.fatal == Fatal::deadline ? "deadline exceeded"
                                                     : nullptr;
  if (!what) return;
  lua_getinfo(L, "Sl", ar);
  lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, what);
  lua_error(L);
}

int panic(lua_State* L) {
  // Only reachable through a host bug (an unprotected allocating call): say so and stop.
  std::fprintf(stderr, "qcredit: unprotected Lua error: %s\n", lua_tostring(L, -1));
  return 0;
}

int frozen_globals(lua_State* L) {
  return luaL_error(L, "assignment to undeclared global '%s' (declare it local)",
                    lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
}

int finish_pcall(lua_State* L, int status, int extra) {
  note_status(L, status);
  // Memory, budget and deadline failures are not for scripts to catch.
  if (host_of(L).fatal != Fatal::none) return lua_error(L);
  if (status != LUA_OK) {
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
  }
  return lua_gettop(L) - extra;
}

int host_pcall(lua_State* L) {
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);
  lua_insert(L, 1);
  return finish_pcall(L, lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0), 0);
}

int host_xpcall(lua_State* L) {
  const int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushboolean(L, 1);
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 2);
  return finish_pcall(L, lua_pcall(L, n - 2, LUA_MULTRET, 2), 2);
}

void remove_field(lua_State* L, const char* table, const char* name) {
  lua_getglobal(L, table);
  lua_pushnil(L);
  lua_setfield(L, -2, name);
  lua_pop(L, 1);
}

// Runs inside the first protected call of a new state.
int install(lua_State* L) {
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_settop(L, 0);
  // print and warn write to the server's stdout/stderr, which carry structured logs.
  for (const char* name :
       {"load", "loadstring", "dofile", "loadfile", "collectgarbage", "rawget", "rawset",
        "rawequal", "rawlen", "setmetatable", "getmetatable", "print", "warn"}) {
    lua_pushnil(L);
    lua_setglobal(L, name);
  }
  remove_field(L, LUA_STRLIBNAME, "dump");
  remove_field(L, LUA_MATHLIBNAME, "random");
  remove_field(L, LUA_MATHLIBNAME, "randomseed");
  lua_pushcfunction(L, &host_pcall);
  lua_setglobal(L, "pcall");
  lua_pushcfunction(L, &host_xpcall);
  lua_setglobal(L, "xpcall");
  install_dsl(L);
  install_require(L);
  // Globals are the host's: scripts keep their state in locals, so no call can leave
  // anything behind for the next one through _G.
  lua_pushglobaltable(L);
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, &frozen_globals);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
  return 0;
}

}  // namespace

Host& host_of(lua_State* L) {
  void* ud = nullptr;
  lua_getallocf(L, &ud);
  return *static_cast<Host*>(ud);
}

void note_status(lua_State* L, int status) {
  if (status == LUA_ERRMEM) host_of(L).fatal = Fatal::memory;
}

std::string error_text(lua_State* L, int idx) {
  if (lua_type(L, idx) != LUA_TSTRING)
    return std::string("(error object is a ") + luaL_typename(L, idx) + " value)";
  size_t n = 0;
  const char* s = lua_tolstring(L, idx, &n);
  return std::string(s, n);
}

bool has_position(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (text.substr(0, colon).find('\n') != std::string_view::npos) return false;
  size_t i = colon + 1;
  const size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  return i > digits && i + 1 < text.size() && text[i] == ':' && text[i + 1] == ' ';
}

// Gives every error a "file:line: " prefix: the innermost Lua function with a line.
int message_handler(lua_State* L) {
  if (lua_type(L, 1) != LUA_TSTRING) {
    lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    lua_replace(L, 1);
  }
  size_t n = 0;
  const char* s = lua_tolstring(L, 1, &n);
  if (has_position(std::string_view(s, n))) return 1;
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); ++level) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, s);
      return 1;
    }
  }
  return 1;
}

Result<std::unique_ptr<Sandbox>> Sandbox::create(const SandboxLimits& limits,
                                                 std::shared_ptr<PluginCache> plugins) {
  std::unique_ptr<Sandbox> sb(new Sandbox());
  sb->host_ = std::make_unique<Host>();
  sb->host_->limits = limits;
  sb->host_->plugins = std::move(plugins);
  sb->L_.reset(lua_newstate(&allocate, sb->host_.get()));
  if (!sb->L_) return err(ErrorCode::internal, "script error: cannot create a Lua state");
  lua_State* L = sb->state();
  lua_atpanic(L, &panic);
  lua_sethook(L, &count_hook, LUA_MASKCOUNT, kHookEvery);
  StackGuard guard(L);
  auto setup = [](lua_State* S) {
    lua_pushcfunction(S, &install);
    return 0;
  };
  if (auto st = sb->run(setup, 0, "sandbox"); !st) return st.take_error();
  return sb;
}

void Sandbox::begin() {
  host_->instructions = 0;
  host_->deadline = std::chrono::steady_clock::now() + host_->limits.deadline;
}

Status Sandbox::finish(int status, std::string_view where) {
  if (status == LUA_OK) return ok_status();
  poisoned_ = true;
  lua_State* L = L_.get();
  note_status(L, status);
  const std::string message = error_text(L, -1);
  lua_pop(L, 1);
  // Keep the position the error carries (else the called function's), then the text.
  std::string position(where);
  std::string text = message;
  if (has_position(message)) {
    const auto colon = message.find(':', message.find(':') + 1);
    position = message.substr(0, colon);
    text = message.substr(colon + 2);
  }
  switch (host_->fatal) {
    case Fatal::memory:
      text = "memory limit exceeded";
      break;
    case Fatal::budget:
      text = "instruction budget exceeded";
      break;
    case Fatal::deadline:
      text = "deadline exceeded";
      break;
    case Fatal::none:
      break;
  }
  return err(ErrorCode::internal, "script error: " + position + ": " + text);
}

}  // namespace qc::engine
