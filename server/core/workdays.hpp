#pragma once
// The Chinese working-day calendar: Monday-Friday, minus statutory holidays, plus make-up
// working days, as the State Council publishes them each year. The data is plugin data
// (plugins/calendar/cn_workdays.json) so a new year's arrangement needs no rebuild. A year
// not in the data counts Monday-Friday minus the holidays its rules fix
// (core/holiday_rules.hpp), and what is counted in it is provisional.
#include <set>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"

namespace qc {

struct Deadline {
  Instant due_at;
  // Counted through a year not in the data, by the holiday rules: recomputed once the
  // year's arrangement is published.
  bool provisional = false;
};

class WorkCalendar {
 public:
  WorkCalendar() = default;
  // JSON: {"years":[2025,2026],"holidays":["2026-01-01",…],"workdays":["2026-02-14",…]}
  static Result<WorkCalendar> from_json(std::string_view text);
  static Result<WorkCalendar> from_file(const std::string& path);

  bool is_workday(Date d) const;
  bool covers(Date d) const;  // the year's arrangement is published
  bool covers_year(int year) const { return years_.count(year) > 0; }
  // Due at 24:00 Beijing of the Nth working day after `start` (N >= 1; N <= 0: end of start).
  Deadline add_workdays(Date start, int n) const;
  // Due at 24:00 Beijing of start + N.
  static Deadline add_days(Date start, int n);
  Date nth_workday_after(Date start, int n, bool* provisional = nullptr) const;

 private:
  std::set<int> years_;
  std::set<int> holidays_;  // days since epoch
  std::set<int> workdays_;
};

}  // namespace qc
