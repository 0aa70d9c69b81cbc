// The submit guard of jiangsu.grade_recognition (plugins/jiangsu/eligibility.lua): each
// condition of 第九条、第十条 that the registry can decide, refused with its article, and
// accepted once it is met. The clock stands at Monday 2 March 2026 (Beijing).
#include "jiangsu_fixture.hpp"

namespace qc::test {
namespace {

class JiangsuEligibility : public JiangsuScenario {
 protected:
  // Opens a case for a new enterprise and submits it; the refusal's message, or "" when
  // the submission was accepted.
  std::string submit(int64_t id, const std::string& org, json::object data = {}) {
    auto r = step("ent-" + org, id, "submit", std::move(data));
    if (r.status == 200) return "";
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(error_code(r), "guard_failed") << r.body;
    EXPECT_EQ(stage_of(get_case(id)), "application") << "a refused action changes nothing";
    return str(r.json().at("error").at("message"));
  }

  int64_t open(const std::string& org, const std::string& grade, json::object data = {},
               const std::string& region = "320102",
               const std::string& established = "2015-01-01") {
    const auto uscc = add_enterprise(org, region, established);
    uscc_ = uscc;
    auto r = open_recognition(org, uscc, grade, std::move(data));
    EXPECT_EQ(r.status, 201) << r.body;
    return id_of(r);
  }

  std::string uscc_;  // the enterprise of the last open()
};

TEST_F(JiangsuEligibility, EnterpriseRegisteredOutsideJiangsuIsRefused) {
  const int64_t id = open("MA1JYE001", "A", {}, "110105");
  const auto why = submit(id, "MA1JYE001");
  EXPECT_TRUE(contains(why, "第九条（二）")) << why;
  EXPECT_TRUE(contains(why, "110105")) << why;
}

TEST_F(JiangsuEligibility, EnterpriseYoungerThanThreeYearsIsRefusedUntilTheAnniversary) {
  const int64_t id = open("MA1JYE002", "A", {}, "320102", "2023-03-03");
  const auto why = submit(id, "MA1JYE002");
  EXPECT_TRUE(contains(why, "第九条（二）")) << why;
  EXPECT_TRUE(contains(why, "存续3年以上")) << why;
  set_clock("2026-03-02T16:00:00Z");  // 3 March in Beijing: 满3年
  EXPECT_EQ(submit(id, "MA1JYE002"), "");
}

TEST_F(JiangsuEligibility, AbnormalOperationListRefusesWhateverItsAge) {
  const int64_t id = open("MA1JYE003", "A");
  ASSERT_EQ(add_record(uscc_, "abnormal_operation", "2019-06-01").status, 201);
  const auto why = submit(id, "MA1JYE003");
  EXPECT_TRUE(contains(why, "经营异常名录")) << why;
  EXPECT_TRUE(contains(why, "第十条（一）1")) << why;
}

TEST_F(JiangsuEligibility, SeriousDishonestyListIsRefused) {
  const int64_t id = open("MA1JYE004", "AAA", {{"revenue_by_year", rising_revenue()}});
  ASSERT_EQ(add_record(uscc_, "serious_dishonesty_list", "2025-11-20").status, 201);
  const auto why = submit(id, "MA1JYE004");
  EXPECT_TRUE(contains(why, "严重违法失信名单")) << why;
  EXPECT_TRUE(contains(why, "第十条（一）1")) << why;
}

TEST_F(JiangsuEligibility, BadRecordWithinOneYearRefusesGradeA) {
  const int64_t id = open("MA1JYE005", "A");
  ASSERT_EQ(add_record(uscc_, "spot_check_fail", "2025-03-03").status, 201);
  const auto why = submit(id, "MA1JYE005");
  EXPECT_TRUE(contains(why, "近1年内")) << why;
  EXPECT_TRUE(contains(why, "第十条（一）1")) << why;
  EXPECT_TRUE(contains(why, "2025-03-03")) << why;
  set_clock("2026-03-02T16:00:00Z");  // 3 March: the record is a full year old
  EXPECT_EQ(submit(id, "MA1JYE005"), "");
}

TEST_F(JiangsuEligibility, BadRecordWithinThreeYearsRefusesGradeAa) {
  const int64_t id = open("MA1JYE006", "AA", {{"revenue_by_year", rising_revenue()}});
  ASSERT_EQ(add_record(uscc_, "claim_return", "2023-06-01").status, 201);
  const auto why = submit(id, "MA1JYE006");
  EXPECT_TRUE(contains(why, "近3年内")) << why;
  EXPECT_TRUE(contains(why, "第十条（二）4")) << why;
  EXPECT_EQ(submit(id, "MA1JYE006", {{"requested_grade", "A"}}), "") << "A looks back one year";
}

TEST_F(JiangsuEligibility, BadRecordWithinFiveYearsRefusesGradeAaa) {
  const int64_t id = open("MA1JYE007", "AAA", {{"revenue_by_year", rising_revenue()}});
  ASSERT_EQ(add_record(uscc_, "accident_general", "2021-06-01").status, 201);
  const auto why = submit(id, "MA1JYE007");
  EXPECT_TRUE(contains(why, "近5年内")) << why;
  EXPECT_TRUE(contains(why, "第十条（三）4")) << why;
  EXPECT_EQ(submit(id, "MA1JYE007", {{"requested_grade", "AA"}}), "") << "AA looks back three";
}

TEST_F(JiangsuEligibility, MissingRevenueFiguresRefuseGradeAa) {
  const int64_t id = open("MA1JYE008", "AA");
  auto why = submit(id, "MA1JYE008");
  EXPECT_TRUE(contains(why, "revenue_by_year")) << why;
  EXPECT_TRUE(contains(why, "第十条（二）5")) << why;
  why =
      submit(id, "MA1JYE008", {{"revenue_by_year", json::object{{"2024", 6100}, {"2025", 6900}}}});
  EXPECT_TRUE(contains(why, "2023")) << why;
  EXPECT_TRUE(contains(why, "第十条（二）5")) << why;
}

TEST_F(JiangsuEligibility, NoGrowthInTwoYearsRefusesGradeAa) {
  const int64_t id =
      open("MA1JYE009", "AA",
           {{"revenue_by_year", json::object{{"2023", 5000}, {"2024", 5200}, {"2025", 5100}}}});
  const auto why = submit(id, "MA1JYE009");
  EXPECT_TRUE(contains(why, "2025年营业收入")) << why;
  EXPECT_TRUE(contains(why, "第十条（二）5")) << why;
}

TEST_F(JiangsuEligibility, NoGrowthInThreeYearsRefusesGradeAaa) {
  const int64_t id =
      open("MA1JYE010", "AAA",
           {{"revenue_by_year",
             json::object{{"2022", 5300}, {"2023", 5200}, {"2024", 6100}, {"2025", 6900}}}});
  const auto why = submit(id, "MA1JYE010");
  EXPECT_TRUE(contains(why, "2023年营业收入")) << why;
  EXPECT_TRUE(contains(why, "第十条（三）5")) << why;
  EXPECT_EQ(submit(id, "MA1JYE010", {{"requested_grade", "AA"}}), "") << "two years of growth";
}

}  // namespace
}  // namespace qc::test
