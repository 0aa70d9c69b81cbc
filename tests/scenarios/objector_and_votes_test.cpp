// Who sees an objector and an expert's vote (docs/security.md "Objectors and expert
// votes", ADR 046), per kind of reader, through HTTP against the shipped Jiangsu procedure:
// - an objection's content and time are on the case for every reader; the objector's name
//   and contact only at GET /api/v1/cases/{id}/objections, for the province SAMR (who
//   decides objection_review) and admin;
// - the applicant, the organiser and the activity office see that experts voted and the
//   panel's tally, never which expert voted how; the deciding staff and the experts do.
#include "jiangsu_fixture.hpp"

namespace qc::test {
namespace {

constexpr const char* kObjector = "王五";
constexpr const char* kContact = "13700000000";
constexpr const char* kContent = "该企业2025年有未处理的质量投诉";

class ObjectorsAndVotes : public JiangsuScenario {
 protected:
  // Readers outside the cast: an organiser of the province and the national activity office.
  HttpClient& reader(const std::string& username) {
    if (username == "organizer-x" || username == "office-x") {
      if (!created_[username]) {
        create_user(username, username == "office-x" ? "activity_office" : "organizer",
                    username == "office-x" ? "000000" : "320000");
        created_[username] = true;
      }
      if (!clients_.contains(username)) clients_[username] = login(username);
      return *clients_[username];
    }
    return as(username);
  }

  int64_t notice_of(int64_t case_id) {
    for (const auto& n : items(*client(), "/api/v1/public/notices"))
      if (n.at("case_id").as_int64() == case_id) return n.at("id").as_int64();
    return 0;
  }

  static std::string path(int64_t id, const std::string& sub = "") {
    return "/api/v1/cases/" + std::to_string(id) + sub;
  }
};

TEST_F(ObjectorsAndVotes, TheObjectorIsShownOnlyToTheStaffWhoDecideTheObjection) {
  const auto uscc = add_enterprise("MA1JYK001");
  const int64_t id = id_of(open_recognition("MA1JYK001", uscc, "A"));
  a_to_notice("MA1JYK001", id);
  const int64_t notice = notice_of(id);
  ASSERT_NE(notice, 0);
  auto filed = client()->post(
      "/api/v1/public/notices/" + std::to_string(notice) + "/objections",
      json::object{{"name", kObjector}, {"contact", kContact}, {"content", kContent}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_FALSE(contains(filed.body, kObjector));

  // Every reader of the case sees what was objected and when, and nobody the objector:
  // not in the case, its history or the case list.
  for (const char* who : {"ent-MA1JYK001", "expert1", "organizer-x", "office-x", "xw-samr",
                          "nj-samr", "js-drc", "js-samr"}) {
    HttpClient& c = reader(who);
    auto got = c.get(path(id));
    ASSERT_EQ(got.status, 200) << who << ": " << got.body;
    const json::value body = got.json();
    const auto& objection = body.at("data").at("objection");
    EXPECT_EQ(str(objection.at("content")), kContent) << who;
    EXPECT_TRUE(objection.as_object().contains("at")) << who;
    for (const auto& r :
         {got, c.get(path(id, "/history")), c.get("/api/v1/cases?enterprise=" + uscc)}) {
      ASSERT_EQ(r.status, 200) << who << ": " << r.body;
      EXPECT_FALSE(contains(r.body, kObjector)) << who << ": " << r.body;
      EXPECT_FALSE(contains(r.body, kContact)) << who << ": " << r.body;
    }
  }

  // The identity: the province SAMR decides objection_review (uphold, dismiss,
  // false_materials), so it and admin see it; every other reader is refused.
  for (const char* who :
       {"ent-MA1JYK001", "expert1", "organizer-x", "office-x", "xw-samr", "nj-samr", "js-drc"}) {
    auto r = reader(who).get(path(id, "/objections"));
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
    EXPECT_FALSE(contains(r.body, kObjector)) << who;
  }
  EXPECT_EQ(client()->get(path(id, "/objections")).status, 401) << "the public";
  for (HttpClient* c : {&as("js-samr"), admin.get()}) {
    auto r = c->get(path(id, "/objections"));
    ASSERT_EQ(r.status, 200) << r.body;
    const json::value body = r.json();
    ASSERT_EQ(body.at("total").as_int64(), 1);
    const auto& o = body.at("items").at(0);
    EXPECT_EQ(str(o.at("name")), kObjector);
    EXPECT_EQ(str(o.at("contact")), kContact);
    EXPECT_EQ(str(o.at("content")), kContent);
    EXPECT_EQ(o.at("notice_id").as_int64(), notice);
  }
  // The decision stays where it was: the province SAMR dismisses it.
  auto dismissed = step("js-samr", id, "dismiss");
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_FALSE(contains(dismissed.body, kObjector));
}

TEST_F(ObjectorsAndVotes, TheApplicantSeesThePanelsTallyNotEachExpertsVote) {
  const auto uscc = add_enterprise("MA1JYK002", "320102", "2010-05-01");
  const int64_t id =
      id_of(open_recognition("MA1JYK002", uscc, "AA", {{"revenue_by_year", rising_revenue()}}));
  Walk walk{{"ent-MA1JYK002", "submit"}};
  for (auto& s : local_reviews()) walk.push_back(s);
  steps(id, walk);
  ASSERT_EQ(stage_of(get_case(id)), "expert_review");
  ASSERT_EQ(step("expert1", id, "vote", {{"vote", "pass"}}).status, 200);
  ASSERT_EQ(step("expert2", id, "vote", {{"vote", "fail"}}).status, 200);
  ASSERT_EQ(step("expert3", id, "vote", {{"vote", "pass"}}).status, 200);
  ASSERT_EQ(step("expert4", id, "vote", {{"vote", "pass"}}).status, 200);
  ASSERT_EQ(stage_of(get_case(id)), "credit_review");

  // Outside the deciding roles: four ballots by "expert", no vote, and the tally 3 : 1.
  for (const char* who : {"ent-MA1JYK002", "organizer-x", "office-x"}) {
    auto h = reader(who).get(path(id, "/history?per_page=500"));
    ASSERT_EQ(h.status, 200) << who << ": " << h.body;
    int ballots = 0;
    bool tally = false;
    const json::value body = h.json();
    for (const auto& e : body.at("items").as_array()) {
      const auto action = str(e.at("action"));
      if (action == "vote") {
        ++ballots;
        EXPECT_EQ(str(e.at("actor")), "expert") << who;
        EXPECT_FALSE(e.at("data").as_object().contains("vote")) << who;
      }
      if (action == "experts_passed") {
        tally = e.at("data").at("pass").as_int64() == 3 && e.at("data").at("fail").as_int64() == 1;
      }
    }
    EXPECT_EQ(ballots, 4) << who;
    EXPECT_TRUE(tally) << who << ": " << h.body;
    for (const char* expert : {"expert1", "expert2", "expert3", "expert4"})
      EXPECT_FALSE(contains(h.body, expert)) << who << " sees " << expert;
  }

  // The deciding roles (samr, drc, expert) see each ballot.
  for (const char* who : {"js-samr", "xw-drc", "expert5"}) {
    auto h = as(who).get(path(id, "/history?per_page=500"));
    ASSERT_EQ(h.status, 200) << who << ": " << h.body;
    std::map<std::string, std::string> ballots;
    const json::value body = h.json();
    for (const auto& e : body.at("items").as_array())
      if (str(e.at("action")) == "vote") ballots[str(e.at("actor"))] = str(e.at("data").at("vote"));
    EXPECT_EQ(
        ballots,
        (std::map<std::string, std::string>{
            {"expert1", "pass"}, {"expert2", "fail"}, {"expert3", "pass"}, {"expert4", "pass"}}))
        << who;
  }
}

}  // namespace
}  // namespace qc::test
