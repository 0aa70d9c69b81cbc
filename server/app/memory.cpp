#include "app/memory.hpp"

#include <cstdlib>
#include <string>

#include <spdlog/spdlog.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace qc::app {

void limit_malloc_arenas() {
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;  // the operator's choice
  mallopt(M_ARENA_MAX, 2);
#endif
}

MemoryReturner::MemoryReturner(std::chrono::milliseconds period, size_t threshold)
    : period_(period), threshold_(threshold) {
#if defined(__GLIBC__)
  if (const char* v = std::getenv("QCREDIT_MALLOC_TRIM"); v != nullptr && std::string(v) == "0")
    return;
  thread_ = std::thread([this] { loop(); });
#endif
}

MemoryReturner::~MemoryReturner() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MemoryReturner::loop() {
#if defined(__GLIBC__)
  std::unique_lock lock(mu_);
  while (!wake_.wait_for(lock, period_, [this] { return stop_; })) {
    // fordblks: bytes free inside the arenas, the part the process keeps but does not use.
    const size_t free_bytes = mallinfo2().fordblks;
    if (free_bytes < threshold_) continue;
    malloc_trim(0);
    spdlog::debug("memory returned free_bytes={} free_after={}", free_bytes, mallinfo2().fordblks);
  }
#endif
}

}  // namespace qc::app
