// CaseService over in-memory ports (fake_ports.hpp) and the engine's fixture procedure:
// the order of act()'s checks (API.md "Cases"), that a refusal writes nothing, the
// collective vote deciding in the deciding vote's transaction, and Idempotency-Key
// replays answered from the first outcome.
#include "service/case_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/uscc.hpp"
#include "service/fake_ports.hpp"

namespace qc {
namespace {

namespace fs = std::filesystem;

class FixedClock final : public Clock {
 public:
  Instant now() const override { return *parse_instant("2026-06-15T02:00:00Z"); }
};

const std::string kUscc = std::string("91320102MA1NAB8K2") + uscc_check_char("91320102MA1NAB8K2");

Actor enterprise_user() { return Actor{"ent", "企业", {RoleGrant{"enterprise", "320102"}}, kUscc}; }
Actor city_samr() { return Actor{"nj", "南京", {RoleGrant{"samr", "320100"}}, std::nullopt}; }
Actor county_samr() { return Actor{"xw", "玄武", {RoleGrant{"samr", "320102"}}, std::nullopt}; }
Actor expert(int n) {
  return Actor{"expert" + std::to_string(n), "专家", {RoleGrant{"expert", "320000"}}, std::nullopt};
}

class CaseServiceTest : public ::testing::Test {
 protected:
  CaseServiceTest()
      : registry_(
            Engine(fs::path(QC_SOURCE_DIR) / "tests/engine/fixtures/workflows",
                   fs::path(QC_SOURCE_DIR) / "tests/engine/fixtures/plugins", SandboxLimits{}),
            fake_, fake_, clock_),
        service_(fake_.ports(), registry_, clock_, calendar_) {
    EXPECT_TRUE(registry_.reload("test").ok());
    fake_.enterprise_rows[kUscc] =
        Enterprise{kUscc, "测试企业", "320102", *parse_date("2010-01-01"), "active"};
  }

  Case opened(const std::string& grade = "A") {
    OpenRequest req{"demo.grade_recognition", kUscc, {{"requested_grade", grade}}, {}, {}};
    auto r = service_.open(enterprise_user(), req);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r->c;
  }
  Result<CaseOutcome> act(const Actor& a, const Case& c, const std::string& action,
                          JsonObject data = {}, std::optional<int64_t> rev = std::nullopt,
                          const std::string& key = {}) {
    ActRequest req;
    req.rev = rev ? rev : std::optional<int64_t>(fake_.case_rows.at(c.id).rev);
    req.data = std::move(data);
    req.idempotency_key = key;
    req.request_hash = key.empty() ? "" : "hash-of-" + action;
    return service_.act(a, c.id, action, req);
  }
  ErrorCode refusal(const Result<CaseOutcome>& r) {
    EXPECT_FALSE(r.ok());
    return r ? ErrorCode::internal : r.error().code;
  }

  testing::FakePorts fake_;
  FixedClock clock_;
  WorkCalendar calendar_;
  ProcedureRegistry registry_;
  CaseService service_;
};

TEST_F(CaseServiceTest, OpeningRecordsTheFirstEventAndTheCreatedFlag) {
  OpenRequest req{"demo.grade_recognition", kUscc, {{"requested_grade", "A"}}, {}, {}};
  auto r = service_.open(enterprise_user(), req);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->created);
  EXPECT_EQ(r->c.stage, "application");
  EXPECT_EQ(r->c.rev, 1);
  EXPECT_EQ(fake_.audit_rows.back().what, "case.open");
}

TEST_F(CaseServiceTest, ChecksRunInTheContractsOrder) {
  const Case c = opened();
  const int commits = fake_.commits;
  const Actor stranger{"bj", "北京", {RoleGrant{"samr", "110000"}}, std::nullopt};
  // not_found beats a stale rev; a stale rev beats a missing action; a missing action beats
  // a missing role; a missing role beats bad data; bad data beats the guard.
  EXPECT_EQ(refusal(act(stranger, c, "nope", {}, 99)), ErrorCode::not_found);
  EXPECT_EQ(refusal(act(county_samr(), c, "nope", {}, 99)), ErrorCode::conflict);
  EXPECT_EQ(refusal(act(county_samr(), c, "nope")), ErrorCode::invalid_transition);
  EXPECT_EQ(refusal(act(county_samr(), c, "submit", {{"bogus", 1}})), ErrorCode::forbidden);
  EXPECT_EQ(refusal(act(enterprise_user(), c, "submit", {{"bogus", 1}})), ErrorCode::validation);
  fake_.record_rows.push_back(QualityRecord{
      1, kUscc, "bad", "spot_check_fail", *parse_date("2026-01-10"), "test", "", {}, {}, {}, {}});
  auto g = act(enterprise_user(), c, "submit");
  EXPECT_EQ(refusal(g), ErrorCode::guard_failed);
  EXPECT_NE(g.error().message.find("spot_check_fail"), std::string::npos) << g.error().message;
  EXPECT_EQ(fake_.commits, commits) << "no refusal writes anything";
}

TEST_F(CaseServiceTest, TheDecidingVoteTakesTheSystemActionInTheSameTransition) {
  const Case c = opened("AAA");
  ASSERT_TRUE(act(enterprise_user(), c, "submit").ok());
  auto routed = act(city_samr(), c, "approve");
  ASSERT_TRUE(routed.ok()) << routed.error().message;
  EXPECT_EQ(routed->c.stage, "expert_review");
  auto first = act(expert(1), c, "vote", {{"vote", "pass"}});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->c.stage, "expert_review") << "one of two passes: undecided";
  EXPECT_EQ(refusal(act(expert(1), c, "vote", {{"vote", "pass"}})), ErrorCode::already_voted);
  EXPECT_EQ(refusal(act(expert(2), c, "vote", {{"vote", "maybe"}})), ErrorCode::validation);
  const int64_t rev = fake_.case_rows.at(c.id).rev;
  auto deciding = act(expert(2), c, "vote", {{"vote", "pass"}});
  ASSERT_TRUE(deciding.ok()) << deciding.error().message;
  EXPECT_EQ(deciding->c.stage, "public_notice");
  EXPECT_EQ(deciding->c.rev, rev + 2) << "the vote and votes_passed: two events";
}

TEST_F(CaseServiceTest, AReplayAnswersTheFirstOutcomeEvenAfterTheCaseMovedOn) {
  const Case c = opened();
  auto first = act(enterprise_user(), c, "submit", {}, std::nullopt, "key-1");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->replayed);
  ASSERT_TRUE(act(city_samr(), c, "approve").ok());  // the case moves on

  auto again = act(enterprise_user(), c, "submit", {}, std::nullopt, "key-1");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->c.stage, "review") << "the case as the first answer showed it";
  EXPECT_EQ(again->c.rev, first->c.rev);
  ASSERT_TRUE(again->deadline.has_value()) << "with the deadline it had then";
  EXPECT_EQ(again->deadline->fire_action, "expire");

  ActRequest other;
  other.rev = fake_.case_rows.at(c.id).rev;
  other.idempotency_key = "key-1";
  other.request_hash = "another body";
  auto mismatch = service_.act(enterprise_user(), c.id, "submit", other);
  EXPECT_EQ(refusal(mismatch), ErrorCode::validation);
  EXPECT_EQ(mismatch.error().field, "Idempotency-Key");
}

TEST_F(CaseServiceTest, AnActiveBanRefusesOpening) {
  fake_.ban_rows.push_back(Ban{1, kUscc, "demo.quality_grade", "未如实提供材料",
                               *parse_date("2026-01-01"), *parse_date("2027-12-31"), 9, ""});
  OpenRequest req{"demo.grade_recognition", kUscc, {{"requested_grade", "A"}}, {}, {}};
  auto r = service_.open(enterprise_user(), req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::banned);
  EXPECT_EQ(r.error().until, "2027-12-31");
}

}  // namespace
}  // namespace qc
