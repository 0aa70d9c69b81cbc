#pragma once
// The simulated clock (--simulated-clock): real time plus an offset kept in the database,
// so every server and every restart share it. It drives case dates, deadlines, timers and
// registers; sessions and rate limits always use the real clock.
#include "ports/timer_store.hpp"

namespace qc {

class StoredOffsetClock final : public Clock {
 public:
  StoredOffsetClock(ClockStore& store, const Clock& real) : store_(store), real_(real) {}
  Instant now() const override { return real_.now() + std::chrono::seconds(store_.clock_offset()); }
  // Moves the simulated time to `to` (earlier or later).
  void set(Instant to, const std::string& actor);

 private:
  ClockStore& store_;
  const Clock& real_;
};

}  // namespace qc
