#pragma once
// The loaded, immutable set: the defs plus a pool of prepared Lua states (each has run
// every procedure file and keeps registry references to their functions). A call borrows
// a state under the mutex, runs without it, and returns the state only if the call
// succeeded: a state that failed (script error, memory, budget, deadline) is dropped.
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/convert.hpp"
#include "engine/engine.hpp"
#include "engine/plugin_cache.hpp"
#include "engine/sandbox.hpp"

namespace qc::engine {

struct LoadedProcedure {
  std::string file;       // relative to workflows/
  std::string chunkname;  // "=" + file
  std::string text;
  ProcedureDef def;
  std::vector<FunctionSite> functions;
};

class LuaProcedureSet final : public ProcedureSet {
 public:
  LuaProcedureSet(std::vector<LoadedProcedure> procedures, SandboxLimits limits,
                  std::shared_ptr<PluginCache> plugins);

  // Prepares the first state now, so a set whose files do not run again is refused at
  // load time rather than at its first call.
  Status warm();

  std::vector<const ProcedureDef*> all() const override;
  const ProcedureDef* find(std::string_view id, int version) const override;
  const ProcedureDef* latest(std::string_view id) const override;

  Result<GuardOutcome> guard(const ProcedureDef& def, std::string_view stage,
                             std::string_view action, const CaseView& c,
                             const QueryPort& q) const override;
  Result<std::string> route(const ProcedureDef& def, std::string_view stage,
                            std::string_view action, const CaseView& c,
                            const QueryPort& q) const override;
  Result<std::vector<Effect>> hook(const ProcedureDef& def, HookKind kind, std::string_view stage,
                                   std::string_view action, const CaseView& c,
                                   const QueryPort& q) const override;
  Result<std::optional<Date>> timer_date(const ProcedureDef& def, std::string_view stage,
                                         const CaseView& c, const QueryPort& q) const override;

  size_t idle_states() const;  // for tests: how many prepared states wait in the pool

 private:
  struct Prepared {
    std::unique_ptr<Sandbox> sandbox;
    std::vector<int> refs;  // registry reference per function slot
  };
  // Gives the state back to the pool when the call succeeded; drops it otherwise.
  class Lease {
   public:
    Lease(const LuaProcedureSet* set, std::unique_ptr<Prepared> p) : set_(set), p_(std::move(p)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (p_ && !p_->sandbox->poisoned()) set_->give_back(std::move(p_));
    }
    Prepared& operator*() const { return *p_; }

   private:
    const LuaProcedureSet* set_;
    std::unique_ptr<Prepared> p_;
  };
  struct Slot {
    const FunctionSite* site;
  };

  Result<std::unique_ptr<Prepared>> prepare() const;
  Result<Lease> borrow() const;
  void give_back(std::unique_ptr<Prepared> p) const;
  // The slot of a function, or an error when the def/stage/action is not in this set.
  Result<const Slot*> slot(const ProcedureDef& def, std::string_view stage, std::string_view action,
                           std::string_view kind) const;
  // Runs the slot's function; on success `read` sees its results on top of the stack.
  template <typename T, typename Read>
  Result<T> call(const Slot& slot, const CaseView& c, const QueryPort& q,
                 std::vector<Effect>* effects, int nresults, Read&& read) const;

  std::vector<LoadedProcedure> procs_;
  std::vector<size_t> first_slot_;  // per procedure: index of its first function slot
  std::vector<Slot> slots_;
  std::unordered_map<std::string, size_t> slot_of_;  // function_key -> slot index
  SandboxLimits limits_;
  std::shared_ptr<PluginCache> plugins_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<Prepared>> idle_;
};

}  // namespace qc::engine
