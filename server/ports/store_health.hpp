#pragma once
// What /readyz and /metrics ask of the store.
#include <cstdint>
#include <string>

namespace qc {

struct StoreStats {
  size_t pool_in_use = 0, pool_size = 0;  // pooled sessions leased, and all of them
  // SQLite group commit (both 0 on PostgreSQL): batches committed, writes in them.
  uint64_t write_batches = 0, batched_writes = 0;
};

class StoreHealth {
 public:
  virtual ~StoreHealth() = default;
  virtual std::string backend() const = 0;  // "sqlite" | "postgresql"
  virtual bool ping() = 0;
  virtual StoreStats stats() const = 0;
};

}  // namespace qc
