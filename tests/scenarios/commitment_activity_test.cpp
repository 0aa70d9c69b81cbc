// 质量信誉承诺活动 (workflows/national/commitment_activity.lua) through the HTTP API: the
// work plan gates the listing, the letter's six points, the organiser's own enterprises.
#include <fstream>
#include <sstream>

#include "commitment_fixture.hpp"

namespace qc::test {
namespace {

using ActivityScenario = CommitmentScenario;

TEST_F(ActivityScenario, FiledPlanLetsTheOrganiserListAndTheListingIsPublic) {
  file_plan("organizer-js", association);
  const int64_t id = apply("ent-nj", nanjing);
  EXPECT_FALSE(publicly_listed(nanjing));
  auto accepted = step("organizer-js", id, "accept", {{"review_opinion", "符合参加条件"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(stage_of(accepted), "listed");
  EXPECT_EQ(text_of(accepted.json().at("status")), "closed");
  EXPECT_EQ(text_of(accepted.json().at("data").at("organizer")), association);
  EXPECT_EQ(text_of(accepted.json().at("data").at("listed_on")), "2026-06-01");

  auto items = listings(nanjing);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(text_of(items[0].at("status")), "listed");
  EXPECT_EQ(text_of(items[0].at("since")), "2026-06-01");
  EXPECT_EQ(items[0].at("case_id").as_int64(), id);
  EXPECT_TRUE(publicly_listed(nanjing));

  // The commitment letter is published: a document of the case and a public announcement.
  auto letter =
      as("ent-nj").get("/api/v1/cases/" + std::to_string(id) + "/documents/commitment_letter");
  ASSERT_EQ(letter.status, 200) << letter.body;
  EXPECT_TRUE(has_text(letter.body, "质量信誉承诺书"));
  EXPECT_TRUE(has_text(letter.body, "法定代表人：张三"));
  EXPECT_TRUE(has_text(letter.body, "对承担产品全生命周期质量责任的承诺"));
  bool announced = false;
  for (const auto& a : announcements("listed"))
    announced = announced || text_of(a.at("enterprise").at("uscc")) == nanjing;
  EXPECT_TRUE(announced);

  // Listed once: a second application is refused when opened.
  auto again = as("ent-nj").post(
      "/api/v1/cases",
      json::object{{"procedure", kActivity}, {"enterprise", nanjing}, {"data", json::object{}}});
  EXPECT_EQ(again.status, 422) << again.body;
  EXPECT_EQ(error_code(again), "guard_failed");
}

TEST_F(ActivityScenario, WithoutAFiledPlanTheOrganiserCannotList) {
  const int64_t id = apply("ent-nj", nanjing);
  auto refused = step("organizer-js", id, "accept");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(error_code(refused), "guard_failed");
  EXPECT_TRUE(has_text(refused.body, "备案")) << refused.body;
  EXPECT_EQ(text_of(get_case(id).at("stage")), "organizer_review");
  EXPECT_TRUE(listings(nanjing).empty());

  // Once the plan is filed, the same application is accepted.
  file_plan("organizer-js", association);
  EXPECT_EQ(stage_of(step("organizer-js", id, "accept")), "listed");
}

TEST_F(ActivityScenario, ALetterMissingOneOfTheSixPointsIsRefusedNamingIt) {
  auto opened = as("ent-nj").post(
      "/api/v1/cases",
      json::object{{"procedure", kActivity}, {"enterprise", nanjing}, {"data", json::object{}}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);

  auto missing = step("ent-nj", id, "submit",
                      letter({"meaning", "honesty", "law", "improvement", "supervision"}));
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(error_code(missing), "guard_failed");
  const std::string message = text_of(missing.json().at("error").at("message"));
  EXPECT_TRUE(has_text(message, "lifecycle")) << message;
  EXPECT_TRUE(has_text(message, "全生命周期")) << message;
  EXPECT_TRUE(has_text(message, "366号")) << message;  // the article it rests on

  auto unsealed = letter();
  unsealed["sealed"] = false;
  auto not_sealed = step("ent-nj", id, "submit", unsealed);
  ASSERT_EQ(not_sealed.status, 422);
  EXPECT_TRUE(has_text(not_sealed.body, "sealed")) << not_sealed.body;

  auto no_rep = letter();
  no_rep.erase("legal_rep");
  auto unsigned_letter = step("ent-nj", id, "submit", no_rep);
  ASSERT_EQ(unsigned_letter.status, 422);
  EXPECT_EQ(error_code(unsigned_letter), "validation");
  EXPECT_EQ(text_of(unsigned_letter.json().at("error").at("field")), "legal_rep");

  // A refused action changes nothing.
  EXPECT_EQ(get_case(id).at("rev").as_int64(), 1);
  EXPECT_EQ(stage_of(step("ent-nj", id, "submit", letter())), "organizer_review");
}

TEST_F(ActivityScenario, AnOrganiserCannotTouchAnotherOrganisersEnterprises) {
  file_plan("organizer-js", association);
  file_plan("organizer-js2", department);
  // An invitation: the organiser opens the case, and only it may decide.
  auto invited = as("organizer-js")
                     .post("/api/v1/cases", json::object{{"procedure", kActivity},
                                                         {"enterprise", qinhuai},
                                                         {"data", json::object{}}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  const int64_t id = id_of(invited);
  EXPECT_EQ(text_of(invited.json().at("data").at("organizer")), association);
  ASSERT_EQ(stage_of(step("ent-qh", id, "submit", letter())), "organizer_review");

  auto other = step("organizer-js2", id, "accept");
  ASSERT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(error_code(other), "guard_failed");
  // Another province's organiser cannot even see the case, nor open one for the enterprise.
  EXPECT_EQ(as("organizer-bj").get("/api/v1/cases/" + std::to_string(id)).status, 404);
  EXPECT_EQ(act(as("organizer-bj"), id, "accept", rev(id)).status, 404);
  EXPECT_EQ(as("organizer-bj")
                .post("/api/v1/cases", json::object{{"procedure", kActivity},
                                                    {"enterprise", qinhuai},
                                                    {"data", json::object{}}})
                .status,
            404);
  EXPECT_EQ(stage_of(step("organizer-js", id, "accept")), "listed");
}

// The officers' documentation shows the graphs the server serves, not stale copies.
TEST_F(ActivityScenario, ProcedureDocsShowTheServedMermaidGraphs) {
  for (const std::string name : {"commitment_activity", "commitment_supervision"})
    expect_documented_graph("national_" + name, "national." + name);
}

}  // namespace
}  // namespace qc::test
