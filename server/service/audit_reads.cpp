#include "service/audit_reads.hpp"

#include "core/access.hpp"
#include "core/region.hpp"

namespace qc {

bool is_provincial_supervisor(const Actor& a) {
  for (const auto& g : a.grants)
    if ((g.role == "samr" || g.role == "drc") && region_level(g.region) == Level::province)
      return true;
  return false;
}

Result<Page<AuditEntry>> AuditReads::entries(const Actor& actor, AuditQuery q) {
  if (is_admin(actor)) return audit_.audit_entries(q);
  if (!is_provincial_supervisor(actor))
    return err(ErrorCode::forbidden, "the audit trail is for admins and provincial supervisors");
  if (!q.case_id)
    return err(ErrorCode::forbidden, "a provincial supervisor reads the trail of one case", "case");
  const auto c = cases_.case_by_id(*q.case_id);
  if (!c || !may_read(actor, c->region, c->enterprise))
    return err(ErrorCode::not_found, "no such case");
  return audit_.audit_entries(q);
}

}  // namespace qc
