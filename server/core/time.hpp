#pragma once
// Instants are UTC seconds; days, deadlines and terms are counted in Beijing time (UTC+8),
// as API.md "Time" requires.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace qc {

using Instant = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

inline constexpr std::chrono::hours kBeijingOffset{8};

Date beijing_date(Instant t);
// 24:00 Beijing time at the end of `d`, i.e. 16:00Z on that day.
Instant end_of_beijing_day(Date d);
// 00:00 Beijing time at the start of `d`.
Instant start_of_beijing_day(Date d);

std::string format_instant(Instant t);  // 2026-12-01T00:00:00Z
std::string format_date(Date d);        // 2026-12-01
std::optional<Instant> parse_instant(std::string_view s);  // RFC 3339, any offset
std::optional<Date> parse_date(std::string_view s);        // YYYY-MM-DD, a real day

Date add_days(Date d, int n);
// A term of N years starting on day `from` ends on the day before the Nth anniversary
// (inclusive); a term from 29 Feb ends on 28 Feb.
Date term_end(Date from, int years);
// The `years`th anniversary of `from` (29 Feb -> 1 Mar in a common year).
Date anniversary(Date from, int years);

// Time source. Every use of "now" in the domain goes through this interface so that a
// simulated clock can drive case dates, deadlines, timers and registers.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace qc
