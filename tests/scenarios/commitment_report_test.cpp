// The activity office's yearly figures (GET /api/v1/reports/commitment) match the cases
// walked here through the API, nationally, by province, by organiser, and as CSV.
#include "commitment_fixture.hpp"

namespace qc::test {
namespace {

class ReportScenario : public CommitmentScenario {
 protected:
  json::object report(HttpClient& c, const std::string& year) {
    auto r = c.get("/api/v1/reports/commitment?year=" + year);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().as_object();
  }
  static const json::object* item(const json::object& rep, const char* list, const char* key,
                                  const std::string& value) {
    for (const auto& i : rep.at(list).as_array())
      if (text_of(i.at(key)) == value) return &i.as_object();
    return nullptr;
  }
  static int64_t n(const json::object& o, const char* key) { return o.at(key).as_int64(); }
};

TEST_F(ReportScenario, YearlyCountsMatchTheCases) {
  file_plan("organizer-js", association);
  listed("ent-nj", nanjing);
  listed("ent-qh", qinhuai);

  // 1 June: a complaint about a listed enterprise, delisted on 4 June (3 days).
  ASSERT_EQ(complain(nanjing).status, 201);
  auto inbox = as("office").get("/api/v1/complaints?enterprise=" + nanjing);
  const int64_t id = inbox.json().at("items").at(0).at("case_id").as_int64();
  ASSERT_EQ(stage_of(step("organizer-js", id, "request_explanation")), "explanation");
  ASSERT_EQ(advance_days(3).status, 200);
  ASSERT_EQ(stage_of(step("ent-nj", id, "explain", {{"explanation", "无"}})), "judgment");
  ASSERT_EQ(stage_of(step(
                "organizer-js", id, "delist",
                {{"breach", true}, {"nature", "恶劣"}, {"impact", "严重"}, {"opinion", "除名"}})),
            "delisted");

  // 4 June: one about an unlisted Beijing enterprise, closed in the inbox on 9 June (5 days).
  auto bj = complain(beijing);
  ASSERT_EQ(bj.status, 201);
  ASSERT_EQ(advance_days(5).status, 200);
  ASSERT_EQ(
      as("office")
          .post("/api/v1/complaints/" + std::to_string(bj.json().at("id").as_int64()) + "/close",
                json::object{{"reason", "非承诺企业"}})
          .status,
      200);
  // 9 June: one still under investigation.
  ASSERT_EQ(text_of(complain(qinhuai).json().at("status")), "routed");

  auto rep = report(as("office"), "2026");
  EXPECT_EQ(rep.at("year").as_int64(), 2026);
  EXPECT_EQ(n(rep, "listed"), 2);
  EXPECT_EQ(n(rep, "delisted"), 1);
  EXPECT_EQ(n(rep, "complaints_received"), 3);
  EXPECT_EQ(n(rep, "complaints_closed"), 2);
  EXPECT_EQ(n(rep, "close_days_median"), 3);
  EXPECT_EQ(n(rep, "close_days_p90"), 5);

  const auto* js = item(rep, "by_region", "region", "320000");
  ASSERT_NE(js, nullptr) << json::serialize(rep);
  EXPECT_EQ(n(*js, "listed"), 2);
  EXPECT_EQ(n(*js, "delisted"), 1);
  EXPECT_EQ(n(*js, "complaints_received"), 2);
  EXPECT_EQ(n(*js, "complaints_closed"), 1);
  const auto* bjr = item(rep, "by_region", "region", "110000");
  ASSERT_NE(bjr, nullptr);
  EXPECT_EQ(n(*bjr, "listed"), 0);
  EXPECT_EQ(n(*bjr, "complaints_closed"), 1);
  EXPECT_EQ(n(*bjr, "close_days_median"), 5);
  ASSERT_EQ(rep.at("by_organizer").as_array().size(), 1u);
  const auto* org = item(rep, "by_organizer", "organizer", association);
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(n(*org, "listed"), 2);
  EXPECT_EQ(n(*org, "delisted"), 1);
  EXPECT_EQ(n(*org, "complaints_received"), 2);

  // Another year counts nothing; an organiser sees its own jurisdiction only.
  auto before = report(as("office"), "2025");
  EXPECT_EQ(n(before, "listed"), 0);
  EXPECT_EQ(n(before, "complaints_received"), 0);
  EXPECT_TRUE(before.at("close_days_median").is_null());
  EXPECT_TRUE(before.at("by_region").as_array().empty());
  auto bj_view = report(as("organizer-bj"), "2026");
  EXPECT_EQ(n(bj_view, "listed"), 0);
  EXPECT_EQ(n(bj_view, "complaints_received"), 1);

  auto csv = as("office").get("/api/v1/reports/commitment?year=2026&format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_TRUE(has_text(csv.header("content-disposition"), "commitment-report-2026.csv"));
  EXPECT_TRUE(has_text(csv.body,
                       "scope,code,name,listed,delisted,complaints_received,"
                       "complaints_closed,close_days_median,close_days_p90\n"));
  EXPECT_TRUE(has_text(csv.body, "\ntotal,000000,,2,1,3,2,3,5\n")) << csv.body;
  EXPECT_TRUE(has_text(csv.body, "\nregion,320000,,2,1,2,1,3,3\n")) << csv.body;
  EXPECT_TRUE(has_text(csv.body, "\norganizer," + association + ",")) << csv.body;

  EXPECT_EQ(as("ent-nj").get("/api/v1/reports/commitment?year=2026").status, 403);
  auto bad = as("office").get("/api/v1/reports/commitment?year=abc");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(text_of(bad.json().at("error").at("field")), "year");
}

}  // namespace
}  // namespace qc::test
