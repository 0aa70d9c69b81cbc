#include "timers/deadline_recompute.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

namespace qc {

RecomputeSummary recompute_provisional_deadlines(TimerStore& timers, const WorkCalendar& calendar,
                                                 Instant now) {
  const std::vector<Timer> pending = timers.provisional_timers();
  RecomputeSummary summary{static_cast<int>(pending.size()), 0};
  for (const DeadlineMove& m : recount_deadlines(pending, calendar)) {
    AuditEntry audit{0,
                     now,
                     "system",
                     "deadline.recomputed",
                     boost::json::object{{"case_id", m.case_id},
                                         {"timer_id", m.timer_id},
                                         {"stage", m.stage},
                                         {"action", m.fire_action},
                                         {"old_due_at", format_instant(m.old_due)},
                                         {"new_due_at", format_instant(m.new_due)},
                                         {"provisional", m.provisional}},
                     {},
                     {}};
    if (!timers.move_deadline(m, now, std::move(audit))) continue;  // fired or moved meanwhile
    ++summary.moved;
    spdlog::info("deadline recomputed case_id={} timer_id={} old={} new={} provisional={}",
                 m.case_id, m.timer_id, format_instant(m.old_due), format_instant(m.new_due),
                 m.provisional);
  }
  return summary;
}

}  // namespace qc
