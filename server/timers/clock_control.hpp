#pragma once
// The domain clock as operators see it: what time it is, and, only when the server runs
// with --simulated-clock, moving it (admin); due timers fire before the move answers.
#include "core/query.hpp"
#include "service/sim_clock.hpp"
#include "timers/timer_worker.hpp"

namespace qc {

struct ClockMove {
  Instant now{};
  int fired = 0;
};

class ClockControl {
 public:
  // `simulated` is null when the clock is the real one.
  ClockControl(const Clock& clock, StoredOffsetClock* simulated, TimerWorker& timers)
      : clock_(clock), simulated_(simulated), timers_(timers) {}

  Instant now() const { return clock_.now(); }
  bool simulated() const { return simulated_ != nullptr; }
  // To an instant, or by a number of days (any integer): forbidden unless admin,
  // not_found when the clock is not simulated, validation when neither is given.
  Result<ClockMove> move(const Actor& actor, std::optional<Instant> to,
                         std::optional<int64_t> advance_days);

 private:
  const Clock& clock_;
  StoredOffsetClock* simulated_;
  TimerWorker& timers_;
};

}  // namespace qc
