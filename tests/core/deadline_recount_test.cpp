#include "core/deadline_recount.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

Instant at(std::string_view s) { return parse_instant(s).value(); }

WorkCalendar calendar(std::string_view json) { return WorkCalendar::from_json(json).value(); }

Timer counted(Instant due, bool provisional, int workdays = 5) {
  Timer t{7, 3, "public_notice", "notice_passed", due, provisional, std::nullopt, std::nullopt, 0};
  t.counted_from = parse_date("2026-12-28");
  t.workdays = workdays;
  return t;
}

TEST(DeadlineRecount, APublishedYearMovesTheDeadline) {
  const auto before = calendar(R"({"years":[2026],"holidays":[],"workdays":[]})");
  const Deadline d = before.add_workdays(*parse_date("2026-12-28"), 5);
  ASSERT_TRUE(d.provisional);
  EXPECT_EQ(d.due_at, at("2027-01-05T16:00:00Z"));
  EXPECT_TRUE(recount_deadlines({counted(d.due_at, true)}, before).empty());

  const auto after =
      calendar(R"({"years":[2026,2027],"holidays":["2027-01-01","2027-01-04"],"workdays":[]})");
  const auto moves = recount_deadlines({counted(d.due_at, true)}, after);
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].timer_id, 7);
  EXPECT_EQ(moves[0].case_id, 3);
  EXPECT_EQ(moves[0].old_due, at("2027-01-05T16:00:00Z"));
  EXPECT_EQ(moves[0].new_due, at("2027-01-06T16:00:00Z"));
  EXPECT_FALSE(moves[0].provisional);
  EXPECT_EQ(describe_move(moves[0]), "按公布的节假日安排重新计算期限：2027-01-05 改为 2027-01-06");
}

TEST(DeadlineRecount, TheSameDeadlineLosesItsFlag) {
  const auto after = calendar(R"({"years":[2026,2027],"holidays":["2027-01-01"],"workdays":[]})");
  const auto moves = recount_deadlines({counted(at("2027-01-05T16:00:00Z"), true)}, after);
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].new_due, moves[0].old_due);
  EXPECT_FALSE(moves[0].provisional);
}

TEST(DeadlineRecount, OnlyProvisionalTimersWithACount) {
  const auto after = calendar(R"({"years":[2026,2027],"holidays":[],"workdays":[]})");
  Timer uncounted = counted(at("2027-01-05T16:00:00Z"), true, 0);
  Timer settled = counted(at("2027-01-05T16:00:00Z"), false);
  EXPECT_TRUE(recount_deadlines({uncounted, settled}, after).empty());
}

}  // namespace
}  // namespace qc
