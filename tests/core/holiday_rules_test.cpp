#include "core/holiday_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/workdays.hpp"

namespace qc {
namespace {

using namespace std::chrono;

Date day(std::string_view s) { return parse_date(s).value(); }
std::vector<std::string> text(const std::vector<Date>& ds) {
  std::vector<std::string> out;
  for (const Date& d : ds) out.push_back(format_date(d));
  return out;
}

TEST(HolidayRules, TheAmendedRulesFor2027) {
  // 除夕 2027-02-05 .. 初三 02-08; Qingming 04-05; Dragon Boat 06-09; Mid-Autumn 09-15.
  EXPECT_EQ(text(statutory_holidays(2027)),
            (std::vector<std::string>{"2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07",
                                      "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02",
                                      "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02",
                                      "2027-10-03"}));
}

TEST(HolidayRules, AWeekendHolidayIsMadeUpOnTheNextWeekday) {
  // 2027: 初一 and 初二 are Saturday and Sunday -> Tuesday 02-09 and Wednesday 02-10 (Monday
  // 02-08 is 初三 itself); Labour Day is Saturday-Sunday -> 05-03, 05-04; National Day
  // 10-02, 10-03 -> 10-04, 10-05.
  const auto rest = text(rest_days_by_rule(2027));
  for (const char* d :
       {"2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"})
    EXPECT_NE(std::find(rest.begin(), rest.end(), d), rest.end()) << d;
  EXPECT_EQ(rest.size(), 13u + 6u);
  EXPECT_TRUE(is_rest_day_by_rule(day("2027-10-05")));
  EXPECT_FALSE(is_rest_day_by_rule(day("2027-10-06")));
  EXPECT_TRUE(is_rest_day_by_rule(day("2027-10-09")));  // a Saturday
}

TEST(HolidayRules, MidAutumnOnNationalDayCountsOnce) {
  // 2028: Mid-Autumn is 3 October.
  const auto h = text(statutory_holidays(2028));
  EXPECT_EQ(std::count(h.begin(), h.end(), "2028-10-03"), 1);
  EXPECT_EQ(h.size(), 12u);
}

class AgainstPublishedData : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = WorkCalendar::from_file(QC_SOURCE_DIR "/plugins/calendar/cn_workdays.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    cal = std::move(loaded).value();
  }
  WorkCalendar cal;
};

TEST_F(AgainstPublishedData, EveryRuleHolidayIsADayOffInTheArrangement) {
  // The State Council's arrangements for 2004-2026 (cn_workdays.json) give every festival
  // day the rules of that year fix, lunar ones included: the lunar table and the solar
  // term agree with the published years.
  int years = 0;
  for (int y = 2004; y <= 2100; ++y) {
    if (!cal.covers_year(y)) continue;
    ++years;
    for (const Date& h : statutory_holidays(y))
      EXPECT_FALSE(cal.is_workday(h)) << format_date(h) << " is a working day in the data";
  }
  EXPECT_GE(years, 23);
}

TEST_F(AgainstPublishedData, MadeUpDaysOffOf2025And2026AreInTheArrangement) {
  // Under the amended rules, each made-up day is one of the published days off (the
  // arrangement adds more, by moving weekends).
  for (int y : {2025, 2026})
    for (const Date& r : rest_days_by_rule(y)) EXPECT_FALSE(cal.is_workday(r)) << format_date(r);
}

}  // namespace
}  // namespace qc
