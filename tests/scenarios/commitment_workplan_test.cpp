// 工作方案备案 (workflows/national/commitment_workplan.lua) walked through the HTTP API.
#include "support/api_fixture.hpp"

namespace qc::test {
namespace {

class WorkplanScenario : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    admin->post("/api/v1/admin/clock", json::object{{"set", "2026-06-01T01:00:00Z"}});
    create_enterprise(association, "320000", "1985-04-01");
    create_enterprise(other_association, "110000", "1990-01-01");
    create_user("organizer-js", "organizer", "320000");
    create_user("organizer-bj", "organizer", "110000");
    create_user("office", "activity_office", "000000");
  }

  HttpResult open_plan(HttpClient& c, const std::string& uscc) {
    return c.post(
        "/api/v1/cases",
        json::object{{"procedure", "national.commitment_workplan"},
                     {"enterprise", uscc},
                     {"data", json::object{{"plan_title", "2026年江苏省承诺活动工作方案"}}}});
  }

  static json::object full_plan() {
    return {{"duties", "省质量协会负责组织实施"},
            {"requirements", "企业自愿申请"},
            {"commitment_content", "六项承诺"},
            {"review_procedure", "材料审查、现场核实"},
            {"supervision_measures", "社会监督、年度复核"}};
  }

  std::string association = make_uscc("320000", "501234567");
  std::string other_association = make_uscc("110000", "501234568");
};

TEST_F(WorkplanScenario, OrganiserFilesAndOfficeReturnsThenFiles) {
  auto org = login("organizer-js");
  auto opened = open_plan(*org, association);
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);

  auto incomplete = act(*org, id, "submit", 1, {{"duties", "省质量协会负责"}});
  ASSERT_EQ(incomplete.status, 422) << incomplete.body;
  EXPECT_EQ(incomplete.json().at("error").at("field"), "requirements");

  auto submitted = act(*org, id, "submit", 1, full_plan());
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(stage_of(submitted), "office_review");
  EXPECT_TRUE(submitted.json().at("available_actions").as_array().empty());

  // The organiser may read the case but not decide it.
  auto forbidden = act(*org, id, "file", 2);
  EXPECT_EQ(forbidden.status, 403) << forbidden.body;

  auto office = login("office");
  auto no_reason = act(*office, id, "return", 2);
  EXPECT_EQ(no_reason.status, 422);
  auto returned = act(*office, id, "return", 2, {{"return_reason", "监督措施不具体"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(stage_of(returned), "drafting");

  auto resubmitted = act(*org, id, "submit", 3, {{"supervision_measures", "每季度抽查承诺企业"}});
  ASSERT_EQ(resubmitted.status, 200) << resubmitted.body;
  auto filed = act(*office, id, "file", 4);
  ASSERT_EQ(filed.status, 200) << filed.body;
  EXPECT_EQ(stage_of(filed), "filed");
  EXPECT_EQ(filed.json().at("data").at("filed_on"), "2026-06-01");

  auto docs = org->get("/api/v1/cases/" + std::to_string(id) + "/documents");
  ASSERT_EQ(docs.json().at("total").as_int64(), 1) << docs.body;
  auto receipt = org->get("/api/v1/cases/" + std::to_string(id) + "/documents/filing_receipt");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_NE(receipt.body.find("2026年江苏省承诺活动工作方案"), std::string::npos);
  EXPECT_EQ(receipt.header("content-type").rfind("text/html", 0), 0u);
}

TEST_F(WorkplanScenario, OverdueReviewIsFlaggedByTheTimer) {
  auto org = login("organizer-js");
  const int64_t id = id_of(open_plan(*org, association));
  auto submitted = act(*org, id, "submit", 1, full_plan());
  ASSERT_TRUE(submitted.json().as_object().contains("deadline")) << submitted.body;
  auto moved = advance_days(30);
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto c = org->get("/api/v1/cases/" + std::to_string(id));
  EXPECT_EQ(stage_of(c), "office_review_overdue");
  auto office = login("office");
  EXPECT_EQ(act(*office, id, "file", rev_of(c)).status, 200);
}

TEST_F(WorkplanScenario, JurisdictionHidesOtherProvinces) {
  auto js = login("organizer-js");
  const int64_t id = id_of(open_plan(*js, association));
  auto bj = login("organizer-bj");
  EXPECT_EQ(bj->get("/api/v1/cases/" + std::to_string(id)).status, 404);
  EXPECT_EQ(act(*bj, id, "submit", 1, full_plan()).status, 404);
  EXPECT_EQ(bj->get("/api/v1/cases").json().at("total").as_int64(), 0);
  // Nor may it open a case for an organisation outside its region.
  EXPECT_EQ(open_plan(*bj, association).status, 404);
  EXPECT_EQ(open_plan(*bj, other_association).status, 201);
}

}  // namespace
}  // namespace qc::test
