// Sanctions on an announced grade (workflows/jiangsu/grade_sanction.lua): revocation for
// fraud (第十六条, 2-year ban) and for a major accident (第十七条, 5-year ban), rectification
// with a deadline, suspension and reinstatement. Each test first announces an A grade
// (2026-03-10) and then works on 1 June 2026.
#include "jiangsu_fixture.hpp"

namespace qc::test {
namespace {

class JiangsuSanction : public JiangsuScenario {
 protected:
  // Announces an A grade for a new enterprise; returns the grant id.
  int64_t announced_grant(const std::string& org) {
    uscc_ = add_enterprise(org);
    announce_a(org, uscc_);
    set_clock("2026-06-01T02:00:00Z");
    auto grants = grants_of(uscc_);
    EXPECT_EQ(grants.size(), 1u);
    return grants.empty() ? 0 : grants[0].at("id").as_int64();
  }

  HttpResult open_sanction(const std::string& user, int64_t grant_id, const std::string& ground) {
    return as(user).post("/api/v1/cases",
                         json::object{{"procedure", kSanction},
                                      {"enterprise", uscc_},
                                      {"data", json::object{{"grant_id", grant_id},
                                                            {"ground", ground},
                                                            {"facts", "经查实的事实"}}}});
  }

  std::string grant_status() { return str(grants_of(uscc_).at(0).at("status")); }
  size_t public_grades() { return public_items("/api/v1/public/grades", uscc_).size(); }

  std::string uscc_;
};

TEST_F(JiangsuSanction, RevocationForFraudBansNewApplicationsForTwoYears) {
  const int64_t grant = announced_grant("MA1JYR001");
  ASSERT_EQ(public_grades(), 1u);

  auto unknown = open_sanction("xw-samr", grant + 1000, "fraud");
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(error_code(unknown), "guard_failed");
  auto by_enterprise = open_sanction("ent-MA1JYR001", grant, "fraud");
  EXPECT_EQ(by_enterprise.status, 403) << by_enterprise.body;

  // Any SAMR over the enterprise may open the case; the province decides.
  auto opened = open_sanction("xw-samr", grant, "fraud");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  EXPECT_EQ(stage_of(opened), "decision");
  auto twice = open_sanction("nj-samr", grant, "fraud");
  EXPECT_EQ(twice.status, 422) << "one open sanction case per grant: " << twice.body;
  EXPECT_EQ(step("xw-samr", id, "revoke").status, 403);
  auto suspend = step("js-samr", id, "suspend");
  ASSERT_EQ(suspend.status, 422) << suspend.body;
  EXPECT_TRUE(contains(str(suspend.json().at("error").at("message")), "第十六条"));

  auto revoked = step("js-samr", id, "revoke");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(stage_of(revoked), "revoked");
  EXPECT_EQ(grant_status(), "revoked");
  EXPECT_EQ(public_grades(), 0u);
  auto ann = public_items("/api/v1/public/announcements?kind=grade_revoked", uscc_);
  ASSERT_EQ(ann.size(), 1u);
  EXPECT_EQ(str(ann[0].at("date")), "2026-06-01");
  EXPECT_EQ(str(ann[0].at("enterprise").at("uscc")), uscc_);
  auto doc = as("ent-MA1JYR001")
                 .get("/api/v1/cases/" + std::to_string(id) + "/documents/revocation_decision");
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_TRUE(contains(doc.body, "2026-06-01至2028-05-31"));

  auto bans = items(*admin, "/api/v1/bans?enterprise=" + uscc_ + "&active=1");
  ASSERT_EQ(bans.size(), 1u);
  EXPECT_EQ(str(bans[0].at("family")), kGradeFamily);
  EXPECT_EQ(str(bans[0].at("until")), "2028-05-31");
  auto refused = open_recognition("MA1JYR001", uscc_, "A");
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(str(refused.json().at("error").at("until")), "2028-05-31");
  set_clock("2028-05-31T16:00:00Z");  // 1 June 2028 in Beijing
  EXPECT_EQ(open_recognition("MA1JYR001", uscc_, "A").status, 201);
}

TEST_F(JiangsuSanction, AccidentGoesFromRectificationToSuspensionToRevocationForFiveYears) {
  const int64_t grant = announced_grant("MA1JYR002");
  const int64_t id = id_of(open_sanction("nj-samr", grant, "accident"));

  // 30 working days from 1 June, past the Dragon Boat holiday (19–21 June): 14 July.
  auto rectify = step("js-samr", id, "rectify");
  ASSERT_EQ(rectify.status, 200) << rectify.body;
  EXPECT_EQ(stage_of(rectify), "rectification");
  EXPECT_EQ(str(rectify.json().at("deadline").at("due_at")), "2026-07-14T16:00:00Z");
  EXPECT_EQ(str(rectify.json().at("data").at("rectification_due")), "2026-07-14");
  auto notice = as("ent-MA1JYR002")
                    .get("/api/v1/cases/" + std::to_string(id) + "/documents/rectification_notice");
  ASSERT_EQ(notice.status, 200);
  EXPECT_TRUE(contains(notice.body, "2026-07-14"));

  auto empty = step("ent-MA1JYR002", id, "report");
  ASSERT_EQ(empty.status, 422) << empty.body;
  EXPECT_EQ(str(empty.json().at("error").at("field")), "rectification_report");
  auto reported =
      step("ent-MA1JYR002", id, "report", {{"rectification_report", "已更换生产线并通过复检"}});
  ASSERT_EQ(reported.status, 200) << reported.body;
  EXPECT_EQ(stage_of(reported), "rectification_review");
  auto escalated = step("js-samr", id, "escalate");
  ASSERT_EQ(escalated.status, 200) << escalated.body;
  EXPECT_EQ(stage_of(escalated), "decision");

  ASSERT_EQ(step("js-samr", id, "suspend").status, 200);
  EXPECT_EQ(grant_status(), "suspended");
  EXPECT_EQ(public_grades(), 0u);

  auto revoked = step("js-samr", id, "revoke");
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(stage_of(revoked), "revoked");
  EXPECT_EQ(grant_status(), "revoked");
  auto bans = items(*admin, "/api/v1/bans?enterprise=" + uscc_ + "&active=1");
  ASSERT_EQ(bans.size(), 1u);
  EXPECT_EQ(str(bans[0].at("until")), "2031-05-31");
  EXPECT_TRUE(contains(str(bans[0].at("reason")), "第十七条"));
  EXPECT_EQ(public_items("/api/v1/public/announcements?kind=grade_revoked", uscc_).size(), 1u);

  auto refused = open_recognition("MA1JYR002", uscc_, "AA");
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(error_code(refused), "banned");
  EXPECT_EQ(str(refused.json().at("error").at("until")), "2031-05-31");
  set_clock("2031-05-31T16:00:00Z");
  EXPECT_EQ(open_recognition("MA1JYR002", uscc_, "A").status, 201);
}

TEST_F(JiangsuSanction, SuspensionIsReinstatedAndRectificationAcceptedOrOverdue) {
  const int64_t grant = announced_grant("MA1JYR003");

  const int64_t suspension = id_of(open_sanction("xw-samr", grant, "accident"));
  ASSERT_EQ(step("js-samr", suspension, "suspend").status, 200);
  EXPECT_EQ(grant_status(), "suspended");
  EXPECT_EQ(public_grades(), 0u) << "a suspended grade is not listed";
  auto reinstated = step("js-samr", suspension, "reinstate");
  ASSERT_EQ(reinstated.status, 200) << reinstated.body;
  EXPECT_EQ(stage_of(reinstated), "reinstated");
  EXPECT_EQ(grant_status(), "active");
  EXPECT_EQ(public_grades(), 1u);
  EXPECT_TRUE(items(*admin, "/api/v1/bans?enterprise=" + uscc_).empty());

  // Rectified in time and accepted: the grade stands.
  const int64_t accepted = id_of(open_sanction("xw-samr", grant, "accident"));
  steps(accepted, {{"js-samr", "rectify"}});
  ASSERT_EQ(
      step("ent-MA1JYR003", accepted, "report", {{"rectification_report", "整改完成"}}).status,
      200);
  auto closed = step("js-samr", accepted, "accept");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(stage_of(closed), "rectified");
  EXPECT_EQ(grant_status(), "active");

  // No report by the deadline: the case returns to the province's decision.
  const int64_t overdue = id_of(open_sanction("xw-samr", grant, "accident"));
  steps(overdue, {{"js-samr", "rectify"}});
  reach_deadline(overdue);
  EXPECT_EQ(stage_of(get_case(overdue)), "decision");
  auto dismissed = step("js-samr", overdue, "dismiss");
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(stage_of(dismissed), "closed");
  EXPECT_EQ(grant_status(), "active");
}

}  // namespace
}  // namespace qc::test
