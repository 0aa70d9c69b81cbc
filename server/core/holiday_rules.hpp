#pragma once
// The statutory holidays a year must have by rule, for the years whose arrangement (放假安排)
// the State Council has not published yet: 国务院《全国年节及纪念日放假办法》, in the
// version in force that year. The published arrangement also moves weekends (调休) to
// join holidays into a week; that is a yearly decision and is not predicted here.
#include <vector>

#include "core/time.hpp"

namespace qc {

// The festival days themselves, in date order, for 1901-2100 (the lunar ones need the
// lunar table): as amended in 2024 (from 2025) New Year 1 day, Spring Festival 4 (除夕 to
// 初三), Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3; earlier
// years by the 2013, 2007 and 1999 versions.
std::vector<Date> statutory_holidays(int year);

// The statutory holidays plus the make-up day off (补假, article 6) for each one that falls
// on a Saturday or Sunday: the next Monday-Friday that is not already a holiday.
std::vector<Date> rest_days_by_rule(int year);

// Whether `d` is a rest day by rule (rest_days_by_rule of its year) or a weekend.
bool is_rest_day_by_rule(Date d);

}  // namespace qc
