// 江苏省企业质量信用等级认定 (workflows/jiangsu/grade_recognition.lua) walked through the
// HTTP API: the A, AA and AAA paths, corrections, and the grade's five-year term.
#include <fstream>
#include <sstream>

#include "jiangsu_fixture.hpp"

namespace qc::test {
namespace {

std::vector<std::string> action_ids(const HttpResult& r) {
  std::vector<std::string> ids;
  const auto body = r.json();
  for (const auto& a : body.at("available_actions").as_array()) ids.push_back(str(a.at("id")));
  return ids;
}

TEST_F(JiangsuScenario, GradeAFromApplicationThroughCorrectionToAnnouncement) {
  const auto uscc = add_enterprise("MA1JYA001");
  auto opened = open_recognition("MA1JYA001", uscc, "A");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  EXPECT_EQ(stage_of(opened), "application");
  EXPECT_EQ(action_ids(opened), (std::vector<std::string>{"submit", "withdraw"}));

  // A needs no revenue figures (第十条（一）).
  auto submitted = step("ent-MA1JYA001", id, "submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(stage_of(submitted), "county_review");
  EXPECT_EQ(str(submitted.json().at("data").at("submitted_on")), "2026-03-02");

  // County review is the county SAMR's: neither the county DRC nor the city may take it.
  EXPECT_EQ(step("xw-drc", id, "approve").status, 403);
  EXPECT_EQ(step("nj-samr", id, "approve").status, 403);
  auto county = step("xw-samr", id, "approve");
  ASSERT_EQ(county.status, 200) << county.body;
  EXPECT_EQ(stage_of(county), "county_recheck");
  // The county DRC returns the file for correction: the 10th working day after 2 March is
  // 16 March.
  auto returned = step("xw-drc", id, "return", {{"correction_request", "补充质量管理体系说明"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(stage_of(returned), "application");
  EXPECT_EQ(str(returned.json().at("deadline").at("action")), "lapse");
  EXPECT_EQ(str(returned.json().at("deadline").at("due_at")), "2026-03-16T16:00:00Z");

  // The corrected file starts again at the county; its reviewers cannot change the grade.
  auto resubmitted =
      step("ent-MA1JYA001", id, "submit", {{"management_system", "ISO 9001 质量管理体系"}});
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  EXPECT_EQ(stage_of(resubmitted), "county_review") << "a corrected file is reviewed afresh";
  EXPECT_FALSE(resubmitted.json().as_object().contains("deadline"));
  auto upgraded = step("xw-samr", id, "approve", {{"requested_grade", "AAA"}});
  ASSERT_EQ(upgraded.status, 422) << upgraded.body;
  EXPECT_EQ(error_code(upgraded), "validation") << "the grade is the applicant's field";
  EXPECT_EQ(str(upgraded.json().at("error").at("field")), "requested_grade");

  steps(id, local_reviews());
  auto city = get_case(id);
  EXPECT_EQ(stage_of(city), "province_confirm") << "A goes to the province's confirmation";
  steps(id, {{"js-samr", "approve"}});
  EXPECT_EQ(step("js-samr", id, "approve").status, 403) << "credit review is the DRC's";
  auto noticed = step("js-drc", id, "approve");
  ASSERT_EQ(noticed.status, 200) << noticed.body;
  EXPECT_EQ(stage_of(noticed), "public_notice");
  // Five working days after Monday 2 March: Monday 9 March, until 24:00 Beijing time.
  EXPECT_EQ(str(noticed.json().at("deadline").at("due_at")), "2026-03-09T16:00:00Z");

  auto notices = public_items("/api/v1/public/notices", uscc);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(str(notices[0].at("enterprise").at("uscc")), uscc);
  EXPECT_EQ(notices[0].at("case_id").as_int64(), id);

  set_clock("2026-03-09T15:59:00Z");
  EXPECT_EQ(stage_of(get_case(id)), "public_notice") << "the last day of the window is open";
  set_clock("2026-03-09T16:00:00Z");
  auto done = get_case(id);
  EXPECT_EQ(stage_of(done), "announced");
  EXPECT_EQ(str(done.json().at("status")), "closed");
  EXPECT_TRUE(public_items("/api/v1/public/notices", uscc).empty());

  // Announced the day after the window; five years from that day inclusive (第十五条).
  auto grades = public_items("/api/v1/public/grades?family=jiangsu.quality_grade", uscc);
  ASSERT_EQ(grades.size(), 1u);
  EXPECT_EQ(str(grades[0].at("grade")), "A");
  EXPECT_EQ(str(grades[0].at("valid_from")), "2026-03-10");
  EXPECT_EQ(str(grades[0].at("valid_to")), "2031-03-09");
  EXPECT_EQ(str(done.json().at("data").at("valid_to")), "2031-03-09");

  auto ann = public_items("/api/v1/public/announcements?kind=grade_announced", uscc);
  ASSERT_EQ(ann.size(), 1u);
  EXPECT_EQ(str(ann[0].at("date")), "2026-03-10");
  EXPECT_TRUE(contains(str(ann[0].at("title")), "A级"));

  auto doc =
      as("ent-MA1JYA001").get("/api/v1/cases/" + std::to_string(id) + "/documents/announcement");
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_TRUE(contains(doc.body, "认定公告"));
  EXPECT_TRUE(contains(doc.body, "2026-03-02至2026-03-09公示无异议"));
  EXPECT_TRUE(contains(doc.body, "2026-03-10至2031-03-09"));
  // Opened on its own, the document may style itself and show embedded images, no more.
  EXPECT_EQ(doc.header("content-security-policy"),
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'");
  EXPECT_EQ(doc.header("x-frame-options"), "DENY");
}

TEST_F(JiangsuScenario, UncorrectedApplicationLapsesAndAWithdrawalCloses) {
  const auto uscc = add_enterprise("MA1JYA002");
  const int64_t id = id_of(open_recognition("MA1JYA002", uscc, "A"));
  steps(id, {{"ent-MA1JYA002", "submit"}, {"xw-samr", "approve"}, {"xw-drc", "approve"}});
  auto returned = step("nj-samr", id, "return");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(str(returned.json().at("deadline").at("due_at")), "2026-03-16T16:00:00Z");
  set_clock("2026-03-16T16:00:00Z");
  auto lapsed = get_case(id);
  EXPECT_EQ(stage_of(lapsed), "lapsed");
  EXPECT_EQ(str(lapsed.json().at("status")), "closed");

  // A lapsed application leaves no ban: the enterprise may apply again and withdraw.
  auto again = open_recognition("MA1JYA002", uscc, "A");
  ASSERT_EQ(again.status, 201) << again.body;
  auto withdrawn = step("ent-MA1JYA002", id_of(again), "withdraw");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(stage_of(withdrawn), "withdrawn");
}

TEST_F(JiangsuScenario, GradeAaaThroughExpertVotesAndOnSiteCheckAndAaSkipsTheVisit) {
  const auto aaa = add_enterprise("MA1JYA003", "320102", "2010-05-01");
  const auto aa = add_enterprise("MA1JYA004", "320102", "2010-05-01");
  const auto weak = add_enterprise("MA1JYA005", "320102", "2010-05-01");
  auto opened = open_recognition("MA1JYA003", aaa, "AAA", {{"revenue_by_year", rising_revenue()}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  Walk walk{{"ent-MA1JYA003", "submit"}};
  for (auto& s : local_reviews()) walk.push_back(s);
  steps(id, walk);
  auto review = get_case(id);
  ASSERT_EQ(stage_of(review), "expert_review") << "AA and AAA skip the province's A confirmation";

  // Experts are the province's: a city expert may not vote, nor may staff.
  EXPECT_EQ(step("nj-expert", id, "vote", {{"vote", "pass"}}).status, 403);
  EXPECT_EQ(step("js-samr", id, "vote", {{"vote", "pass"}}).status, 403);
  auto mine = as("expert1").get("/api/v1/cases/" + std::to_string(id));
  EXPECT_EQ(action_ids(mine), (std::vector<std::string>{"vote"}));

  ASSERT_EQ(step("expert1", id, "vote", {{"vote", "pass"}}).status, 200);
  auto twice = step("expert1", id, "vote", {{"vote", "pass"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(error_code(twice), "already_voted");
  ASSERT_EQ(step("expert2", id, "vote", {{"vote", "fail"}}).status, 200);
  ASSERT_EQ(step("expert3", id, "vote", {{"vote", "pass"}}).status, 200);
  const int64_t rev_before = rev_of(get_case(id));
  auto deciding = step("expert4", id, "vote", {{"vote", "pass"}});
  ASSERT_EQ(deciding.status, 200) << deciding.body;
  EXPECT_EQ(stage_of(deciding), "onsite_check") << "3 of 5 pass; AAA goes on site (第十二条（六）)";
  EXPECT_EQ(rev_of(deciding), rev_before + 2) << "the deciding vote and experts_passed";

  // The on-site findings are optional; approve needs only rev.
  auto checked = step("js-samr", id, "approve", {{"onsite_findings", "质量管理体系运行有效"}});
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(stage_of(checked), "credit_review");
  steps(id, {{"js-drc", "approve"}});
  reach_deadline(id);
  auto done = get_case(id);
  ASSERT_EQ(stage_of(done), "announced");
  auto grants = grants_of(aaa);
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(str(grants[0].at("grade")), "AAA");
  EXPECT_EQ(str(grants[0].at("status")), "active");

  // AA: the experts' pass leads straight to the credit review.
  const int64_t aa_id =
      id_of(open_recognition("MA1JYA004", aa, "AA", {{"revenue_by_year", rising_revenue()}}));
  walk = {{"ent-MA1JYA004", "submit"}};
  for (auto& s : local_reviews()) walk.push_back(s);
  for (const char* e : {"expert1", "expert2", "expert3"}) walk.emplace_back(e, "vote");
  for (auto& [user, action] : walk) {
    auto r = step(user, aa_id, action,
                  action == "vote" ? json::object{{"vote", "pass"}} : json::object{});
    ASSERT_EQ(r.status, 200) << user << " " << action << ": " << r.body;
  }
  EXPECT_EQ(stage_of(get_case(aa_id)), "credit_review");

  // Three fail votes of five: three passes can no longer be reached, the case is refused.
  const int64_t weak_id =
      id_of(open_recognition("MA1JYA005", weak, "AA", {{"revenue_by_year", rising_revenue()}}));
  walk = {{"ent-MA1JYA005", "submit"}};
  for (auto& s : local_reviews()) walk.push_back(s);
  steps(weak_id, walk);
  for (const char* e : {"expert1", "expert2", "expert3"})
    ASSERT_EQ(step(e, weak_id, "vote", {{"vote", "fail"}}).status, 200);
  EXPECT_EQ(stage_of(get_case(weak_id)), "rejected");
}

TEST_F(JiangsuScenario, GrantExpiresAfterFiveYears) {
  const auto uscc = add_enterprise("MA1JYA006");
  announce_a("MA1JYA006", uscc);
  auto grants = grants_of(uscc);
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(str(grants[0].at("valid_to")), "2031-03-09");

  set_clock("2031-03-09T15:59:00Z");  // the last day of the term, Beijing time
  EXPECT_EQ(str(grants_of(uscc)[0].at("status")), "active");
  EXPECT_EQ(public_items("/api/v1/public/grades", uscc).size(), 1u);
  set_clock("2031-03-09T16:00:00Z");  // 2031-03-10 in Beijing
  EXPECT_EQ(str(grants_of(uscc)[0].at("status")), "expired");
  EXPECT_TRUE(public_items("/api/v1/public/grades", uscc).empty());
}

// The officers' documentation shows the graph the server serves, not a stale copy.
TEST_F(JiangsuScenario, ProcedureDocsShowTheServedMermaidGraphs) {
  for (const std::string name : {"grade_recognition", "grade_sanction"})
    expect_documented_graph("jiangsu_" + name, "jiangsu." + name);
}

}  // namespace
}  // namespace qc::test
