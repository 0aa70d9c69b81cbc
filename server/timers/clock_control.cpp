#include "timers/clock_control.hpp"

#include "core/access.hpp"

namespace qc {

Result<ClockMove> ClockControl::move(const Actor& actor, std::optional<Instant> to,
                                     std::optional<int64_t> advance_days) {
  if (auto s = require_role(actor, {}); !s) return s.take_error();
  if (!simulated_)
    return err(ErrorCode::not_found, "the simulated clock is off (start with --simulated-clock)");
  if (advance_days) to = clock_.now() + std::chrono::days(*advance_days);
  if (!to) return err(ErrorCode::validation, "give advance_days or set", "advance_days");
  simulated_->set(*to, actor.username);
  const int fired = timers_.fire_due();  // due timers fire before the answer
  return ClockMove{clock_.now(), fired};
}

}  // namespace qc
