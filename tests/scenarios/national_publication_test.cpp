// The two publication procedures of the national classification (national.a_publication,
// national.d_recheck), the withdrawal of a published A or D on a re-grade, and the rule
// that B and C never appear on any public endpoint.
#include <fstream>
#include <sstream>

#include "national_abcd_fixture.hpp"

namespace qc::test {
namespace {

class PublicationScenario : public NationalAbcdScenario {
 protected:
  HttpResult open(HttpClient& c, const std::string& procedure, const std::string& uscc,
                  json::object data = {}) {
    return c.post(
        "/api/v1/cases",
        json::object{{"procedure", procedure}, {"enterprise", uscc}, {"data", std::move(data)}});
  }

  // ent_a applies and the province approves, with the inspection body's opinion.
  void publish_a() {
    auto ent = login("ent-a");
    auto opened = open(*ent, "national.a_publication", ent_a, {{"statement", "自愿申请公示"}});
    ASSERT_EQ(opened.status, 201) << opened.body;
    const int64_t id = id_of(opened);
    auto submitted = act(*ent, id, "submit", rev_of(opened));
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    auto js = login("js-samr");
    // Whether the products need supervised inspection is the province's finding.
    auto early = act(*js, id, "approve", rev_of(submitted),
                     {{"evaluation_opinion", "符合"}, {"needs_supervised_inspection", true}});
    ASSERT_EQ(early.status, 422) << early.body;
    EXPECT_EQ(error_code(early), "guard_failed");  // the inspection body has not spoken
    auto asked = act(*js, id, "request_opinion", rev_of(submitted));
    ASSERT_EQ(asked.status, 200) << asked.body;
    auto opinion = act(*login("inspector"), id, "give_opinion", rev_of(asked),
                       {{"inspection_opinion", "监督检验合格率100%"}});
    ASSERT_EQ(opinion.status, 200) << opinion.body;
    auto approved = act(*js, id, "approve", rev_of(opinion), {{"evaluation_opinion", "符合A级"}});
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(stage_of(approved), "published");
  }

  // ent_d is rechecked, states its case, and the province confirms.
  void blacklist_d() {
    auto js = login("js-samr");
    auto opened = open(*js, "national.d_recheck", ent_d, {{"facts", "故意生产假冒产品"}});
    ASSERT_EQ(opened.status, 201) << opened.body;
    const int64_t id = id_of(opened);
    auto notified = act(*js, id, "notify", rev_of(opened));
    ASSERT_EQ(notified.status, 200) << notified.body;
    auto stated = act(*login("ent-d"), id, "state", rev_of(notified), {{"statement", "已整改"}});
    ASSERT_EQ(stated.status, 200) << stated.body;
    EXPECT_EQ(stage_of(stated), "decision");
    auto confirmed = act(*js, id, "confirm", rev_of(stated), {{"recheck_findings", "事实属实"}});
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(stage_of(confirmed), "blacklisted");
  }
};

TEST_F(PublicationScenario, AnAEnterpriseIsPublishedAfterApplicationAndEvaluation) {
  EXPECT_TRUE(public_usccs("/api/v1/public/grades?family=national.abcd").empty());
  publish_a();
  auto listed = public_usccs("/api/v1/public/grades?family=national.abcd");
  ASSERT_EQ(listed, std::vector<std::string>{ent_a});
  auto g = client()->get("/api/v1/public/grades?family=national.abcd");
  EXPECT_EQ(g.json().at("items").at(0).at("grade"), "A");

  // Only an enterprise graded A may apply.
  auto b = open(*login("ent-b"), "national.a_publication", ent_b);
  ASSERT_EQ(b.status, 422) << b.body;
  EXPECT_EQ(error_code(b), "guard_failed");
  EXPECT_NE(b.body.find("A级"), std::string::npos);
}

TEST_F(PublicationScenario, AReGradeWithdrawsThePublishedA) {
  publish_a();
  ASSERT_EQ(add_record(*admin, ent_a, "inspection_fail", "2026-06-14").status, 201);
  EXPECT_TRUE(public_usccs("/api/v1/public/grades?family=national.abcd").empty());
  auto revoked = client()->get("/api/v1/public/announcements?kind=grade_revoked");
  ASSERT_EQ(revoked.json().at("total").as_int64(), 1) << revoked.body;
  EXPECT_EQ(revoked.json().at("items").at(0).at("enterprise").at("uscc").as_string(), ent_a);
  auto grants = admin->get("/api/v1/enterprises/" + ent_a + "/grants");
  EXPECT_EQ(grants.json().at("items").at(0).at("status"), "revoked");
}

TEST_F(PublicationScenario, DIsBlacklistedOnlyAfterRecheckAndWithdrawnByAReGrade) {
  EXPECT_TRUE(public_usccs("/api/v1/public/blacklist").empty());
  // Only a D enterprise is rechecked.
  auto c = open(*login("js-samr"), "national.d_recheck", ent_c, {{"facts", "抽查不合格"}});
  ASSERT_EQ(c.status, 422) << c.body;
  EXPECT_EQ(error_code(c), "guard_failed");

  blacklist_d();
  EXPECT_EQ(public_usccs("/api/v1/public/blacklist"), std::vector<std::string>{ent_d});
  // D is public as a blacklist entry only, not as a grade.
  EXPECT_TRUE(public_usccs("/api/v1/public/grades?family=national.abcd").empty());

  // Three years on the counterfeit is outside every window: the next record re-grades the
  // enterprise and the blacklist entry is withdrawn.
  set_clock("2029-02-02T02:00:00Z");
  ASSERT_EQ(add_record(*admin, ent_d, "certification", "2029-01-15", "good").status, 201);
  EXPECT_TRUE(public_usccs("/api/v1/public/blacklist").empty());
  auto withdrawn = client()->get("/api/v1/public/announcements?kind=blacklist_withdrawn");
  EXPECT_EQ(withdrawn.json().at("total").as_int64(), 1) << withdrawn.body;
}

TEST_F(PublicationScenario, ARecheckThatDoesNotConfirmPublishesNothing) {
  auto js = login("js-samr");
  auto opened = open(*js, "national.d_recheck", ent_d, {{"facts", "假冒"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  auto notified = act(*js, id, "notify", rev_of(opened));
  ASSERT_EQ(notified.status, 200) << notified.body;
  // The enterprise says nothing: the statement window passes (10 working days).
  ASSERT_EQ(advance_days(20).status, 200);
  std::string stage;
  int64_t rev = 0;
  for (int i = 0; i < 200 && stage != "decision"; ++i) {
    auto c = js->get("/api/v1/cases/" + std::to_string(id));
    stage = stage_of(c);
    rev = rev_of(c);
    if (stage != "decision") std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(stage, "decision");
  auto missing = act(*js, id, "not_confirm", rev);
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(missing.json().at("error").at("field"), "correction");
  // The records found untrue must be records of this enterprise that still count.
  auto recs = admin->get("/api/v1/enterprises/" + ent_d + "/records");
  const int64_t counterfeit = recs.json().at("items").at(0).at("id").as_int64();
  const int64_t of_c = admin->get("/api/v1/enterprises/" + ent_c + "/records")
                           .json()
                           .at("items")
                           .at(0)
                           .at("id")
                           .as_int64();
  for (const json::value& wrong : {json::value(json::array{of_c}), json::value(json::array{"x"})}) {
    auto refused = act(*js, id, "not_confirm", rev,
                       {{"correction", "系委托加工方责任"}, {"corrected_records", wrong}});
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(error_code(refused), "guard_failed");
    EXPECT_EQ(refused.json().at("error").at("field"), "corrected_records");
  }
  ASSERT_EQ(grade(result_of(*js, ent_d)), "D");
  auto corrected =
      act(*js, id, "not_confirm", rev,
          {{"correction", "系委托加工方责任"}, {"corrected_records", json::array{counterfeit}}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(stage_of(corrected), "corrected");
  EXPECT_TRUE(public_usccs("/api/v1/public/blacklist").empty());
  auto doc = js->get("/api/v1/cases/" + std::to_string(id) + "/documents/correction_notice");
  EXPECT_EQ(doc.status, 200) << doc.body;
  // The record is kept, corrected by the case, and the enterprise re-graded at once: with
  // the counterfeit gone its archive is clean (established 2015) and it grades A.
  const json::value after = admin->get("/api/v1/enterprises/" + ent_d + "/records").json();
  const auto& rec = after.at("items").at(0);
  ASSERT_TRUE(rec.as_object().contains("corrected")) << after;
  EXPECT_EQ(rec.at("corrected").at("case_id").as_int64(), id);
  EXPECT_EQ(rec.at("corrected").at("by"), "js-samr");
  EXPECT_EQ(grade(result_of(*js, ent_d)), "A");
}

// A correction outside any procedure also re-grades: the published D behind it is withdrawn.
TEST_F(PublicationScenario, CorrectingTheRecordBehindAPublishedDWithdrawsIt) {
  blacklist_d();
  ASSERT_EQ(public_usccs("/api/v1/public/blacklist"), std::vector<std::string>{ent_d});
  auto recs = admin->get("/api/v1/enterprises/" + ent_d + "/records");
  const int64_t counterfeit = recs.json().at("items").at(0).at("id").as_int64();
  auto corrected = login("js-samr")->post(
      "/api/v1/enterprises/" + ent_d + "/records/" + std::to_string(counterfeit) + "/correction",
      json::object{{"reason", "法院判决撤销处罚"}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_TRUE(public_usccs("/api/v1/public/blacklist").empty());
  auto withdrawn = client()->get("/api/v1/public/announcements?kind=blacklist_withdrawn");
  EXPECT_EQ(withdrawn.json().at("total").as_int64(), 1) << withdrawn.body;
  auto grants = admin->get("/api/v1/enterprises/" + ent_d + "/grants");
  EXPECT_EQ(grants.json().at("items").at(0).at("status"), "revoked");
}

// Every public GET the server offers (from its own OpenAPI description), with and without
// the national family and B/C filters: no B or C enterprise and no B or C grade anywhere.
TEST_F(PublicationScenario, BAndCNeverAppearOnAnyPublicEndpoint) {
  auto js = login("js-samr");
  ASSERT_EQ(run_to_end(*js).at("status"), "done");
  publish_a();
  blacklist_d();
  ASSERT_EQ(grade(result_of(*js, ent_b)), "B");
  ASSERT_EQ(grade(result_of(*js, ent_c)), "C");

  auto spec = client()->get("/api/v1/openapi.json");
  ASSERT_EQ(spec.status, 200) << spec.body;
  std::vector<std::string> paths;
  const json::value api = spec.json();
  for (const auto& [path, ops] : api.at("paths").as_object()) {
    const std::string p(path);
    if (p.find("/public/") == std::string::npos || !ops.as_object().contains("get")) continue;
    if (p.find('{') != std::string::npos) continue;
    paths.push_back(p);
  }
  ASSERT_GE(paths.size(), 4u);  // notices, grades, listings, announcements, blacklist, …
  int scanned = 0;
  for (const auto& p : paths) {
    for (const std::string q :
         {"", "?family=national.abcd", "?family=national.abcd&grade=B",
          "?family=national.abcd&grade=C", "?grade=B", "?grade=C", "?per_page=500"}) {
      auto r = client()->get(p + q);
      if (r.status != 200) continue;
      ++scanned;
      for (const auto* u : {&ent_b, &ent_c})
        EXPECT_EQ(r.body.find(*u), std::string::npos) << p << q << " shows " << *u;
      EXPECT_EQ(r.body.find("\"grade\":\"B\""), std::string::npos) << p << q;
      EXPECT_EQ(r.body.find("\"grade\":\"C\""), std::string::npos) << p << q;
    }
  }
  EXPECT_GE(scanned, static_cast<int>(paths.size()));
  // The published ones are there, so the scan looked at real lists.
  EXPECT_EQ(public_usccs("/api/v1/public/grades?family=national.abcd"),
            std::vector<std::string>{ent_a});
  EXPECT_EQ(public_usccs("/api/v1/public/blacklist"), std::vector<std::string>{ent_d});
}

// The officers' documentation shows the graph the server serves, not a stale copy.
TEST_F(PublicationScenario, ProcedureDocsShowTheServedMermaidGraphs) {
  for (const std::string name : {"a_publication", "d_recheck"})
    expect_documented_graph("national_" + name, "national." + name);
}

}  // namespace
}  // namespace qc::test
