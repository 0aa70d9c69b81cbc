#include "core/lunar.hpp"

#include <array>
#include <cstdint>

namespace qc {

using namespace std::chrono;

namespace {

// One word per lunar year 1900..2100 (the public almanac table, as Hong Kong Observatory
// and Purple Mountain Observatory data give it):
//   bits 15..4  months 1..12: 1 = 30 days, 0 = 29 days (bit 15 is the first month)
//   bits 3..0   the leap month (0: none)
//   bit 16      the leap month has 30 days
// 2057 follows the corrected value (its ninth month starts on 28 September).
constexpr std::array<uint32_t, 201> kYears = {
    0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2,
    0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977,
    0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970,
    0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950,
    0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557,
    0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0,
    0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0,
    0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6,
    0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570,
    0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0,
    0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5,
    0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,
    0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530,
    0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45,
    0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0,
    0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0,
    0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4,
    0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0,
    0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160,
    0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a4d0, 0x0d150, 0x0f252,
    0x0d520,
};

// Spring Festival of lunar 1900.
constexpr sys_days kEpoch = sys_days{1900y / January / 31};

uint32_t info(int year) { return kYears[static_cast<size_t>(year - kLunarFirstYear)]; }
int leap_month(int year) { return static_cast<int>(info(year) & 0xf); }
int leap_days(int year) {
  if (leap_month(year) == 0) return 0;
  return (info(year) & 0x10000) ? 30 : 29;
}
int month_days(int year, int month) { return (info(year) & (0x10000u >> month)) ? 30 : 29; }
int year_days(int year) {
  int n = leap_days(year);
  for (int m = 1; m <= 12; ++m) n += month_days(year, m);
  return n;
}
bool in_range(int year) { return year >= kLunarFirstYear && year <= kLunarLastYear; }

}  // namespace

std::optional<Date> solar_from_lunar(const LunarDate& l) {
  if (!in_range(l.year) || l.month < 1 || l.month > 12 || l.day < 1) return std::nullopt;
  if (l.leap && leap_month(l.year) != l.month) return std::nullopt;
  if (l.day > (l.leap ? leap_days(l.year) : month_days(l.year, l.month))) return std::nullopt;
  int offset = 0;
  for (int y = kLunarFirstYear; y < l.year; ++y) offset += year_days(y);
  for (int m = 1; m < l.month; ++m) {
    offset += month_days(l.year, m);
    if (m == leap_month(l.year)) offset += leap_days(l.year);
  }
  if (l.leap) offset += month_days(l.year, l.month);
  offset += l.day - 1;
  return Date{kEpoch + days{offset}};
}

std::optional<LunarDate> lunar_from_solar(Date d) {
  int offset = static_cast<int>((sys_days{d} - kEpoch).count());
  if (offset < 0) return std::nullopt;
  int year = kLunarFirstYear;
  for (; year <= kLunarLastYear && offset >= year_days(year); ++year) offset -= year_days(year);
  if (year > kLunarLastYear) return std::nullopt;
  const int leap = leap_month(year);
  for (int m = 1; m <= 12; ++m) {
    if (offset < month_days(year, m)) return LunarDate{year, m, offset + 1, false};
    offset -= month_days(year, m);
    if (m == leap) {
      if (offset < leap_days(year)) return LunarDate{year, m, offset + 1, true};
      offset -= leap_days(year);
    }
  }
  return std::nullopt;  // unreachable: the year's days were counted above
}

std::optional<Date> lunar_new_years_eve(int lunar_year) {
  auto first = solar_from_lunar(LunarDate{lunar_year, 1, 1, false});
  if (!first) return std::nullopt;
  return add_days(*first, -1);
}

std::optional<Date> qingming(int year) {
  // The almanac rule of thumb (寿星通式) for a solar term: day = ⌊Y·D + C⌋ − ⌊Y/4⌋, with
  // Y the year within its century, D the tropical-year drift per year and C the century's
  // constant for 清明; ⌊Y/4⌋ counts the leap days since, and 2100 is not a leap year. It
  // agrees with the sun's computed longitude (Meeus, ch. 25) for every year 1901-2100.
  if (year < 1901 || year > 2100) return std::nullopt;
  const bool twentieth = year <= 2000;
  const int y = twentieth ? year - 1900 : year - 2000;
  const double c = twentieth ? 5.59 : 4.81;
  const int leap_days_since = y / 4 - (year == 2100 ? 1 : 0);
  const int day = static_cast<int>(y * 0.2422 + c) - leap_days_since;
  return Date{std::chrono::year{year}, April, std::chrono::day{static_cast<unsigned>(day)}};
}

}  // namespace qc
