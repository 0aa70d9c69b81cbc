#pragma once
// Provisional deadlines counted again once the calendar covers their year: a deadline
// counted through a year the State Council had not yet arranged used the holiday rules
// (core/holiday_rules.hpp); the published arrangement moves weekends and adds days off,
// so the deadline is recounted from the same start with the same number of working days.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/workdays.hpp"

namespace qc {

struct DeadlineMove {
  int64_t timer_id = 0;
  int64_t case_id = 0;
  std::string stage;
  std::string fire_action;
  Instant old_due{};
  Instant new_due{};
  bool provisional = false;  // still running into a year the data does not cover
};

// The timers whose deadline or provisional flag changes when counted with `calendar`;
// timers without a recorded working-day count are left as they are.
std::vector<DeadlineMove> recount_deadlines(const std::vector<Timer>& timers,
                                            const WorkCalendar& calendar);

// What the case history says about a move (Chinese, for the case view).
std::string describe_move(const DeadlineMove& m);

}  // namespace qc
