#pragma once
// The repository: every port of server/ports implemented once over SOCI for SQLite and
// PostgreSQL (SqlStore, store/*.cpp); the same test suite runs against both. Only app/
// (wiring) and tests name this type: services take the ports they need.
//
// Every write is one transaction. Writes that change state also append one audit entry
// to the hash-chained `audit` table inside that same transaction.
#include <memory>
#include <string>

#include "core/time.hpp"
#include "ports/archive_store.hpp"
#include "ports/audit_store.hpp"
#include "ports/case_store.hpp"
#include "ports/classification_store.hpp"
#include "ports/complaint_store.hpp"
#include "ports/register_store.hpp"
#include "ports/store_health.hpp"
#include "ports/timer_store.hpp"
#include "ports/user_store.hpp"

namespace qc {

class Store : public StoreHealth,
              public ArchiveStore,
              public UserStore,
              public CaseStore,
              public RegisterStore,
              public TimerStore,
              public ClockStore,
              public AuditStore,
              public ComplaintStore,
              public ReportSubmissionStore,
              public ClassificationStore {
 public:
  ~Store() override = default;
};

// Opens `sqlite:PATH` or `postgresql://…`, applying numbered migrations. `real_clock`
// (default: the system clock) is what timer leases are judged on, plus the stored clock
// offset; it is a parameter so that tests can inject one.
Result<std::unique_ptr<Store>> open_store(const std::string& url, int pool_size,
                                          std::shared_ptr<const Clock> real_clock = nullptr);

}  // namespace qc
