#include "core/workdays.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "core/holiday_rules.hpp"

namespace qc {

using namespace std::chrono;

namespace {
int day_number(Date d) { return static_cast<int>(sys_days{d}.time_since_epoch().count()); }
}  // namespace

Result<WorkCalendar> WorkCalendar::from_json(std::string_view text) {
  boost::system::error_code ec;
  auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return err(ErrorCode::validation, "calendar: not a JSON object");
  WorkCalendar cal;
  const auto& o = doc.as_object();
  auto read_days = [&](const char* key, std::set<int>& into) -> Status {
    const auto* arr = o.if_contains(key);
    if (!arr || !arr->is_array())
      return err(ErrorCode::validation, std::string("calendar: missing ") + key);
    for (const auto& v : arr->as_array()) {
      auto d = v.is_string() ? parse_date(v.as_string()) : std::nullopt;
      if (!d) return err(ErrorCode::validation, std::string("calendar: bad date in ") + key);
      into.insert(day_number(*d));
    }
    return ok_status();
  };
  if (auto s = read_days("holidays", cal.holidays_); !s) return s.take_error();
  if (auto s = read_days("workdays", cal.workdays_); !s) return s.take_error();
  if (const auto* ys = o.if_contains("years"); ys && ys->is_array()) {
    for (const auto& y : ys->as_array())
      if (y.is_int64()) cal.years_.insert(static_cast<int>(y.as_int64()));
  }
  return cal;
}

Result<WorkCalendar> WorkCalendar::from_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return err(ErrorCode::unavailable, "calendar: cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return from_json(ss.str());
}

bool WorkCalendar::covers(Date d) const { return years_.count(static_cast<int>(d.year())) > 0; }

bool WorkCalendar::is_workday(Date d) const {
  if (!covers(d)) return !is_rest_day_by_rule(d);
  const int n = day_number(d);
  if (workdays_.count(n)) return true;
  if (holidays_.count(n)) return false;
  const weekday wd{sys_days{d}};
  return wd != Saturday && wd != Sunday;
}

Date WorkCalendar::nth_workday_after(Date start, int n, bool* provisional) const {
  Date d = start;
  bool prov = false;
  for (int found = 0; found < n;) {
    d = qc::add_days(d, 1);
    if (!covers(d)) prov = true;
    if (is_workday(d)) ++found;
  }
  if (provisional) *provisional = prov;
  return d;
}

Deadline WorkCalendar::add_workdays(Date start, int n) const {
  bool prov = false;
  const Date d = n > 0 ? nth_workday_after(start, n, &prov) : start;
  return Deadline{end_of_beijing_day(d), prov};
}

Deadline WorkCalendar::add_days(Date start, int n) {
  return Deadline{end_of_beijing_day(qc::add_days(start, n)), false};
}

}  // namespace qc
