#pragma once
// Grades every enterprise of a scope as of a date: the store is read a batch at a time on
// one thread, batches are graded in Lua on `graders` threads (the calling one among them)
// and written (and reported to on_batch) on another, so the cores of a small server all
// work. Used by classification runs and by `scripts/bench abcd`.
#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "core/classification.hpp"
#include "engine/plugin_function.hpp"
#include "ports/archive_store.hpp"
#include "ports/classification_store.hpp"

namespace qc {

struct PassOptions {
  Scope scope;
  std::optional<std::string> region;
  Date as_of{};
  int64_t run_id = 0;
  Instant at{};
  int batch_size = 2000;
  // Grading threads, each with its own Lua state. Two keep a two-core server busy (grading
  // costs about twice the read and the write together); more help only with more cores.
  int graders = 2;
  bool write = true;  // false: grade only (the bench's read+grade figure)
  // After each batch, with the number graded so far; may return false to stop.
  std::function<bool(int64_t done, const std::vector<Classification>& batch)> on_batch;
};

// The number of enterprises graded, or the first error (nothing more is written after it).
Result<int64_t> run_classification_pass(ArchiveStore& archive, ClassificationStore& results,
                                        const PluginFunction& grader, const PassOptions& options);

}  // namespace qc
