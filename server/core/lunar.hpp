#pragma once
// The Chinese lunisolar calendar (农历) from 1900 to 2100, for the lunar statutory holidays
// (Spring Festival, Dragon Boat, Mid-Autumn), and the Qingming solar term.
//
// Lunar months cannot be derived cheaply: they follow the true new moons as the Purple
// Mountain Observatory computes them, so the calendar is a table, one word per lunar year
// (month lengths and the leap month), as the almanacs publish it.
#include <optional>

#include "core/time.hpp"

namespace qc {

struct LunarDate {
  int year = 0;       // the lunar year that starts at its Spring Festival (正月初一)
  int month = 0;      // 1..12
  int day = 0;        // 1..30
  bool leap = false;  // the intercalary month that follows `month` (闰月)
};

inline constexpr int kLunarFirstYear = 1900;
inline constexpr int kLunarLastYear = 2100;

// The Gregorian date of a lunar date; nullopt outside 1900-2100, for a month or day the
// year does not have (day 30 of a 29-day month, a leap month the year lacks).
std::optional<Date> solar_from_lunar(const LunarDate& l);
// The lunar date of a Gregorian day; nullopt before 1900-01-31 or after lunar 2100.
std::optional<LunarDate> lunar_from_solar(Date d);

// 除夕: the last day of the lunar year before `lunar_year`'s Spring Festival.
std::optional<Date> lunar_new_years_eve(int lunar_year);

// The day (Beijing) the sun reaches 15° ecliptic longitude (清明), 1901-2100: 4 or 5 April
// (the 20th century had some 5 and 6 April).
std::optional<Date> qingming(int year);

}  // namespace qc
