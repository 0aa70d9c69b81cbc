// 企业质量信用报告: compiling, the pre-submission checks and publication, through HTTP.
#include <fstream>
#include <sstream>

#include "scenarios/credit_report_fixture.hpp"

namespace qc::test {
namespace {

std::string field_of(const HttpResult& r) {
  const auto body = r.json();
  const auto* f = body.at("error").as_object().if_contains("field");
  return f ? std::string(f->as_string()) : std::string();
}
std::string message_of(const HttpResult& r) {
  return std::string(r.json().at("error").at("message").as_string());
}

TEST_F(CreditReportScenario, CompleteReportIsCheckedPrintedAndPublished) {
  auto e = login("ent-nj");
  auto opened = open_report(*e, ent);
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(stage_of(opened), "drafting");
  const int64_t id = id_of(opened);
  const auto opened_body = opened.json();
  const auto& data = opened_body.at("data");
  // The case carries the schema its editor is built from, and a default one-year period.
  EXPECT_EQ(data.at("schema").as_array().at(0).at("title"), "报告前言");
  EXPECT_EQ(data.at("period_from"), "2025-01-01");
  EXPECT_EQ(data.at("period_to"), "2025-12-31");

  auto saved = act(*e, id, "save", rev_of(opened), {{"sections", full_sections("closing")}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto submitted = act(*e, id, "submit", rev_of(saved), {{"sections", full_sections()}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(stage_of(submitted), "checked");

  // The print-ready page: A4, a contents list, the seed's headings, the table.
  auto page = e->get("/api/v1/cases/" + std::to_string(id) + "/documents/report");
  ASSERT_EQ(page.status, 200) << page.body;
  for (const char* part : {"size:A4", "<nav><h2>目录</h2>", "报告前言", "质量风险管理", "应急管理",
                           "<caption>质量信用记录</caption>", "<th>日期</th>",
                           "<td>省长质量奖</td>", "2025-01-01 至 2025-12-31"})
    EXPECT_NE(page.body.find(part), std::string::npos) << part;

  // Not public before the enterprise publishes it.
  auto before = client()->get("/api/v1/public/reports");
  EXPECT_EQ(before.json().at("total").as_int64(), 0) << before.body;
  EXPECT_EQ(client()->get("/api/v1/public/reports/" + std::to_string(id)).status, 404);

  auto published = act(*e, id, "publish", rev_of(submitted));
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(stage_of(published), "published");
  EXPECT_EQ(published.json().at("data").at("published_on"), "2026-06-01");

  auto pub = client()->get("/api/v1/public/reports/" + std::to_string(id));
  ASSERT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find("企业质量理念"), std::string::npos);
}

TEST_F(CreditReportScenario, EachMissingSectionIsRefusedByItsSeedTitle) {
  auto e = login("ent-nj");
  auto opened = open_report(*e, ent);
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  const int64_t rev = rev_of(opened);

  // A whole part missing names the part.
  auto no_preface = full_sections();
  no_preface.erase("preface");
  auto r = act(*e, id, "submit", rev, {{"sections", no_preface}});
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(error_code(r), "guard_failed");
  EXPECT_EQ(field_of(r), "sections.preface");
  EXPECT_NE(message_of(r).find("报告前言"), std::string::npos) << r.body;

  // Each section left out, or left blank, names that section.
  for (const auto& [path, title] : report_leaves()) {
    auto missing = act(*e, id, "submit", rev, {{"sections", full_sections(path)}});
    ASSERT_EQ(missing.status, 422) << path << missing.body;
    EXPECT_EQ(field_of(missing), "sections." + path);
    EXPECT_NE(message_of(missing).find(title), std::string::npos) << missing.body;
    auto blank = full_sections();
    set_path(blank, path, "   ");
    auto blank_r = act(*e, id, "submit", rev, {{"sections", blank}});
    ASSERT_EQ(blank_r.status, 422) << path;
    EXPECT_EQ(field_of(blank_r), "sections." + path);
  }
  // A refused action changes nothing.
  auto c = e->get("/api/v1/cases/" + std::to_string(id));
  EXPECT_EQ(rev_of(c), rev);
  EXPECT_EQ(stage_of(c), "drafting");
}

TEST_F(CreditReportScenario, PeriodMustBeOneYearAndFiguresEmbedded) {
  auto e = login("ent-nj");
  auto opened = open_report(*e, ent);
  const int64_t id = id_of(opened);
  auto short_period = act(*e, id, "submit", rev_of(opened),
                          {{"sections", full_sections()}, {"period_to", "2025-06-30"}});
  ASSERT_EQ(short_period.status, 422) << short_period.body;
  EXPECT_EQ(field_of(short_period), "period_to");
  EXPECT_NE(message_of(short_period).find("2025-12-31"), std::string::npos);

  auto linked = full_sections();
  set_path(
      linked, "body.philosophy",
      json::object{{"text", "质量第一"},
                   {"figures", json::array{json::object{{"src", "https://example.com/x.png"}}}}});
  auto bad_figure =
      act(*e, id, "submit", rev_of(opened), {{"sections", linked}, {"period_to", "2025-12-31"}});
  ASSERT_EQ(bad_figure.status, 422) << bad_figure.body;
  EXPECT_EQ(field_of(bad_figure), "sections.body.philosophy");

  // A fiscal year (1 July to 30 June) is one year too.
  auto fiscal = act(
      *e, id, "submit", rev_of(opened),
      {{"sections", full_sections()}, {"period_from", "2025-07-01"}, {"period_to", "2026-06-30"}});
  EXPECT_EQ(fiscal.status, 200) << fiscal.body;
}

TEST_F(CreditReportScenario, BadRecordsOfThePeriodMustBeDisclosed) {
  ASSERT_EQ(add_bad_record(ent, "spot_check_fail", "2025-03-02").status, 201);
  ASSERT_EQ(add_bad_record(ent, "claim_return", "2025-11-20").status, 201);
  ASSERT_EQ(add_bad_record(ent, "violation", "2024-12-31").status, 201);  // before the period
  auto records = admin->get("/api/v1/enterprises/" + ent + "/records");
  int64_t spot_id = 0;
  const auto records_body = records.json();
  for (const auto& rec : records_body.at("items").as_array())
    if (rec.at("category") == "spot_check_fail") spot_id = rec.at("id").as_int64();
  ASSERT_GT(spot_id, 0) << records.body;

  auto e = login("ent-nj");
  auto opened = open_report(*e, ent);
  const int64_t id = id_of(opened);
  auto r = act(*e, id, "submit", rev_of(opened), {{"sections", full_sections()}});
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(field_of(r), "sections.body.responsibility.credit_records");
  EXPECT_NE(message_of(r).find("2025-03-02 监督抽查不合格"), std::string::npos) << r.body;
  EXPECT_NE(message_of(r).find("2025-11-20"), std::string::npos) << r.body;
  EXPECT_EQ(message_of(r).find("2024-12-31"), std::string::npos) << r.body;

  // One disclosed by its id, the other by date and category: still one missing, then none.
  auto partly = act(*e, id, "submit", rev_of(opened),
                    {{"sections", full_sections()}, {"disclosed_records", json::array{spot_id}}});
  ASSERT_EQ(partly.status, 422);
  EXPECT_EQ(message_of(partly).find("2025-03-02"), std::string::npos) << partly.body;
  EXPECT_NE(message_of(partly).find("2025-11-20"), std::string::npos) << partly.body;
  auto all = act(
      *e, id, "submit", rev_of(opened),
      {{"sections", full_sections()},
       {"disclosed_records", json::array{spot_id, json::object{{"occurred_on", "2025-11-20"},
                                                               {"category", "claim_return"}}}}});
  EXPECT_EQ(all.status, 200) << all.body;
}

TEST_F(CreditReportScenario, OneReportPerYearAndOnlyTheEnterpriseWritesIt) {
  auto e = login("ent-nj");
  ASSERT_EQ(open_report(*e, ent).status, 201);
  auto twice = open_report(*e, ent);
  ASSERT_EQ(twice.status, 422) << twice.body;
  EXPECT_EQ(field_of(twice), "year");
  EXPECT_EQ(open_report(*e, ent, 2025).status, 201);
  EXPECT_EQ(open_report(*e, other).status, 404);  // not its enterprise
  auto samr = login("samr-js");
  EXPECT_EQ(open_report(*samr, ent, 2024).status, 403);
}

TEST_F(CreditReportScenario, PublicSearchByYearRegionAndName) {
  auto nj = login("ent-nj");
  auto bj = login("ent-bj");
  publish_report(*nj, ent, 2026);
  publish_report(*nj, ent, 2025);
  publish_report(*bj, other, 2026);
  auto anon = client();
  auto all = anon->get("/api/v1/public/reports");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json().at("total").as_int64(), 3);
  const auto all_body = all.json();
  const auto& first = all_body.at("items").as_array().at(0);
  EXPECT_EQ(first.at("year").as_int64(), 2026);
  EXPECT_TRUE(first.at("enterprise").as_object().contains("name"));

  EXPECT_EQ(anon->get("/api/v1/public/reports?year=2025").json().at("total").as_int64(), 1);
  auto js = anon->get("/api/v1/public/reports?region=320000&year=2026");
  ASSERT_EQ(js.json().at("total").as_int64(), 1) << js.body;
  EXPECT_EQ(js.json().at("items").at(0).at("enterprise").at("uscc").as_string(), ent);
  auto by_name = anon->get("/api/v1/public/reports?q=" + other.substr(10));
  EXPECT_EQ(by_name.json().at("total").as_int64(), 1) << by_name.body;  // name 企业<org…>
  EXPECT_EQ(anon->get("/api/v1/public/reports?region=32").status, 422);
  EXPECT_EQ(
      anon->get("/api/v1/public/reports?per_page=1&page=2").json().at("items").as_array().size(),
      1u);
}

TEST_F(CreditReportScenario, DocumentedGraphIsTheServedOne) {
  expect_documented_graph("national_credit_report", "national.credit_report");
}

}  // namespace
}  // namespace qc::test
