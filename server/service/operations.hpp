#pragma once
// What operators ask of a running server: is it ready, what do its pools look like, and
// do the audit and case event chains still verify (admin).
#include "core/query.hpp"
#include "ports/audit_store.hpp"
#include "ports/store_health.hpp"
#include "service/procedures.hpp"

namespace qc {

struct Readiness {
  bool database = false;
  bool procedures = false;
  bool ok() const { return database && procedures; }
};

struct ChainVerification {
  AuditVerification audit;
  EventVerification events;
};

class Operations {
 public:
  Operations(StoreHealth& health, AuditStore& audit, ProcedureRegistry& procedures)
      : health_(health), audit_(audit), procedures_(procedures) {}

  Readiness readiness() { return Readiness{health_.ping(), procedures_.loaded()}; }
  StoreStats stats() const { return health_.stats(); }
  // forbidden unless admin.
  Result<ChainVerification> verify(const Actor& actor);

 private:
  StoreHealth& health_;
  AuditStore& audit_;
  ProcedureRegistry& procedures_;
};

}  // namespace qc
