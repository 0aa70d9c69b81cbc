#pragma once
// The procedure engine: loads workflows/**.lua into validated ProcedureDefs and runs their
// guards, routes and hooks in a sandbox. No Lua type crosses this header.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/procedure.hpp"
#include "core/query.hpp"
#include "core/result.hpp"

namespace qc {

struct SandboxLimits {
  size_t memory_bytes = 64u << 20;           // per Lua state
  int64_t instructions = 50'000'000;         // per call
  std::chrono::milliseconds deadline{1000};  // per call, wall clock
};

// What a script sees as `case`.
struct CaseView {
  int64_t id = 0;
  std::string procedure;
  int version = 0;
  std::string enterprise;
  std::string stage;
  std::string status;
  JsonObject data;
  int64_t rev = 0;
};

struct GuardOutcome {
  bool ok = true;
  std::string reason;  // shown to the user when !ok
  std::string field;   // optional third return value: the data field the refusal is about
};

// A hook to run: the stage's on_enter / on_exit, or an action's effects.
enum class HookKind { on_enter, on_exit, effects };

struct LoadError {
  std::string file;
  int line = 0;
  std::string message;
};

class ProcedureSet;  // defined in engine/procedure_set.hpp

class Engine {
 public:
  Engine(std::filesystem::path workflows, std::filesystem::path plugins, SandboxLimits limits);

  // Loads every workflows/**/*.lua strictly. All or nothing: on any error the list of
  // errors (file:line) comes back and nothing is returned.
  struct LoadResult {
    std::shared_ptr<const ProcedureSet> set;
    std::vector<LoadError> errors;
  };
  LoadResult load() const;

 private:
  std::filesystem::path workflows_;
  std::filesystem::path plugins_;
  SandboxLimits limits_;
};

// An immutable loaded set of procedures. Thread-safe: each call borrows a Lua state from
// an internal pool. Script failures (error, budget, memory, deadline) come back as
// Error{internal} whose message carries "file:line: …".
class ProcedureSet {
 public:
  virtual ~ProcedureSet() = default;

  virtual std::vector<const ProcedureDef*> all() const = 0;  // every id+version
  virtual const ProcedureDef* find(std::string_view id, int version) const = 0;
  virtual const ProcedureDef* latest(std::string_view id) const = 0;

  // The procedure-level guard (action empty) or an action's guard.
  virtual Result<GuardOutcome> guard(const ProcedureDef& def, std::string_view stage,
                                     std::string_view action, const CaseView& c,
                                     const QueryPort& q) const = 0;
  // The action's route: returns one of action.to (checked here).
  virtual Result<std::string> route(const ProcedureDef& def, std::string_view stage,
                                    std::string_view action, const CaseView& c,
                                    const QueryPort& q) const = 0;
  // on_enter / on_exit of `stage`, or effects of `action` in `stage`: the effects recorded.
  virtual Result<std::vector<Effect>> hook(const ProcedureDef& def, HookKind kind,
                                           std::string_view stage, std::string_view action,
                                           const CaseView& c, const QueryPort& q) const = 0;
  // The due date of `stage`'s timer computed by its `timer.at` function for this entry, or
  // nullopt when the function returns nil (no timer this time).
  virtual Result<std::optional<Date>> timer_date(const ProcedureDef& def, std::string_view stage,
                                                 const CaseView& c, const QueryPort& q) const = 0;
};

}  // namespace qc
