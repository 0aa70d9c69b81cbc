#include "core/lunar.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

Date day(std::string_view s) { return parse_date(s).value(); }
std::string solar(int y, int m, int d, bool leap = false) {
  auto s = solar_from_lunar(LunarDate{y, m, d, leap});
  return s ? format_date(*s) : "none";
}

TEST(Lunar, SpringFestivalsOfThePublishedYears) {
  EXPECT_EQ(solar(2025, 1, 1), "2025-01-29");
  EXPECT_EQ(solar(2026, 1, 1), "2026-02-17");
  EXPECT_EQ(format_date(*lunar_new_years_eve(2026)), "2026-02-16");
  EXPECT_EQ(format_date(*lunar_new_years_eve(2025)), "2025-01-28");
}

TEST(Lunar, DragonBoatAndMidAutumn) {
  EXPECT_EQ(solar(2025, 5, 5), "2025-05-31");
  EXPECT_EQ(solar(2026, 5, 5), "2026-06-19");
  EXPECT_EQ(solar(2025, 8, 15), "2025-10-06");
  EXPECT_EQ(solar(2026, 8, 15), "2026-09-25");
}

TEST(Lunar, YearsPastThePublishedData) {
  // The observatories' almanac: 2027 丁未, 2028 戊申 (闰五月), 2033 癸丑 (闰十一月).
  EXPECT_EQ(solar(2027, 1, 1), "2027-02-06");
  EXPECT_EQ(solar(2027, 5, 5), "2027-06-09");
  EXPECT_EQ(solar(2027, 8, 15), "2027-09-15");
  EXPECT_EQ(solar(2028, 1, 1), "2028-01-26");
  EXPECT_EQ(solar(2028, 5, 5), "2028-05-28");
  EXPECT_EQ(solar(2028, 8, 15), "2028-10-03");
  EXPECT_EQ(solar(2030, 1, 1), "2030-02-03");
  EXPECT_EQ(solar(2033, 11, 1, true), "2033-12-22");
  EXPECT_EQ(solar(2034, 1, 1), "2034-02-19");
}

TEST(Lunar, LeapMonthsFollowTheirMonth) {
  // 2025 has a leap sixth month (闰六月) from 25 July to 22 August.
  EXPECT_EQ(solar(2025, 6, 1, true), "2025-07-25");
  EXPECT_EQ(solar(2025, 7, 1), "2025-08-23");
  EXPECT_EQ(solar(2025, 5, 1, true), "none");  // 2025 has no leap fifth month
}

TEST(Lunar, RejectsDaysTheYearDoesNotHave) {
  EXPECT_EQ(solar(1899, 1, 1), "none");
  EXPECT_EQ(solar(2101, 1, 1), "none");
  EXPECT_EQ(solar(2026, 13, 1), "none");
  EXPECT_EQ(solar(2026, 1, 0), "none");
  EXPECT_EQ(solar(2026, 1, 31), "none");
}

TEST(Lunar, RoundTripsEveryDayOfTheTable) {
  // Every day from the first lunar new year to the last day of lunar 2100 converts both ways.
  const Date first = day("1900-01-31");
  const Date last = add_days(*solar_from_lunar(LunarDate{2101 - 1, 12, 1, false}), 28);
  int checked = 0;
  for (Date d = first; d <= last; d = add_days(d, 1)) {
    auto l = lunar_from_solar(d);
    ASSERT_TRUE(l) << format_date(d);
    auto back = solar_from_lunar(*l);
    ASSERT_TRUE(back) << format_date(d);
    ASSERT_EQ(*back, d);
    ++checked;
  }
  EXPECT_GT(checked, 73000);
  EXPECT_FALSE(lunar_from_solar(day("1900-01-30")));
}

TEST(Lunar, SolarToLunar) {
  auto l = lunar_from_solar(day("2026-09-25"));
  ASSERT_TRUE(l);
  EXPECT_EQ(l->year, 2026);
  EXPECT_EQ(l->month, 8);
  EXPECT_EQ(l->day, 15);
  EXPECT_FALSE(l->leap);
  auto eve = lunar_from_solar(day("2026-02-16"));  // the last day of lunar 2025
  ASSERT_TRUE(eve);
  EXPECT_EQ(eve->year, 2025);
  EXPECT_EQ(eve->month, 12);
}

TEST(Qingming, TheSolarTerm) {
  EXPECT_EQ(format_date(*qingming(2025)), "2025-04-04");
  EXPECT_EQ(format_date(*qingming(2026)), "2026-04-05");
  EXPECT_EQ(format_date(*qingming(2027)), "2027-04-05");
  EXPECT_EQ(format_date(*qingming(2028)), "2028-04-04");
  EXPECT_EQ(format_date(*qingming(2008)), "2008-04-04");
  EXPECT_EQ(format_date(*qingming(2100)), "2100-04-05");  // 2100 is not a leap year
  EXPECT_FALSE(qingming(1900));
  EXPECT_FALSE(qingming(2101));
}

}  // namespace
}  // namespace qc
