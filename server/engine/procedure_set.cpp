#include "engine/procedure_set.hpp"

#include <algorithm>
#include <cstring>

namespace qc::engine {

namespace {

// What register_file needs, as plain pointers (it runs under lua_pcall).
struct PrepareJob {
  const LoadedProcedure* proc;
  int* refs;  // one per proc->functions entry
};

// Runs one procedure file again in a prepared state and keeps references to its functions.
int register_file(lua_State* L) {
  const auto* job = static_cast<const PrepareJob*>(lua_touserdata(L, 1));
  const LoadedProcedure& p = *job->proc;
  lua_settop(L, 0);
  if (luaL_loadbufferx(L, p.text.data(), p.text.size(), p.chunkname.c_str(), "t") != LUA_OK)
    return lua_error(L);
  lua_call(L, 0, 1);
  const int root = lua_gettop(L);
  lua_getfield(L, root, "id");
  lua_getfield(L, root, "version");
  if (lua_type(L, -2) != LUA_TSTRING || std::strcmp(lua_tostring(L, -2), p.def.id.c_str()) != 0 ||
      lua_tointeger(L, -1) != p.def.version)
    return luaL_error(L, "%s: returned another procedure than when it was checked", p.file.c_str());
  lua_settop(L, root);
  for (size_t i = 0; i < p.functions.size(); ++i) {
    lua_pushvalue(L, root);
    for (const auto& key : p.functions[i].path) {
      if (lua_type(L, -1) != LUA_TTABLE) break;
      lua_getfield(L, -1, key.c_str());
      lua_remove(L, -2);
    }
    if (lua_type(L, -1) != LUA_TFUNCTION)
      return luaL_error(L, "%s: a function moved since it was checked", p.file.c_str());
    job->refs[i] = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  return 0;
}

}  // namespace

LuaProcedureSet::LuaProcedureSet(std::vector<LoadedProcedure> procedures, SandboxLimits limits,
                                 std::shared_ptr<PluginCache> plugins)
    : procs_(std::move(procedures)), limits_(limits), plugins_(std::move(plugins)) {
  for (const auto& p : procs_) {
    first_slot_.push_back(slots_.size());
    for (const auto& site : p.functions) {
      slot_of_.emplace(site.key, slots_.size());
      slots_.push_back(Slot{&site});
    }
  }
}

Status LuaProcedureSet::warm() {
  auto p = prepare();
  if (!p) return p.take_error();
  give_back(std::move(p.value()));
  return ok_status();
}

Result<std::unique_ptr<LuaProcedureSet::Prepared>> LuaProcedureSet::prepare() const {
  auto sb = Sandbox::create(limits_, plugins_);
  if (!sb) return sb.take_error();
  auto p = std::make_unique<Prepared>();
  p->sandbox = std::move(sb.value());
  p->refs.assign(slots_.size(), LUA_NOREF);
  lua_State* L = p->sandbox->state();
  for (size_t i = 0; i < procs_.size(); ++i) {
    StackGuard guard(L);
    PrepareJob job{&procs_[i], p->refs.data() + first_slot_[i]};
    auto setup = [&job](lua_State* S) {
      lua_pushcfunction(S, &register_file);
      lua_pushlightuserdata(S, &job);
      return 1;
    };
    if (auto st = p->sandbox->run(setup, 0, procs_[i].file + ":1"); !st) return st.take_error();
  }
  return p;
}

Result<LuaProcedureSet::Lease> LuaProcedureSet::borrow() const {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto p = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(p));
    }
  }
  // Preparing runs every file: do it outside the lock so other calls proceed.
  auto p = prepare();
  if (!p) return p.take_error();
  return Lease(this, std::move(p.value()));
}

void LuaProcedureSet::give_back(std::unique_ptr<Prepared> p) const {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(p));
}

size_t LuaProcedureSet::idle_states() const {
  std::lock_guard lock(mu_);
  return idle_.size();
}

std::vector<const ProcedureDef*> LuaProcedureSet::all() const {
  std::vector<const ProcedureDef*> out;
  for (const auto& p : procs_) out.push_back(&p.def);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) {
    return a->id != b->id ? a->id < b->id : a->version < b->version;
  });
  return out;
}

const ProcedureDef* LuaProcedureSet::find(std::string_view id, int version) const {
  for (const auto& p : procs_)
    if (p.def.id == id && p.def.version == version) return &p.def;
  return nullptr;
}

const ProcedureDef* LuaProcedureSet::latest(std::string_view id) const {
  const ProcedureDef* best = nullptr;
  for (const auto& p : procs_)
    if (p.def.id == id && (!best || p.def.version > best->version)) best = &p.def;
  return best;
}

Result<const LuaProcedureSet::Slot*> LuaProcedureSet::slot(const ProcedureDef& def,
                                                           std::string_view stage,
                                                           std::string_view action,
                                                           std::string_view kind) const {
  const ProcedureDef* own = find(def.id, def.version);
  if (!own)
    return err(ErrorCode::internal, "procedure " + def.id + " version " +
                                        std::to_string(def.version) + " is not loaded");
  if (!stage.empty()) {
    const StageDef* s = own->stage(stage);
    if (!s) return err(ErrorCode::internal, def.id + ": no stage '" + std::string(stage) + "'");
    if (!action.empty() && !s->action(action))
      return err(ErrorCode::internal, def.id + ": stage '" + std::string(stage) +
                                          "' has no action '" + std::string(action) + "'");
  }
  // Every guard asks: the key is written into a per-thread buffer, not allocated anew.
  thread_local std::string key;
  write_function_key(key, def.id, def.version, stage, action, kind);
  const auto it = slot_of_.find(key);
  return it == slot_of_.end() ? nullptr : &slots_[it->second];
}

}  // namespace qc::engine
