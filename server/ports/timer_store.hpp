#pragma once
// Durable deadlines, and the simulated clock's offset every server shares.
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "core/deadline_recount.hpp"
#include "core/model.hpp"
#include "ports/unavailable.hpp"

namespace qc {

class TimerStore {
 public:
  virtual ~TimerStore() = default;

  // A timer fires at most once: its transition sets fired_at (Transition::fired_timer).
  virtual std::vector<Timer> due_timers(Instant now, int limit) = 0;
  // Lease a due timer for `owner` until `until`; false when another holds a live lease.
  // Leases are on the same timeline as due_timers' `now`: a lease is live while
  // claimed_until >= real clock + clock_offset() (the simulated clock's now).
  virtual bool claim_timer(int64_t id, const std::string& owner, Instant until) = 0;
  virtual std::optional<Timer> pending_timer(int64_t case_id) = 0;
  // The timer the case last had in `stage` (for keep = true): each kept timer carries the
  // first deadline forward, recomputed with it when its calendar year is published.
  virtual std::optional<Timer> kept_timer(int64_t case_id, const std::string& stage) = 0;
  // Pending working-day timers counted by the holiday rules (provisional), by id.
  virtual std::vector<Timer> provisional_timers() = 0;
  // Moves a pending timer's deadline (and its open notice's closing), with an event on the
  // case and `audit`, in one transaction. False when the timer is no longer pending with
  // the old deadline (fired, cancelled, or moved by another server).
  virtual bool move_deadline(const DeadlineMove& move, Instant now, AuditEntry audit) = 0;
};

class ClockStore {
 public:
  virtual ~ClockStore() = default;
  // The simulated clock's offset from real time in seconds (shared by every server).
  virtual int64_t clock_offset() = 0;
  virtual void set_clock_offset(int64_t seconds, AuditEntry audit) = 0;
};

}  // namespace qc
