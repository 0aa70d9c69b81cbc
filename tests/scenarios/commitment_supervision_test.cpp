// 承诺企业监督与除名 (workflows/national/commitment_supervision.lua) through the HTTP API:
// a public complaint opens it, the explanation deadline escalates, delisting is announced
// with a written notice; dismissal keeps the reasons; the complaints inbox triages the rest.
#include "commitment_fixture.hpp"

namespace qc::test {
namespace {

class SupervisionScenario : public CommitmentScenario {
 protected:
  void SetUp() override {
    CommitmentScenario::SetUp();
    if (HasFatalFailure()) return;
    file_plan("organizer-js", association);
    file_plan("organizer-js2", department);
    listed("ent-nj", nanjing);
  }
  // A complaint about the listed enterprise, and the supervision case it opened.
  int64_t complaint_case() {
    auto r = complain(nanjing);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(text_of(r.json().at("status")), "routed") << r.body;
    auto inbox = as("office").get("/api/v1/complaints?enterprise=" + nanjing);
    EXPECT_EQ(inbox.json().at("total").as_int64(), 1) << inbox.body;
    return inbox.json().at("items").at(0).at("case_id").as_int64();
  }
  static json::object judgment(bool breach) {
    return {{"breach", breach},
            {"nature", "以次充好、性质恶劣"},
            {"impact", "造成恶劣社会影响"},
            {"opinion", "予以除名"}};
  }
};

TEST_F(SupervisionScenario, ComplaintThenOverdueExplanationThenDelistingIsAnnounced) {
  auto r = complain(nanjing, "产品以次充好，违背承诺", "13912345678");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(has_text(r.body, "13912345678"));  // the contact is never echoed
  auto inbox = as("organizer-js").get("/api/v1/complaints?enterprise=" + nanjing);
  ASSERT_EQ(inbox.json().at("total").as_int64(), 1) << inbox.body;
  const int64_t id = inbox.json().at("items").at(0).at("case_id").as_int64();

  auto c = get_case(id);
  EXPECT_EQ(text_of(c.at("procedure")), kSupervision);
  EXPECT_EQ(text_of(c.at("stage")), "investigation");
  EXPECT_EQ(text_of(c.at("data").at("complaint")), "产品以次充好，违背承诺");
  auto history = as("organizer-js").get("/api/v1/cases/" + std::to_string(id) + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_FALSE(has_text(history.body, "13912345678"));
  EXPECT_FALSE(has_text(json::serialize(c), "13912345678"));

  auto asked = step("organizer-js", id, "request_explanation", {{"facts", "抽查不合格"}});
  ASSERT_EQ(stage_of(asked), "explanation") << asked.body;
  ASSERT_TRUE(asked.json().as_object().contains("deadline")) << asked.body;
  EXPECT_EQ(text_of(asked.json().at("deadline").at("action")), "explanation_overdue");

  // No explanation within 10 working days: the timer hands the case back to the organiser.
  ASSERT_EQ(advance_days(20).status, 200);
  c = get_case(id);
  EXPECT_EQ(text_of(c.at("stage")), "judgment");
  EXPECT_TRUE(c.at("data").at("explanation_overdue").as_bool());

  auto no_breach = step("organizer-js", id, "delist", judgment(false));
  ASSERT_EQ(no_breach.status, 422) << no_breach.body;
  EXPECT_EQ(error_code(no_breach), "guard_failed");
  auto incomplete = step("organizer-js", id, "delist", {{"breach", true}, {"nature", "恶劣"}});
  ASSERT_EQ(incomplete.status, 422);
  EXPECT_EQ(text_of(incomplete.json().at("error").at("field")), "impact");

  auto delisted = step("organizer-js", id, "delist", judgment(true));
  ASSERT_EQ(delisted.status, 200) << delisted.body;
  EXPECT_EQ(stage_of(delisted), "delisted");
  auto items = listings(nanjing);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(text_of(items[0].at("status")), "delisted");
  EXPECT_FALSE(publicly_listed(nanjing));

  bool announced = false;
  for (const auto& a : announcements("delisted"))
    if (text_of(a.at("enterprise").at("uscc")) == nanjing) {
      announced = true;
      EXPECT_EQ(text_of(a.at("date")), "2026-06-21");
      EXPECT_TRUE(has_text(text_of(a.at("body")), "除名"));
    }
  EXPECT_TRUE(announced);

  // The written notice, print-ready, for the enterprise.
  auto notice =
      as("ent-nj").get("/api/v1/cases/" + std::to_string(id) + "/documents/delisting_notice");
  ASSERT_EQ(notice.status, 200) << notice.body;
  EXPECT_EQ(notice.header("content-type").rfind("text/html", 0), 0u);
  EXPECT_TRUE(has_text(notice.body, "除名通知书"));
  EXPECT_TRUE(has_text(notice.body, "以次充好、性质恶劣"));
  EXPECT_TRUE(has_text(notice.body, "予以除名"));
}

TEST_F(SupervisionScenario, ExplainedComplaintIsDismissedWithItsReasons) {
  const int64_t id = complaint_case();
  ASSERT_EQ(stage_of(step("organizer-js", id, "request_explanation")), "explanation");
  auto no_text = step("ent-nj", id, "explain");
  ASSERT_EQ(no_text.status, 422);
  EXPECT_EQ(text_of(no_text.json().at("error").at("field")), "explanation");
  ASSERT_EQ(stage_of(step("ent-nj", id, "explain", {{"explanation", "系经销商假冒产品"}})),
            "judgment");

  auto no_reason = step("organizer-js", id, "dismiss", {{"breach", false}});
  ASSERT_EQ(no_reason.status, 422);
  EXPECT_EQ(text_of(no_reason.json().at("error").at("field")), "opinion");
  auto closed = step("organizer-js", id, "dismiss",
                     {{"breach", false}, {"opinion", "经查系假冒产品，企业不存在违背承诺行为"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(stage_of(closed), "closed");
  EXPECT_EQ(text_of(closed.json().at("status")), "closed");
  EXPECT_EQ(text_of(closed.json().at("data").at("opinion")),
            "经查系假冒产品，企业不存在违背承诺行为");
  EXPECT_EQ(text_of(closed.json().at("data").at("explanation")), "系经销商假冒产品");
  EXPECT_EQ(text_of(listings(nanjing)[0].at("status")), "listed");
  EXPECT_TRUE(publicly_listed(nanjing));
}

TEST_F(SupervisionScenario, AnOrganiserCannotTouchAnotherOrganisersEnterprise) {
  const int64_t id = complaint_case();
  // Same province, another organising unit: it may read, but the procedure refuses it.
  auto other = step("organizer-js2", id, "request_explanation");
  ASSERT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(error_code(other), "guard_failed");
  EXPECT_TRUE(has_text(other.body, "其他组织单位")) << other.body;
  // Another province: the case and the complaint do not exist for it.
  EXPECT_EQ(as("organizer-bj").get("/api/v1/cases/" + std::to_string(id)).status, 404);
  EXPECT_EQ(as("organizer-bj").get("/api/v1/complaints").json().at("total").as_int64(), 0);
  // The enterprise may not act for the organiser.
  EXPECT_EQ(step("ent-nj", id, "dismiss", {{"opinion", "x"}}).status, 403);
  EXPECT_EQ(stage_of(step("organizer-js", id, "dismiss", {{"opinion", "不属实"}})), "closed");
}

TEST_F(SupervisionScenario, ComplaintsAboutUnlistedEnterprisesWaitInTheInbox) {
  std::string wrong_check = nanjing;
  wrong_check.back() = wrong_check.back() == '0' ? '1' : '0';
  auto bad = complain(wrong_check);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(error_code(bad), "invalid_uscc");
  EXPECT_EQ(text_of(bad.json().at("error").at("field")), "uscc");
  auto no_content = complain(qinhuai, "");
  EXPECT_EQ(no_content.status, 422);

  // Valid codes are taken, registered or not; nothing is opened for them.
  auto unlisted = complain(qinhuai, "虚假宣传", "qh@example.com");
  ASSERT_EQ(unlisted.status, 201) << unlisted.body;
  EXPECT_EQ(text_of(unlisted.json().at("status")), "open");
  const int64_t qh = unlisted.json().at("id").as_int64();
  auto unknown = complain(make_uscc("320105", "MA1AAAA09"), "无证生产");
  ASSERT_EQ(unknown.status, 201) << unknown.body;
  const int64_t unknown_id = unknown.json().at("id").as_int64();

  EXPECT_EQ(client()->get("/api/v1/complaints").status, 401);
  EXPECT_EQ(as("ent-qh").get("/api/v1/complaints").status, 403);
  auto inbox = as("office").get("/api/v1/complaints?status=open");
  ASSERT_EQ(inbox.status, 200);
  EXPECT_EQ(inbox.json().at("total").as_int64(), 2) << inbox.body;
  auto one = as("organizer-js").get("/api/v1/complaints/" + std::to_string(qh));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(text_of(one.json().at("contact")), "qh@example.com");  // staff see the contact
  EXPECT_EQ(as("organizer-bj").get("/api/v1/complaints/" + std::to_string(qh)).status, 404);

  // Routing to supervision is refused while the enterprise is not listed …
  auto refused = as("organizer-js")
                     .post("/api/v1/complaints/" + std::to_string(qh) + "/route",
                           json::object{{"procedure", kSupervision}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(error_code(refused), "guard_failed");
  // … and closing needs a reason; a closed complaint is not handled twice.
  auto path = "/api/v1/complaints/" + std::to_string(unknown_id) + "/close";
  auto no_reason = as("office").post(path, json::object{});
  ASSERT_EQ(no_reason.status, 422);
  EXPECT_EQ(text_of(no_reason.json().at("error").at("field")), "reason");
  auto closed = as("office").post(path, json::object{{"reason", "非承诺企业，转市场监管部门"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(text_of(closed.json().at("status")), "closed");
  EXPECT_EQ(as("office").post(path, json::object{{"reason", "again"}}).status, 409);

  // Once listed, staff route the waiting complaint to supervision.
  listed("ent-qh", qinhuai);
  auto routed = as("organizer-js")
                    .post("/api/v1/complaints/" + std::to_string(qh) + "/route",
                          json::object{{"procedure", kSupervision}});
  ASSERT_EQ(routed.status, 200) << routed.body;
  EXPECT_EQ(text_of(routed.json().at("status")), "routed");
  auto c = get_case(routed.json().at("case_id").as_int64());
  EXPECT_EQ(text_of(c.at("stage")), "investigation");
  EXPECT_EQ(text_of(c.at("data").at("complaint")), "虚假宣传");
  EXPECT_EQ(as("office").get("/api/v1/complaints?status=open").json().at("total").as_int64(), 0);
}

}  // namespace
}  // namespace qc::test
