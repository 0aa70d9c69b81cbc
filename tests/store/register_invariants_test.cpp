// The rules across cases of docs/registers.md, checked after every step of a seeded random
// interleaving of applications, grants, bans and withdrawals over several enterprises, on
// every backend. A failure prints the seed and the step; QC_INVARIANT_SEED replays one.
#include <cstdlib>
#include <map>
#include <random>
#include <set>

#include "store_fixture.hpp"

namespace qc::test {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

Date plus(Date d, int n) { return Date{sys_days{d} + days{n}}; }

constexpr const char* kFamily = "jiangsu.quality_grade";
constexpr const char* kProcedure = "jiangsu.grade_recognition";

uint64_t seed_of() {
  if (const char* s = std::getenv("QC_INVARIANT_SEED")) return std::strtoull(s, nullptr, 10);
  return std::random_device{}();
}

Grant grant_of(const Enterprise& e, Date from) {
  Grant g;
  g.uscc = e.uscc;
  g.family = kFamily;
  g.grade = "A";
  g.valid_from = from;
  g.valid_to = plus(from, 365 * 5);
  return g;
}

// `c` closes with a ban of the Jiangsu grade family from `at` to `until`; with `closes`,
// the ban ends the scheme's other open applications as fx.ban asks.
Transition ban_step(const Case& c, const Enterprise& e, Instant at, Date until, bool closes) {
  Transition t = step(c, "false_materials", "returned", at);
  t.next.status = "closed";
  Ban b;
  b.uscc = e.uscc;
  b.family = kFamily;
  b.reason = "未如实提供材料";
  b.basis = "第十六条";
  b.from = beijing_date(at);
  b.until = until;
  t.writes.new_bans.push_back(b);
  if (closes) {
    BanClosure closure{{kProcedure}, b.reason, b.basis, b.until, {}};
    closure.notice.name = "ban_termination_notice";
    closure.notice.title = "终止办理通知书";
    closure.notice.html = "<p>终止</p>";
    t.writes.ban_closures.push_back(closure);
  }
  return t;
}

Transition sanction_opening(const Enterprise& e, Instant at) {
  Transition t = opening(e, at);
  t.next.procedure = "jiangsu.grade_sanction";
  return t;
}

class RegisterInvariantsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const char* usccs[] = {"91320102MA1AAAAA01", "91320102MA1AAAAB02", "91320102MA1AAAAC03",
                           "91320102MA1AAAAD04", "91320102MA1AAAAE05"};
    for (const char* u : usccs) {
      ents_.push_back(enterprise(u, "320102"));
      ASSERT_TRUE(store().insert_enterprise(ents_.back(), audit_of("enterprise.create")));
    }
  }

  std::vector<Case> active_cases(const std::string& uscc) {
    CaseQuery q;
    q.scope.all = true;
    q.enterprise = uscc;
    q.status = "active";
    q.page.per_page = 100;
    return store().cases(q).items;
  }
  std::vector<Grant> grants(const std::string& uscc) {
    GrantQuery q;
    q.scope.all = true;
    q.uscc = uscc;
    q.page.per_page = 500;
    return store().grants(q).items;
  }
  std::vector<Ban> bans_on(const std::string& uscc, Date day) {
    BanQuery q;
    q.scope.all = true;
    q.uscc = uscc;
    q.family = kFamily;
    q.active_on = day;
    q.page.per_page = 100;
    return store().bans(q).items;
  }

  // Every rule of docs/registers.md that the store holds, for every enterprise.
  void check(Date today, const std::string& where) {
    for (const auto& e : ents_) {
      const auto open = active_cases(e.uscc);
      ASSERT_LE(open.size(), 1u) << where << ": two open applications of " << e.uscc;
      const bool banned = !bans_on(e.uscc, today).empty();
      ASSERT_FALSE(banned && !open.empty())
          << where << ": case " << open.front().id << " open during a ban of " << e.uscc;
      int live = 0;
      std::set<int64_t> ids;
      const auto all = grants(e.uscc);
      for (const auto& g : all) ids.insert(g.id);
      for (const auto& g : all) {
        if (g.status == "active") ++live;
        if (g.status == "superseded") {
          ASSERT_TRUE(g.superseded_by && ids.contains(*g.superseded_by))
              << where << ": superseded grant " << g.id << " names no successor";
        }
      }
      ASSERT_LE(live, 1) << where << ": " << live << " live grants of " << e.uscc;
    }
  }

  std::vector<Enterprise> ents_;
};
QC_STORE_BACKENDS(RegisterInvariantsTest);

TEST_P(RegisterInvariantsTest, HoldAfterEveryStepOfARandomInterleaving) {
  const uint64_t seed = seed_of();
  SCOPED_TRACE("seed " + std::to_string(seed) + " (QC_INVARIANT_SEED replays it)");
  std::mt19937_64 rng(seed);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  int opened = 0, granted = 0, banned = 0, refused = 0;

  for (int i = 0; i < 160; ++i) {
    const Instant at = at_day(i / 4, i % 4 * 5);
    const Date today = beijing_date(at);
    const Enterprise& e = ents_[pick(ents_.size())];
    const std::string where = "step " + std::to_string(i);
    const auto open = active_cases(e.uscc);
    const bool is_banned = !bans_on(e.uscc, today).empty();
    const size_t op = pick(4);
    if (op == 0 || open.empty()) {  // apply
      Transition t = opening(e, at);
      t.next.procedure = kProcedure;
      t.max_open = 1;
      t.ban_family = kFamily;
      auto c = store().open_case(t);
      if (is_banned) {
        ASSERT_FALSE(c) << where << ": opened during a ban";
        EXPECT_EQ(c.error().code, ErrorCode::banned) << where;
        ++refused;
      } else if (!open.empty()) {
        ASSERT_FALSE(c) << where << ": a second open application";
        EXPECT_EQ(c.error().code, ErrorCode::already_open) << where;
        EXPECT_EQ(c.error().case_id, open.front().id) << where;
        ++refused;
      } else {
        ASSERT_TRUE(c) << where << ": " << c.error().message;
        ++opened;
      }
    } else if (op == 1) {  // grant: the case is announced
      Transition t = step(open.front(), "notice_passed", "announced", at);
      t.next.status = "closed";
      t.writes.new_grants.push_back(grant_of(e, today));
      auto c = store().commit(t);
      ASSERT_TRUE(c) << where << ": " << c.error().message;
      ++granted;
    } else if (op == 2) {  // a ban on one case ends the enterprise's other applications
      // Half the time on the application itself (false materials), else from a sanction
      // case of another procedure, which must end the open application.
      Case banning = open.front();
      if (pick(2) == 0) {
        auto c = store().open_case(sanction_opening(e, at));
        ASSERT_TRUE(c) << where << ": " << c.error().message;
        banning = *c;
      }
      Transition t = ban_step(banning, e, at, plus(today, static_cast<int>(pick(3)) * 7), true);
      auto c = store().commit(t);
      ASSERT_TRUE(c) << where << ": " << c.error().message;
      ++banned;
    } else {  // withdraw
      Transition t = step(open.front(), "withdraw", "withdrawn", at);
      t.next.status = "closed";
      ASSERT_TRUE(store().commit(t)) << where;
    }
    check(today, where);
    if (HasFatalFailure()) return;
  }
  // The interleaving exercised every rule.
  EXPECT_GT(opened, 0);
  EXPECT_GT(granted, 0);
  EXPECT_GT(banned, 0);
  EXPECT_GT(refused, 0);
}

// A grant committed by a case that was opened before the ban (another server's) is refused.
TEST_P(RegisterInvariantsTest, AGrantDuringABanIsRefusedNamingIt) {
  const Enterprise& e = ents_[0];
  Transition t = opening(e, at_day(0));
  auto c = store().open_case(t);
  ASSERT_TRUE(c);
  auto other = store().open_case(sanction_opening(e, at_day(0)));
  ASSERT_TRUE(other);
  // No closure: as if the ban came from another server's case.
  ASSERT_TRUE(store().commit(ban_step(*other, e, at_day(1), beijing_date(at_day(700)), false)));

  Transition g = step(*c, "notice_passed", "announced", at_day(2));
  g.writes.new_grants.push_back(grant_of(e, beijing_date(at_day(2))));
  auto r = store().commit(g);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::banned);
  EXPECT_NE(r.error().message.find("第十六条"), std::string::npos) << r.error().message;
  EXPECT_TRUE(grants(e.uscc).empty());
}

// A ban closes the scheme's other open application, tells the enterprise and audits it.
TEST_P(RegisterInvariantsTest, ABanClosesTheSchemesOtherOpenApplication) {
  const Enterprise& e = ents_[1];
  auto application = store().open_case(opening(e, at_day(0)));
  ASSERT_TRUE(application);
  auto other = store().open_case(sanction_opening(e, at_day(0)));
  ASSERT_TRUE(other);
  ASSERT_TRUE(store().commit(ban_step(*other, e, at_day(1), beijing_date(at_day(700)), true)));

  auto closed = store().case_by_id(application->id);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->status, "closed");
  PageRequest all;
  all.per_page = 100;
  auto events = store().events(application->id, all).items;
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().action, "closed_by_ban");
  EXPECT_NE(events.back().comment.find("第十六条"), std::string::npos);
  EXPECT_TRUE(store().document(application->id, "ban_termination_notice").has_value());
}

}  // namespace
}  // namespace qc::test
