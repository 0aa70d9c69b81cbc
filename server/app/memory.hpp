#pragma once
// Giving memory back to the system (docs/performance.md "Memory"). glibc's malloc gives
// each contending thread an arena of its own (up to 8 per core) and keeps what is freed in
// them: after a burst of large answers on many workers the process stays at its peak.
// Two arenas, and a trim whenever a few MiB lie free, bring it back down.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace qc::app {

// mallopt(M_ARENA_MAX, 2) unless MALLOC_ARENA_MAX is set; call before any thread starts.
void limit_malloc_arenas();

// A thread that looks every `period` at the memory malloc holds free and, when it is
// more than `threshold` bytes, returns it (malloc_trim). No-op without glibc, or with
// QCREDIT_MALLOC_TRIM=0 in the environment (to measure what it saves).
class MemoryReturner {
 public:
  explicit MemoryReturner(std::chrono::milliseconds period = std::chrono::seconds(2),
                          size_t threshold = size_t{8} << 20);
  ~MemoryReturner();
  MemoryReturner(const MemoryReturner&) = delete;
  MemoryReturner& operator=(const MemoryReturner&) = delete;

 private:
  void loop();

  std::chrono::milliseconds period_;
  size_t threshold_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace qc::app
