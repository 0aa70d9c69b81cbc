#pragma once
// The national A/B/C/D classification: runs (background jobs, inserted running, updated as
// batches finish) and each enterprise's current result. Internal: never public.
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "core/classification.hpp"
#include "core/queries.hpp"
#include "core/result.hpp"
#include "ports/unavailable.hpp"

namespace qc {

class ClassificationStore {
 public:
  virtual ~ClassificationStore() = default;

  virtual Result<ClassificationRun> insert_classification_run(ClassificationRun run,
                                                              AuditEntry audit) = 0;
  virtual void update_classification_run(const ClassificationRun& run) = 0;
  virtual std::optional<ClassificationRun> classification_run(int64_t id) = 0;
  // Replaces each enterprise's current result, all in one transaction.
  virtual void save_classifications(const std::vector<Classification>& results) = 0;
  // A what-if run's results, kept with the run (the current register is left alone).
  virtual void save_run_results(int64_t run_id, const std::vector<Classification>& results) = 0;
  virtual std::optional<Classification> classification(const std::string& uscc) = 0;
  // The current register, or with q.run_id a what-if run's kept results.
  virtual Page<Classification> classifications(const ClassificationQuery& q) = 0;
};

}  // namespace qc
