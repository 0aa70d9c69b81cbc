// Provisional deadlines counted again when the calendar covers their year (docs/adr/045):
// the timer and the notice move, the case gets an event and a rev, the audit an entry.
#include "core/deadline_recount.hpp"
#include "store_fixture.hpp"
#include "timers/deadline_recompute.hpp"

namespace qc::test {
namespace {

const Enterprise kNanjing = enterprise("91320102MA1AAAAA02", "320102");

Date day(std::string_view s) { return parse_date(s).value(); }
Instant at(std::string_view s) { return parse_instant(s).value(); }

WorkCalendar calendar(const std::string& json) {
  auto c = WorkCalendar::from_json(json);
  EXPECT_TRUE(c.ok());
  return c ? std::move(c).value() : WorkCalendar{};
}
// 2026 published (no holidays at the end of December); 2027 not: counted by rule.
const std::string k2026 = R"({"years":[2026],"holidays":[],"workdays":[]})";
// 2027's arrangement as published later: here, 1-4 January off.
const std::string k2027 =
    R"({"years":[2026,2027],"holidays":["2027-01-01","2027-01-02","2027-01-03","2027-01-04"],)"
    R"("workdays":[]})";

class DeadlineMoveTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store().insert_enterprise(kNanjing, audit_of("enterprise.create")));
  }
  // A notice opened Monday 2026-12-28 for five working days, as plan_timer counts it.
  Case open_notice(const WorkCalendar& cal) {
    const Deadline d = cal.add_workdays(day("2026-12-28"), 5);
    Transition t = opening(kNanjing);
    t.next.stage = "public_notice";
    t.events.back().to_stage = "public_notice";
    Timer tm{
        0, 0, "public_notice", "notice_passed", d.due_at, d.provisional, std::nullopt, std::nullopt,
        0};
    tm.counted_from = day("2026-12-28");
    tm.workdays = 5;
    t.new_timer = tm;
    auto c = store().open_case(t);
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : Case{};
  }
};
QC_STORE_BACKENDS(DeadlineMoveTest);

TEST_P(DeadlineMoveTest, APublishedYearMovesTheDeadlineWithAnEventAndAudit) {
  const WorkCalendar before = calendar(k2026);
  Case c = open_notice(before);
  auto timer = store().pending_timer(c.id);
  ASSERT_TRUE(timer);
  // By rule 2027-01-01 is New Year's Day: 12-29, 12-30, 12-31, 01-04, 01-05.
  EXPECT_EQ(timer->due_at, at("2027-01-05T16:00:00Z"));
  EXPECT_TRUE(timer->provisional);
  // Nothing new is known: nothing moves.
  EXPECT_EQ(recompute_provisional_deadlines(store(), before, at_day(1)).moved, 0);

  const auto summary = recompute_provisional_deadlines(store(), calendar(k2027), at_day(2));
  EXPECT_EQ(summary.checked, 1);
  EXPECT_EQ(summary.moved, 1);
  timer = store().pending_timer(c.id);
  ASSERT_TRUE(timer);
  EXPECT_EQ(timer->due_at, at("2027-01-06T16:00:00Z"));  // 01-04 is off as published
  EXPECT_FALSE(timer->provisional);
  EXPECT_EQ(store().case_by_id(c.id)->rev, c.rev + 1);

  const auto events = store().events(c.id, PageRequest{});
  ASSERT_FALSE(events.items.empty());
  const CaseEvent& e = events.items.back();
  EXPECT_EQ(e.action, "deadline_recomputed");
  EXPECT_EQ(e.actor, "system");
  EXPECT_EQ(e.to_stage, "public_notice");
  EXPECT_EQ(e.payload.at("old_due_at").as_string(), "2027-01-05T16:00:00Z");
  EXPECT_EQ(e.payload.at("new_due_at").as_string(), "2027-01-06T16:00:00Z");
  EXPECT_NE(e.comment.find("2027-01-05 改为 2027-01-06"), std::string::npos) << e.comment;
  EXPECT_TRUE(store().verify_events().ok);

  AuditQuery q;
  q.case_id = c.id;
  const auto audit = store().audit_entries(q);
  bool found = false;
  for (const AuditEntry& a : audit.items)
    if (a.what == "deadline.recomputed") {
      found = true;
      EXPECT_EQ(a.detail.at("old_due_at").as_string(), "2027-01-05T16:00:00Z");
      EXPECT_EQ(a.detail.at("new_due_at").as_string(), "2027-01-06T16:00:00Z");
    }
  EXPECT_TRUE(found);
  EXPECT_TRUE(store().verify_audit().ok);

  // Counted once: the timer is no longer provisional.
  EXPECT_EQ(recompute_provisional_deadlines(store(), calendar(k2027), at_day(3)).checked, 0);
}

TEST_P(DeadlineMoveTest, AStaleMoveChangesNothing) {
  Case c = open_notice(calendar(k2026));
  const Timer t = *store().pending_timer(c.id);
  DeadlineMove m{
      t.id, c.id, t.stage, t.fire_action, at("2027-01-04T16:00:00Z"), at("2027-01-08T16:00:00Z"),
      false};
  EXPECT_FALSE(store().move_deadline(m, at_day(1), audit_of("deadline.recomputed")));
  EXPECT_EQ(store().pending_timer(c.id)->due_at, t.due_at);
  EXPECT_EQ(store().case_by_id(c.id)->rev, c.rev);
}

TEST_P(DeadlineMoveTest, TimersWithoutACountKeepTheirDeadline) {
  // A timer written before the count was kept (or a calendar-day one) has no count.
  Transition t = opening(kNanjing);
  t.new_timer = Timer{
      0, 0, "application", "expire", at("2027-01-05T16:00:00Z"), true, std::nullopt, std::nullopt,
      0};
  auto c = store().open_case(t);
  ASSERT_TRUE(c);
  EXPECT_EQ(recompute_provisional_deadlines(store(), calendar(k2027), at_day(1)).moved, 0);
  EXPECT_EQ(store().pending_timer(c->id)->due_at, at("2027-01-05T16:00:00Z"));
}

}  // namespace
}  // namespace qc::test
