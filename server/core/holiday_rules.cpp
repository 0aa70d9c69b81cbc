#include "core/holiday_rules.hpp"

#include <algorithm>
#include <set>

#include "core/lunar.hpp"

namespace qc {

using namespace std::chrono;

namespace {

bool weekend(Date d) {
  const weekday wd{sys_days{d}};
  return wd == Saturday || wd == Sunday;
}

Date ymd(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

void add_lunar(std::vector<Date>& out, int y, int m, int d) {
  if (auto s = solar_from_lunar(LunarDate{y, m, d, false})) out.push_back(*s);
}

// Spring Festival: 除夕 when `eve` is 1, then 初一 through the `to`th day.
void add_spring_festival(std::vector<Date>& out, int y, int eve, int to) {
  auto first = solar_from_lunar(LunarDate{y, 1, 1, false});
  if (!first) return;
  for (int i = -eve; i < to; ++i) out.push_back(add_days(*first, i));
}

int number(Date d) { return static_cast<int>(sys_days{d}.time_since_epoch().count()); }

}  // namespace

std::vector<Date> statutory_holidays(int y) {
  std::vector<Date> out{ymd(y, 1, 1)};
  if (y >= 2025) {  // 2024 amendment: 除夕 is a holiday again, Labour Day two days
    add_spring_festival(out, y, 1, 3);
    out.push_back(ymd(y, 5, 1));
    out.push_back(ymd(y, 5, 2));
  } else if (y >= 2014) {  // 2013 amendment: 初一 to 初三
    add_spring_festival(out, y, 0, 3);
    out.push_back(ymd(y, 5, 1));
  } else if (y >= 2008) {  // 2007 amendment: 除夕 to 初二, the traditional festivals added
    add_spring_festival(out, y, 1, 2);
    out.push_back(ymd(y, 5, 1));
  } else {  // 1999: Spring Festival, Labour Day and National Day three days each
    add_spring_festival(out, y, 0, 3);
    for (unsigned d = 1; d <= 3; ++d) out.push_back(ymd(y, 5, d));
  }
  if (y >= 2008) {
    if (auto q = qingming(y)) out.push_back(*q);
    add_lunar(out, y, 5, 5);   // 端午节
    add_lunar(out, y, 8, 15);  // 中秋节
  }
  for (unsigned d = 1; d <= 3; ++d) out.push_back(ymd(y, 10, d));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());  // Mid-Autumn may be 1-3 Oct
  return out;
}

std::vector<Date> rest_days_by_rule(int y) {
  const std::vector<Date> holidays = statutory_holidays(y);
  std::set<Date> rest(holidays.begin(), holidays.end());
  for (const Date& h : holidays) {
    if (!weekend(h)) continue;
    Date d = add_days(h, 1);
    while (weekend(d) || rest.count(d)) d = add_days(d, 1);
    rest.insert(d);
  }
  return {rest.begin(), rest.end()};
}

bool is_rest_day_by_rule(Date d) {
  // Every year the lunar table covers, computed once: a few thousand days.
  static const std::set<int> days = [] {
    std::set<int> all;
    for (int y = kLunarFirstYear; y <= kLunarLastYear; ++y)
      for (const Date& r : rest_days_by_rule(y)) all.insert(number(r));
    return all;
  }();
  return weekend(d) || days.count(number(d)) > 0;
}

}  // namespace qc
