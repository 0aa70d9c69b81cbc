#pragma once
// Who may read the audit trail (GET /api/v1/audit): admins all of it; a provincial
// supervisor (samr or drc granted at a province) the trail of one case in its province,
// since entries not about a case (logins, accounts) are not theirs to see.
#include "core/query.hpp"
#include "ports/audit_store.hpp"
#include "ports/case_store.hpp"

namespace qc {

bool is_provincial_supervisor(const Actor& a);

class AuditReads {
 public:
  AuditReads(AuditStore& audit, CaseStore& cases) : audit_(audit), cases_(cases) {}

  // forbidden for everyone else, or for a supervisor without a case filter; not_found for
  // a case the supervisor cannot read (existence is not confirmed).
  Result<Page<AuditEntry>> entries(const Actor& actor, AuditQuery q);

 private:
  AuditStore& audit_;
  CaseStore& cases_;
};

}  // namespace qc
