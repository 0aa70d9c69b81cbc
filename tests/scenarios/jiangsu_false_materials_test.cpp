// 第十六条 during the procedure: false materials return the application and ban a new one
// for 2 years, counted from the decision day inclusive.
#include "jiangsu_fixture.hpp"

namespace qc::test {
namespace {

TEST_F(JiangsuScenario, FalseMaterialsBanANewApplicationForTwoYears) {
  const auto uscc = add_enterprise("MA1JYF001");
  const int64_t id = id_of(open_recognition("MA1JYF001", uscc, "A"));
  steps(id, {{"ent-MA1JYF001", "submit"}, {"xw-samr", "approve"}});
  auto returned = step("xw-drc", id, "false_materials");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(stage_of(returned), "returned");
  EXPECT_EQ(str(returned.json().at("status")), "closed");

  auto bans = items(*admin, "/api/v1/bans?enterprise=" + uscc + "&active=1");
  ASSERT_EQ(bans.size(), 1u);
  EXPECT_EQ(str(bans[0].at("family")), kGradeFamily);
  EXPECT_EQ(str(bans[0].at("from")), "2026-03-02");
  EXPECT_EQ(str(bans[0].at("until")), "2028-03-01");
  EXPECT_EQ(bans[0].at("case_id").as_int64(), id);
  EXPECT_TRUE(contains(str(bans[0].at("reason")), "第十六条"));

  auto doc =
      as("ent-MA1JYF001").get("/api/v1/cases/" + std::to_string(id) + "/documents/return_decision");
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_TRUE(contains(doc.body, "2026-03-02至2028-03-01"));

  auto refused = open_recognition("MA1JYF001", uscc, "A");
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(error_code(refused), "banned");
  EXPECT_EQ(str(refused.json().at("error").at("until")), "2028-03-01");

  set_clock("2028-03-01T15:59:00Z");  // the ban's last day, 23:59 in Beijing
  EXPECT_EQ(open_recognition("MA1JYF001", uscc, "A").status, 409);
  set_clock("2028-03-01T16:00:00Z");  // 2 March 2028 in Beijing
  auto accepted = open_recognition("MA1JYF001", uscc, "A");
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  auto submitted = step("ent-MA1JYF001", id_of(accepted), "submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(stage_of(submitted), "county_review");
}

}  // namespace
}  // namespace qc::test
