#pragma once
// After the calendar is loaded (at start, and after scripts/update-calendar brought a new
// year's arrangement): every pending deadline counted by the holiday rules is counted
// again; each one that moves is written with an event on its case and a
// `deadline.recomputed` audit entry (docs/adr/045).
#include "core/workdays.hpp"
#include "ports/timer_store.hpp"

namespace qc {

struct RecomputeSummary {
  int checked = 0;  // provisional deadlines looked at
  int moved = 0;    // written with their new deadline or flag
};

RecomputeSummary recompute_provisional_deadlines(TimerStore& timers, const WorkCalendar& calendar,
                                                 Instant now);

}  // namespace qc
