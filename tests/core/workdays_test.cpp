#include "core/workdays.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

using namespace std::chrono;

Date day(std::string_view s) { return parse_date(s).value(); }
Instant at(std::string_view s) { return parse_instant(s).value(); }

class Workdays : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = WorkCalendar::from_file(QC_SOURCE_DIR "/plugins/calendar/cn_workdays.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    cal = std::move(loaded).value();
  }
  WorkCalendar cal;
};

TEST_F(Workdays, NationalDayIsAHoliday) {
  EXPECT_FALSE(cal.is_workday(day("2026-10-01")));  // Thursday, holiday
  EXPECT_FALSE(cal.is_workday(day("2026-10-07")));  // Wednesday, holiday
  EXPECT_TRUE(cal.is_workday(day("2026-10-08")));   // Thursday, back to work
}

TEST_F(Workdays, MakeUpSaturdaysAreWorkdays) {
  EXPECT_EQ(weekday{sys_days{day("2026-10-10")}}, Saturday);
  EXPECT_TRUE(cal.is_workday(day("2026-10-10")));
  EXPECT_EQ(weekday{sys_days{day("2026-02-14")}}, Saturday);
  EXPECT_TRUE(cal.is_workday(day("2026-02-14")));
  EXPECT_FALSE(cal.is_workday(day("2026-10-11")));  // an ordinary Sunday
}

TEST_F(Workdays, CoversPublishedYearsOnly) {
  EXPECT_TRUE(cal.covers(day("2026-06-01")));
  EXPECT_FALSE(cal.covers(day("2027-06-01")));
}

TEST_F(Workdays, FiveWorkingDaysAcrossNationalDayWeek) {
  // Started on Tuesday 2026-09-29. From the data (holidays 10-01..10-07, make-up workday
  // Saturday 10-10):
  //   09-30 Wed  workday  -> 1
  //   10-01 .. 10-07      holidays (Golden Week, Thursday to Wednesday)
  //   10-08 Thu  workday  -> 2
  //   10-09 Fri  workday  -> 3
  //   10-10 Sat  make-up  -> 4
  //   10-11 Sun  rest
  //   10-12 Mon  workday  -> 5
  // so the deadline is 24:00 Beijing on 2026-10-12, i.e. 2026-10-12T16:00:00Z.
  EXPECT_EQ(cal.nth_workday_after(day("2026-09-29"), 5), day("2026-10-12"));
  const Deadline d = cal.add_workdays(day("2026-09-29"), 5);
  EXPECT_EQ(d.due_at, at("2026-10-12T16:00:00Z"));
  EXPECT_FALSE(d.provisional);
}

TEST_F(Workdays, SpringFestivalWithMakeUpDays) {
  // Started on Friday 2026-02-13: 02-14 Sat is a make-up workday (1); 02-15..02-23 are the
  // Spring Festival holidays; 02-24 Tue (2); 02-25 Wed (3).
  EXPECT_EQ(cal.nth_workday_after(day("2026-02-13"), 3), day("2026-02-25"));
}

TEST_F(Workdays, DeadlineBeyondPublishedDataCountsTheRuleHolidays) {
  // 2027 is not in the data: counted by the holiday rules and flagged. National Day 2027 is
  // Friday 10-01 to Sunday 10-03; Saturday and Sunday are made up on Monday 10-04 and
  // Tuesday 10-05. Started Friday 10-01: Wed 10-06 .. Tue 10-12 are the five days.
  const Deadline d = cal.add_workdays(day("2027-10-01"), 5);
  EXPECT_EQ(d.due_at, at("2027-10-12T16:00:00Z"));
  EXPECT_TRUE(d.provisional);
  EXPECT_FALSE(cal.is_workday(day("2027-10-01")));  // National Day by rule
  EXPECT_FALSE(cal.is_workday(day("2027-10-05")));  // made up for Sunday 10-03
  EXPECT_TRUE(cal.is_workday(day("2027-10-06")));
  EXPECT_FALSE(cal.is_workday(day("2027-10-09")));  // Saturday: no 调休 is predicted
}

TEST_F(Workdays, NoticeOpenedAtTheEndOfThePublishedDataSkipsNewYear) {
  // A notice opened Monday 2026-12-28 for five working days: 12-29, 12-30, 12-31 (2026,
  // published), then 2027-01-01 is New Year's Day by rule, so Monday 01-04 and Tuesday
  // 01-05 are the fourth and fifth.
  const Deadline d = cal.add_workdays(day("2026-12-28"), 5);
  EXPECT_EQ(d.due_at, at("2027-01-05T16:00:00Z"));
  EXPECT_TRUE(d.provisional);
  EXPECT_FALSE(cal.is_workday(day("2027-01-01")));
}

TEST_F(Workdays, DeadlineRunningIntoUnpublishedYearIsProvisional) {
  // Started Thursday 2026-12-31: the working days fall in 2027.
  bool provisional = false;
  EXPECT_EQ(cal.nth_workday_after(day("2026-12-31"), 1, &provisional), day("2027-01-04"));
  EXPECT_TRUE(provisional);
}

TEST_F(Workdays, DeadlineWithinPublishedDataIsNotProvisional) {
  EXPECT_FALSE(cal.add_workdays(day("2026-12-21"), 5).provisional);  // ends 12-28
}

TEST_F(Workdays, ZeroWorkdaysIsTheEndOfTheStartDay) {
  EXPECT_EQ(cal.add_workdays(day("2026-10-01"), 0).due_at, at("2026-10-01T16:00:00Z"));
}

TEST_F(Workdays, AddDaysIsDueAt1600Z) {
  const Deadline d = WorkCalendar::add_days(day("2026-09-29"), 5);
  EXPECT_EQ(d.due_at, at("2026-10-04T16:00:00Z"));  // holidays do not matter for days
  EXPECT_FALSE(d.provisional);
  EXPECT_EQ(WorkCalendar::add_days(day("2026-12-30"), 2).due_at, at("2027-01-01T16:00:00Z"));
}

TEST(WorkCalendarJson, RejectsMalformedData) {
  EXPECT_FALSE(WorkCalendar::from_json("[]").ok());
  EXPECT_FALSE(WorkCalendar::from_json("{\"holidays\":[]}").ok());
  EXPECT_FALSE(
      WorkCalendar::from_json("{\"years\":[2026],\"holidays\":[\"2026-02-30\"],\"workdays\":[]}")
          .ok());
  EXPECT_FALSE(WorkCalendar::from_file("/nonexistent/calendar.json").ok());
}

TEST(WorkCalendarJson, HolidaysOnlyApplyInPublishedYears) {
  auto cal = WorkCalendar::from_json(
      "{\"years\":[2026],\"holidays\":[\"2026-10-01\"],\"workdays\":[\"2026-10-10\"]}");
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(cal->is_workday(day("2026-10-01")));
  EXPECT_TRUE(cal->is_workday(day("2026-10-10")));
  EXPECT_TRUE(cal->is_workday(day("2026-10-02")));  // Friday, not listed in this data
}

}  // namespace
}  // namespace qc
