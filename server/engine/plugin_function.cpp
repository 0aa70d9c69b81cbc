#include "engine/plugin_function.hpp"

#include "engine/json_bridge.hpp"
#include "engine/plugin_cache.hpp"
#include "engine/sandbox.hpp"

namespace qc {

namespace engine {

struct PluginState {
  std::unique_ptr<Sandbox> sandbox;
  int ref = LUA_NOREF;
};

namespace {

struct RequireJob {
  const char* module;
  const char* function;
  int* ref;
};

// Protected: require the module through the sandbox's own `require` (so plugin errors
// read "credit/abcd.lua:12: …"), then keep a registry reference to its function.
int bind_function(lua_State* L) {
  const auto* job = static_cast<const RequireJob*>(lua_touserdata(L, 1));
  lua_settop(L, 0);
  lua_getglobal(L, "require");
  lua_pushstring(L, job->module);
  lua_call(L, 1, 1);
  if (lua_type(L, -1) != LUA_TTABLE)
    return luaL_error(L, "module '%s' does not return a table of functions", job->module);
  lua_getfield(L, -1, job->function);
  if (lua_type(L, -1) != LUA_TFUNCTION)
    return luaL_error(L, "module '%s' has no function '%s'", job->module, job->function);
  *job->ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

}  // namespace

}  // namespace engine

using engine::PluginState;

PluginFunction::PluginFunction(std::filesystem::path plugins, SandboxLimits limits,
                               std::string module, std::string function)
    : plugins_(std::move(plugins)),
      limits_(limits),
      module_(std::move(module)),
      function_(std::move(function)),
      name_(module_ + "." + function_) {}

PluginFunction::~PluginFunction() = default;

Result<std::shared_ptr<PluginFunction>> PluginFunction::load(std::filesystem::path plugins,
                                                             SandboxLimits limits,
                                                             std::string module,
                                                             std::string function) {
  if (!engine::module_name_valid(module))
    return err(ErrorCode::internal, "invalid plugin module name '" + module + "'");
  std::shared_ptr<PluginFunction> f(
      new PluginFunction(std::move(plugins), limits, std::move(module), std::move(function)));
  auto first = f->prepare();
  if (!first) return first.take_error();
  f->idle_.push_back(std::move(first.value()));
  return f;
}

Result<std::unique_ptr<PluginState>> PluginFunction::prepare() const {
  // Each state gets its own module cache: a state reads the file once, when prepared.
  auto sb = engine::Sandbox::create(limits_, std::make_shared<engine::PluginCache>(plugins_));
  if (!sb) return sb.take_error();
  auto p = std::make_unique<PluginState>();
  p->sandbox = std::move(sb.value());
  lua_State* L = p->sandbox->state();
  engine::StackGuard guard(L);
  engine::RequireJob job{module_.c_str(), function_.c_str(), &p->ref};
  auto setup = [&job](lua_State* S) {
    lua_pushcfunction(S, &engine::bind_function);
    lua_pushlightuserdata(S, &job);
    return 1;
  };
  if (auto st = p->sandbox->run(setup, 0, name_); !st) return st.take_error();
  return p;
}

Result<Json> PluginFunction::call(const Json& argument) const {
  std::unique_ptr<PluginState> p;
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      p = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!p) {
    auto fresh = prepare();
    if (!fresh) return fresh.take_error();
    p = std::move(fresh.value());
  }
  engine::Sandbox& sb = *p->sandbox;
  lua_State* L = sb.state();
  Result<Json> out = Json{};
  {
    engine::StackGuard guard(L);
    struct Job {
      int ref;
      const Json* arg;
    } job{p->ref, &argument};
    auto setup = [&job](lua_State* S) {
      lua_rawgeti(S, LUA_REGISTRYINDEX, job.ref);
      engine::push_json(S, *job.arg);
      return 1;
    };
    // A batch call (classify_batch: thousands of enterprises) builds its argument and its
    // answer at once and keeps them alive to its end, so collecting during the call only
    // re-marks the batch again and again. The collector pauses for the call and resumes
    // after it, when the batch is garbage; an allocation past the memory cap still runs
    // Lua's emergency collection first, so the cap means what it meant.
    lua_gc(L, LUA_GCSTOP);
    struct Resume {
      lua_State* L;
      ~Resume() { lua_gc(L, LUA_GCRESTART); }
    } resume{L};
    if (auto st = sb.run(setup, 1, name_); !st) {
      out = st.take_error();
    } else {
      try {
        out = engine::to_json(L, -1, name_ + " result");
      } catch (const std::exception& e) {
        out = err(ErrorCode::internal, std::string("script error: ") + e.what());
      }
    }
  }
  // A successful call leaves the state as it found it (globals are frozen), so it is
  // reused; a failed one may have been cut off half-way and is dropped. Garbage from the
  // call is collected by Lua's incremental collector as the state is reused.
  if (out && !sb.poisoned()) {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(p));
  }
  return out;
}

size_t PluginFunction::idle_states() const {
  std::lock_guard lock(mu_);
  return idle_.size();
}

}  // namespace qc
