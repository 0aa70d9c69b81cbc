#pragma once
// One batch of the national classification: the archive of a page of enterprises handed to
// plugins/credit/abcd.lua's classify_batch as plain data, its answers read back. The batch
// is built in a monotonic arena that is reused batch after batch, so grading a province
// does not allocate per record.
#include <memory>
#include <vector>

#include <boost/json/monotonic_resource.hpp>

#include "core/classification.hpp"
#include "core/result.hpp"
#include "engine/plugin_function.hpp"

namespace qc {

class ClassificationBatch {
 public:
  explicit ClassificationBatch(const PluginFunction& grader) : grader_(grader) {}

  // Grades `entries` as of `as_of`; results come back in the same order, stamped with
  // `run_id` and `at`. A malformed answer from the script is Error{internal}.
  Result<std::vector<Classification>> grade(const std::vector<ArchiveEntry>& entries, Date as_of,
                                            int64_t run_id, Instant at);

 private:
  const PluginFunction& grader_;
  std::unique_ptr<boost::json::monotonic_resource> arena_;
};

// The script's answer for one enterprise ({uscc, grade?, reasons}) as a Classification.
Result<Classification> classification_from_json(const Json& v);

}  // namespace qc
