#pragma once
// A function exported by a plugin module (plugins/<a>/<b>.lua), callable by the host with
// plain data: the argument goes in as a Lua value converted from JSON, the result comes
// back converted to JSON (engine/json_bridge.hpp rules). This is how the host runs rules
// that live in Lua but belong to no procedure, e.g. the national A/B/C/D classification
// (docs/adr/030-plugin-function-calls.md). No Lua type crosses this header.
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "engine/engine.hpp"

namespace qc {

namespace engine {
struct PluginState;  // a prepared sandbox holding a reference to the function
}

class PluginFunction {
 public:
  // Requires `module` ("credit.abcd") in a fresh sandbox and checks that it exports
  // `function`; errors (file:line) come back as Error{internal}.
  static Result<std::shared_ptr<PluginFunction>> load(std::filesystem::path plugins,
                                                      SandboxLimits limits, std::string module,
                                                      std::string function);
  ~PluginFunction();
  PluginFunction(const PluginFunction&) = delete;
  PluginFunction& operator=(const PluginFunction&) = delete;

  // Thread-safe: each call borrows a prepared state from a pool (one is prepared when none
  // is idle), so concurrent callers run in parallel and a state is reused call after call.
  // A call that fails (error, budget, memory, deadline) discards its state.
  Result<Json> call(const Json& argument) const;

  const std::string& name() const { return name_; }  // "credit.abcd.classify_batch"
  size_t idle_states() const;

 private:
  PluginFunction(std::filesystem::path plugins, SandboxLimits limits, std::string module,
                 std::string function);
  Result<std::unique_ptr<engine::PluginState>> prepare() const;

  std::filesystem::path plugins_;
  SandboxLimits limits_;
  std::string module_;
  std::string function_;
  std::string name_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<engine::PluginState>> idle_;
};

}  // namespace qc
