#pragma once
// The hash-chained audit trail. Writes that change state append their entry inside their
// own transaction; this port appends the entries of actions that change nothing else.
#include "core/audit.hpp"
#include "ports/unavailable.hpp"

namespace qc {

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  virtual void append_audit(AuditEntry e) = 0;
  virtual Page<AuditEntry> audit(const PageRequest& page) = 0;
  virtual AuditVerification verify_audit() = 0;
  virtual EventVerification verify_events() = 0;
  // Newest first. The case filter reads the `case_id` column that append_audit fills from
  // the entry's detail (schema version 2); the hash covers the detail, not the column.
  virtual Page<AuditEntry> audit_entries(const AuditQuery& q) = 0;
};

}  // namespace qc
