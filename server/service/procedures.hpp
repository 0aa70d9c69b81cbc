#pragma once
// The loaded procedures, swapped as a whole on reload. A reload is all or nothing, and it
// refuses to drop a version that running cases still use (they stay on their version).
#include <memory>
#include <mutex>

#include "core/query.hpp"
#include "engine/engine.hpp"
#include "ports/audit_store.hpp"
#include "ports/case_store.hpp"

namespace qc {

class ProcedureRegistry {
 public:
  ProcedureRegistry(Engine engine, CaseStore& cases, AuditStore& audit, const Clock& clock)
      : engine_(std::move(engine)), cases_(cases), audit_(audit), clock_(clock) {}

  // Loads the workflows directory. On error the current set stays and the errors
  // (file, line, message) are returned in Error::details.
  Result<std::vector<const ProcedureDef*>> reload(const std::string& actor);
  // The same, asked by a user: forbidden unless admin.
  Result<std::vector<const ProcedureDef*>> reload(const Actor& actor);

  std::shared_ptr<const ProcedureSet> current() const;
  bool loaded() const { return current() != nullptr; }

 private:
  Engine engine_;
  CaseStore& cases_;
  AuditStore& audit_;
  const Clock& clock_;
  mutable std::mutex mu_;
  std::mutex reload_mu_;
  std::shared_ptr<const ProcedureSet> set_;
};

}  // namespace qc
