#include "core/time.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

using namespace std::chrono;

Instant at(std::string_view rfc3339) {
  auto t = parse_instant(rfc3339);
  EXPECT_TRUE(t.has_value()) << rfc3339;
  return t.value_or(Instant{});
}

Date day(std::string_view s) {
  auto d = parse_date(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date{});
}

TEST(Time, BeijingDateChangesAt1600Z) {
  EXPECT_EQ(beijing_date(at("2026-03-09T15:59:59Z")), day("2026-03-09"));
  EXPECT_EQ(beijing_date(at("2026-03-09T16:00:00Z")), day("2026-03-10"));
  EXPECT_EQ(beijing_date(at("2026-03-10T00:00:00Z")), day("2026-03-10"));
  // New year's eve: 2026-12-31T16:00Z is already 2027 in Beijing.
  EXPECT_EQ(beijing_date(at("2026-12-31T16:00:00Z")), day("2027-01-01"));
}

TEST(Time, EndAndStartOfBeijingDay) {
  EXPECT_EQ(end_of_beijing_day(day("2026-10-12")), at("2026-10-12T16:00:00Z"));
  EXPECT_EQ(start_of_beijing_day(day("2026-10-12")), at("2026-10-11T16:00:00Z"));
  EXPECT_EQ(end_of_beijing_day(day("2026-12-31")), at("2026-12-31T16:00:00Z"));
  // The last second of a Beijing day still belongs to it.
  EXPECT_EQ(beijing_date(end_of_beijing_day(day("2026-10-12")) - seconds{1}), day("2026-10-12"));
}

TEST(Time, ParseInstantZulu) {
  const Instant t = at("2026-12-01T00:00:00Z");
  EXPECT_EQ(t, Instant{sys_days{2026y / December / 1}});
  EXPECT_EQ(format_instant(t), "2026-12-01T00:00:00Z");
  EXPECT_EQ(at("2026-12-01t00:00:00z"), t);
}

TEST(Time, ParseInstantWithOffset) {
  EXPECT_EQ(format_instant(at("2026-12-01T08:00:00+08:00")), "2026-12-01T00:00:00Z");
  EXPECT_EQ(format_instant(at("2026-12-01T00:30:00+08:00")), "2026-11-30T16:30:00Z");
  EXPECT_EQ(format_instant(at("2026-11-30T19:00:00-05:00")), "2026-12-01T00:00:00Z");
}

TEST(Time, ParseInstantFractionalSecondsAreDropped) {
  EXPECT_EQ(format_instant(at("2026-12-01T12:34:56.789Z")), "2026-12-01T12:34:56Z");
  EXPECT_EQ(format_instant(at("2026-12-01T12:34:56.5+08:00")), "2026-12-01T04:34:56Z");
}

TEST(Time, ParseInstantRejectsJunk) {
  for (std::string_view s :
       {"", "2026-12-01", "2026-12-01T00:00:00", "2026-12-01T24:00:00Z", "2026-12-01T00:60:00Z",
        "2026-02-30T00:00:00Z", "2026-12-01T00:00:00+0800", "2026-12-01X00:00:00Z",
        "2026-12-01T00:00:00Zjunk", "2026-12-01T00:00:00.Z", "not a date at all!!"}) {
    EXPECT_EQ(parse_instant(s), std::nullopt) << s;
  }
}

TEST(Time, FormatInstantRoundTrip) {
  for (std::string_view s :
       {"1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2031-03-09T16:00:00Z"})
    EXPECT_EQ(format_instant(at(s)), s);
}

TEST(Time, ParseDate) {
  EXPECT_EQ(parse_date("2026-03-10"), Date{2026y / March / 10});
  EXPECT_EQ(parse_date("2024-02-29"), Date{2024y / February / 29});
  EXPECT_EQ(format_date(Date{2026y / March / 1}), "2026-03-01");
}

TEST(Time, ParseDateRejectsImpossibleDaysAndJunk) {
  for (std::string_view s :
       {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-3-10",
        "2026/03/10", "20260310", "2026-03-10T", "abcd-ef-gh", "", " 2026-03-10", "2026-03-1x"}) {
    EXPECT_EQ(parse_date(s), std::nullopt) << s;
  }
}

TEST(Time, AddDays) {
  EXPECT_EQ(add_days(day("2026-02-27"), 2), day("2026-03-01"));
  EXPECT_EQ(add_days(day("2024-02-28"), 1), day("2024-02-29"));
  EXPECT_EQ(add_days(day("2026-01-01"), -1), day("2025-12-31"));
}

TEST(Time, TermEndIsTheDayBeforeTheAnniversary) {
  EXPECT_EQ(term_end(day("2026-03-10"), 5), day("2031-03-09"));
  EXPECT_EQ(term_end(day("2024-02-29"), 5), day("2029-02-28"));
  EXPECT_EQ(term_end(day("2024-02-29"), 2), day("2026-02-28"));
  EXPECT_EQ(term_end(day("2024-02-29"), 4), day("2028-02-28"));  // anniversary exists
  EXPECT_EQ(term_end(day("2026-01-01"), 1), day("2026-12-31"));
}

TEST(Time, Anniversary) {
  EXPECT_EQ(anniversary(day("2026-03-10"), 5), day("2031-03-10"));
  EXPECT_EQ(anniversary(day("2024-02-29"), 1), day("2025-03-01"));
  EXPECT_EQ(anniversary(day("2024-02-29"), 4), day("2028-02-29"));
}

}  // namespace
}  // namespace qc
