// Timers: due, leased, fired at most once, cancelled; keep = true carries the first deadline.
#include "store_fixture.hpp"

namespace qc::test {
namespace {

const Enterprise kNanjing = enterprise("91320102MA1AAAAA01", "320102");

class TimerStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store().insert_enterprise(kNanjing, audit_of("enterprise.create")));
  }
  // Opens a case whose first transition schedules a timer in "application" due at `due`.
  Case open_with_timer(Instant due) {
    Transition t = opening(kNanjing);
    t.new_timer = Timer{0, 0, "application", "expire", due, true, std::nullopt, std::nullopt, 0};
    auto c = store().open_case(t);
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : Case{};
  }
  // Seconds that make real time + offset equal `target`.
  static int64_t offset_to(Instant target) { return (target - SystemClock().now()).count(); }
};
QC_STORE_BACKENDS(TimerStoreTest);

TEST_P(TimerStoreTest, DueTimersAreThoseWhoseTimeHasCome) {
  Case c = open_with_timer(at_day(5));
  auto pending = store().pending_timer(c.id);
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(pending->case_id, c.id);
  EXPECT_EQ(pending->stage, "application");
  EXPECT_EQ(pending->fire_action, "expire");
  EXPECT_EQ(pending->due_at, at_day(5));
  EXPECT_TRUE(pending->provisional);
  EXPECT_FALSE(pending->fired_at.has_value());

  EXPECT_TRUE(store().due_timers(at_day(4), 10).empty());
  auto due = store().due_timers(at_day(5), 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, pending->id);
}

TEST_P(TimerStoreTest, ALeaseExcludesOthersUntilItExpires) {
  Case c = open_with_timer(at_day(1));
  const int64_t id = store().pending_timer(c.id)->id;
  // Simulated now = day 2: the timer is due; leases run on the same timeline.
  store().set_clock_offset(offset_to(at_day(2)), audit_of("clock.set"));
  const Instant lease_end = at_day(2) + std::chrono::minutes{5};
  EXPECT_TRUE(store().claim_timer(id, "server-a", lease_end));
  EXPECT_FALSE(store().claim_timer(id, "server-b", lease_end));
  EXPECT_TRUE(store().due_timers(at_day(2), 10).empty());   // leased: not offered again
  EXPECT_EQ(store().due_timers(at_day(3), 10).size(), 1u);  // the lease has run out by then

  store().set_clock_offset(offset_to(at_day(3)), audit_of("clock.set"));
  EXPECT_TRUE(store().claim_timer(id, "server-b", at_day(3) + std::chrono::minutes{5}));
}

TEST_P(TimerStoreTest, AFiredTimerFiresOnlyOnce) {
  Case c = open_with_timer(at_day(1));
  const int64_t id = store().pending_timer(c.id)->id;
  Transition fire = step(c, "expire", "closed", at_day(1));
  fire.fired_timer = id;
  fire.cancel_timers = true;
  auto r = store().commit(fire);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(store().pending_timer(c.id).has_value());
  EXPECT_TRUE(store().due_timers(at_day(9), 10).empty());
  EXPECT_FALSE(store().claim_timer(id, "late", at_day(9)));

  Transition twice = step(*r, "expire", "closed", at_day(2));
  twice.fired_timer = id;
  auto again = store().commit(twice);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(store().case_by_id(c.id)->rev, 2);
}

TEST_P(TimerStoreTest, LeavingAStageCancelsItsTimerAndTheFirstDeadlineIsKept) {
  Case c = open_with_timer(at_day(5));
  // Leave the stage: the pending timer is cancelled; the next stage has its own.
  Transition leave = step(c, "submit", "review", at_day(1));
  leave.cancel_timers = true;
  leave.new_timer =
      Timer{0, 0, "review", "remind", at_day(10), false, std::nullopt, std::nullopt, 0};
  auto r = store().commit(leave);
  ASSERT_TRUE(r) << r.error().message;
  auto pending = store().pending_timer(c.id);
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(pending->stage, "review");
  EXPECT_TRUE(store().due_timers(at_day(6), 10).empty());

  // Back in "application" later with keep: the new timer carries the first deadline and
  // its count forward, and it is the one a later re-entry reads.
  Transition back = step(*r, "return", "application", at_day(2));
  back.cancel_timers = true;
  back.new_timer =
      Timer{0, 0, "application", "expire", at_day(5), true, std::nullopt, std::nullopt, 0};
  back.new_timer->counted_from = parse_date("2026-03-02");
  back.new_timer->workdays = 4;
  ASSERT_TRUE(store().commit(back));
  auto kept = store().kept_timer(c.id, "application");
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->id, store().pending_timer(c.id)->id);
  EXPECT_EQ(kept->due_at, at_day(5));
  EXPECT_TRUE(kept->provisional);
  EXPECT_EQ(kept->counted_from, parse_date("2026-03-02"));
  EXPECT_EQ(kept->workdays, 4);
  EXPECT_EQ(store().kept_timer(c.id, "review")->due_at, at_day(10));
  EXPECT_FALSE(store().kept_timer(c.id, "elsewhere").has_value());
}

}  // namespace
}  // namespace qc::test
