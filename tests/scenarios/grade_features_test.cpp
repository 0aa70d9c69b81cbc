// Walks the test grade procedure (fixtures/test/grade.lua) through the HTTP API: every host
// feature a province relies on, as a user would meet it.
#include <filesystem>

#include "support/api_fixture.hpp"
#include "support/temp_dir.hpp"

namespace qc::test {
namespace {

namespace fs = std::filesystem;

class GradeScenario : public ApiFixture {
 protected:
  void SetUp() override {
    fs::copy(fs::path(QC_SOURCE_DIR) / "workflows", workflows.path(), fs::copy_options::recursive);
    fs::copy(fs::path(QC_SOURCE_DIR) / "tests/scenarios/fixtures/test", workflows.path() / "test",
             fs::copy_options::recursive);
    start({"--simulated-clock", "--workflows", workflows.str()});
    admin->post("/api/v1/admin/clock", json::object{{"set", "2026-03-02T02:00:00Z"}});
    create_enterprise(ent_a, "320102");
    create_enterprise(ent_b, "320102");
    create_user("ent-a", "enterprise", "320102", ent_a);
    create_user("ent-b", "enterprise", "320102", ent_b);
    create_user("xw-samr", "samr", "320102");
    create_user("js-samr", "samr", "320000");
    for (const char* e : {"expert1", "expert2", "expert3"}) create_user(e, "expert", "320000");
  }

  HttpResult open(HttpClient& c, const std::string& uscc, const std::string& grade) {
    return c.post("/api/v1/cases", json::object{{"procedure", "test.grade"},
                                                {"enterprise", uscc},
                                                {"data", json::object{{"grade", grade}}}});
  }

  TempDir workflows;
  std::string ent_a = make_uscc("320102", "MA1GRADA1");
  std::string ent_b = make_uscc("320102", "MA1GRADB2");
};

TEST_F(GradeScenario, GradeAThroughObjectionToAnnouncement) {
  auto ent = login("ent-a");
  auto opened = open(*ent, ent_a, "A");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  EXPECT_EQ(stage_of(opened), "application");
  EXPECT_EQ(rev_of(opened), 1);

  auto missing = act(*ent, id, "submit", 1);
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(missing.json().at("error").at("field"), "score");

  auto low = act(*ent, id, "submit", 1, {{"score", 50}});
  ASSERT_EQ(low.status, 422) << low.body;
  EXPECT_EQ(error_code(low), "guard_failed");
  EXPECT_NE(low.body.find("第五条"), std::string::npos);

  auto submitted = act(*ent, id, "submit", 1, {{"score", 80}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(stage_of(submitted), "county_review");
  EXPECT_EQ(rev_of(submitted), 2);

  auto county = login("xw-samr");
  auto approved = act(*county, id, "approve", 2);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(stage_of(approved), "public_notice");
  const auto deadline = approved.json().at("deadline").at("due_at");
  // 5 working days after Monday 2026-03-02 end on Monday 2026-03-09, 24:00 Beijing.
  EXPECT_EQ(deadline, "2026-03-09T16:00:00Z");

  auto pub = client();
  auto notices = pub->get("/api/v1/public/notices");
  ASSERT_EQ(notices.status, 200);
  ASSERT_EQ(notices.json().at("total").as_int64(), 1) << notices.body;
  const auto notice = notices.json().at("items").at(0);
  EXPECT_EQ(notice.at("enterprise").at("uscc").as_string(), ent_a);
  const auto notice_id = notice.at("id").as_int64();

  auto objection = pub->post(
      "/api/v1/public/notices/" + std::to_string(notice_id) + "/objections",
      json::object{{"name", "张三"}, {"contact", "13800000000"}, {"content", "材料不实"}});
  ASSERT_EQ(objection.status, 201) << objection.body;
  EXPECT_EQ(objection.body.find("13800000000"), std::string::npos);
  EXPECT_EQ(pub->get("/api/v1/public/notices").json().at("total").as_int64(), 0);

  auto province = login("js-samr");
  auto c = province->get("/api/v1/cases/" + std::to_string(id));
  ASSERT_EQ(stage_of(c), "objection_review");
  auto dismissed = act(*province, id, "dismiss", rev_of(c));
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(stage_of(dismissed), "public_notice");
  EXPECT_EQ(dismissed.json().at("deadline").at("due_at"), deadline)
      << "keep = true keeps the first deadline";

  auto moved = advance_days(10);
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto done = province->get("/api/v1/cases/" + std::to_string(id));
  EXPECT_EQ(stage_of(done), "announced");
  EXPECT_EQ(done.json().at("status"), "closed");

  auto grades = pub->get("/api/v1/public/grades?family=test.grade");
  ASSERT_EQ(grades.json().at("total").as_int64(), 1) << grades.body;
  const auto g = grades.json().at("items").at(0);
  EXPECT_EQ(g.at("grade"), "A");
  // Dated by the Beijing date of the notice timer's due instant (24:00 of 2026-03-09 is
  // 2026-03-10, the day after the last window day); 5 years end the day before the
  // fifth anniversary.
  EXPECT_EQ(g.at("valid_from"), "2026-03-10");
  EXPECT_EQ(g.at("valid_to"), "2031-03-09");

  auto ann = pub->get("/api/v1/public/announcements?kind=grade_announced");
  EXPECT_EQ(ann.json().at("total").as_int64(), 1) << ann.body;
  auto doc = ent->get("/api/v1/cases/" + std::to_string(id) + "/documents/decision");
  ASSERT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("认定公告"), std::string::npos);

  auto history = ent->get("/api/v1/cases/" + std::to_string(id) + "/history");
  const auto items = history.json().at("items").as_array();
  ASSERT_EQ(items.size(), 6u) << history.body;  // open submit approve object dismiss notice_passed
  EXPECT_EQ(items.back().at("actor"), "system");
  EXPECT_EQ(items.back().at("action"), "notice_passed");
}

TEST_F(GradeScenario, ExpertVotesDecideInTheSameTransaction) {
  auto ent = login("ent-a");
  const int64_t id = id_of(open(*ent, ent_a, "AA"));
  auto submitted = act(*ent, id, "submit", 1, {{"score", 90}});
  ASSERT_EQ(stage_of(submitted), "expert_review");

  auto e1 = login("expert1");
  auto mine = e1->get("/api/v1/cases/" + std::to_string(id));
  ASSERT_EQ(mine.json().at("available_actions").at(0).at("id"), "vote") << mine.body;
  auto v1 = act(*e1, id, "vote", 2, {{"vote", "pass"}});
  ASSERT_EQ(v1.status, 200) << v1.body;
  EXPECT_EQ(rev_of(v1), 3);
  EXPECT_TRUE(v1.json().at("available_actions").as_array().empty()) << "a voter may not vote again";
  auto again = act(*e1, id, "vote", 3, {{"vote", "pass"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(error_code(again), "already_voted");

  auto e2 = login("expert2");
  auto bad = act(*e2, id, "vote", 3, {{"vote", "maybe"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(act(*e2, id, "vote", 3, {{"vote", "fail"}}).status, 200);
  auto e3 = login("expert3");
  auto deciding = act(*e3, id, "vote", 4, {{"vote", "pass"}});
  ASSERT_EQ(deciding.status, 200) << deciding.body;
  EXPECT_EQ(stage_of(deciding), "public_notice");
  EXPECT_EQ(rev_of(deciding), 6) << "the deciding vote and votes_passed are two events";
}

TEST_F(GradeScenario, RejectionBansReapplying) {
  auto ent = login("ent-b");
  const int64_t id = id_of(open(*ent, ent_b, "A"));
  ASSERT_EQ(act(*ent, id, "submit", 1, {{"score", 70}}).status, 200);
  auto county = login("xw-samr");
  auto rejected = act(*county, id, "reject", 2);
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(stage_of(rejected), "rejected");

  auto again = open(*ent, ent_b, "A");
  ASSERT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(error_code(again), "banned");
  EXPECT_EQ(again.json().at("error").at("until"), "2028-03-01");

  auto bans = county->get("/api/v1/bans?enterprise=" + ent_b + "&active=1");
  EXPECT_EQ(bans.json().at("total").as_int64(), 1) << bans.body;
  // Another enterprise's user cannot see this case at all.
  auto other = login("ent-a");
  EXPECT_EQ(other->get("/api/v1/cases/" + std::to_string(id)).status, 404);
}

TEST_F(GradeScenario, DatedTimerFiresAtTheStartOfItsDayOnceAndNotAgain) {
  auto ent = login("ent-a");
  auto opened =
      ent->post("/api/v1/cases", json::object{{"procedure", "test.dated"},
                                              {"enterprise", ent_a},
                                              {"data", json::object{{"on", "2026-03-05"}}}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  EXPECT_EQ(opened.json().at("deadline").at("due_at"), "2026-03-04T16:00:00Z");  // 00:00 Beijing
  auto read = [&] { return ent->get("/api/v1/cases/" + std::to_string(id)); };
  admin->post("/api/v1/admin/clock", json::object{{"set", "2026-03-04T15:59:59Z"}});
  EXPECT_FALSE(read().json().at("data").as_object().contains("pings"));
  admin->post("/api/v1/admin/clock", json::object{{"set", "2026-03-04T16:00:00Z"}});
  auto fired = read();
  EXPECT_EQ(fired.json().at("data").at("pings").as_int64(), 1) << fired.body;
  EXPECT_FALSE(fired.json().as_object().contains("deadline")) << fired.body;
  admin->post("/api/v1/admin/clock", json::object{{"advance_days", 3}});
  EXPECT_EQ(read().json().at("data").at("pings").as_int64(), 1);

  // A date already passed when the case opens fires at once, in the opening request.
  auto late =
      ent->post("/api/v1/cases", json::object{{"procedure", "test.dated"},
                                              {"enterprise", ent_a},
                                              {"data", json::object{{"on", "2026-03-01"}}}});
  ASSERT_EQ(late.status, 201) << late.body;
  EXPECT_EQ(late.json().at("data").at("pings").as_int64(), 1) << late.body;
  // No date: no timer.
  auto none = ent->post(
      "/api/v1/cases",
      json::object{{"procedure", "test.dated"}, {"enterprise", ent_a}, {"data", json::object{}}});
  ASSERT_EQ(none.status, 201) << none.body;
  EXPECT_FALSE(none.json().as_object().contains("deadline")) << none.body;
}

}  // namespace
}  // namespace qc::test
