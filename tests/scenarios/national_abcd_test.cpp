// The national classification as staff meet it: runs in the background over their
// jurisdiction, the internal register with its reasons, re-grading on a new record, and
// the CSV import of an archive.
#include "national_abcd_fixture.hpp"

namespace qc::test {
namespace {

TEST_F(NationalAbcdScenario, RunGradesTheJurisdictionInTheBackgroundWithReasons) {
  auto js = login("js-samr");
  auto run = run_to_end(*js);
  ASSERT_FALSE(run.empty());
  EXPECT_EQ(run.at("status"), "done");
  EXPECT_EQ(run.at("total").as_int64(), 5);  // Jiangsu's five, not the Beijing one
  EXPECT_EQ(run.at("done").as_int64(), 5);

  EXPECT_EQ(grade(result_of(*js, ent_a)), "A");
  EXPECT_EQ(grade(result_of(*js, ent_b)), "B");
  EXPECT_EQ(grade(result_of(*js, ent_d)), "D");
  EXPECT_EQ(grade(result_of(*js, ent_young)), "");
  EXPECT_EQ(result_of(*js, ent_young).at("reasons").at(0).at("criterion"), "too_young");
  EXPECT_TRUE(result_of(*js, ent_bj).is_null());

  auto c = js->get("/api/v1/classification?grade=C");
  ASSERT_EQ(c.status, 200) << c.body;
  ASSERT_EQ(c.json().at("total").as_int64(), 1);
  const json::value listed = c.json();
  const auto& item = listed.at("items").at(0);
  EXPECT_EQ(item.at("enterprise").at("uscc").as_string(), ent_c);
  EXPECT_EQ(item.at("as_of"), "2026-06-15");
  EXPECT_EQ(item.at("reasons").at(0).at("criterion"), "c2_check_fail");
  auto records = admin->get("/api/v1/enterprises/" + ent_c + "/records");
  EXPECT_EQ(item.at("reasons").at(0).at("records").at(0),
            records.json().at("items").at(0).at("id"));

  // Beijing staff see only Beijing; an as_of in the past is a what-if run: graded as of
  // that day, kept with the run, and the register is left as it was.
  auto bj = login("bj-samr");
  auto bj_run = run_to_end(*bj, "2026-01-31");
  EXPECT_EQ(bj_run.at("total").as_int64(), 1);
  EXPECT_EQ(bj_run.at("what_if"), true);
  EXPECT_EQ(bj->get("/api/v1/classification").json().at("total").as_int64(), 0);
  const int64_t what_if = bj_run.at("id").as_int64();
  EXPECT_EQ(grade(result_of(*bj, ent_bj, what_if)), "A");
  EXPECT_EQ(result_of(*bj, ent_bj, what_if).at("as_of"), "2026-01-31");
}

TEST_F(NationalAbcdScenario, OnlyStaffRunAndReadAndInputIsChecked) {
  auto ent = login("ent-a");
  EXPECT_EQ(ent->post("/api/v1/classification/runs", json::object{{"as_of", "2026-06-15"}}).status,
            403);
  EXPECT_EQ(ent->get("/api/v1/classification").status, 403);
  EXPECT_EQ(client()->get("/api/v1/classification").status, 401);
  auto js = login("js-samr");
  auto bad = js->post("/api/v1/classification/runs", json::object{{"as_of", "2026-13-01"}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json().at("error").at("field"), "as_of");
  auto region = js->post("/api/v1/classification/runs",
                         json::object{{"as_of", "2026-06-15"}, {"region", "32x"}});
  EXPECT_EQ(region.json().at("error").at("field"), "region");
  auto filter = js->get("/api/v1/classification?grade=E");
  EXPECT_EQ(filter.json().at("error").at("field"), "grade");
  EXPECT_EQ(js->get("/api/v1/classification/runs/999").status, 404);
  auto unknown = add_record(*js, ent_a, "rumour", "2026-06-01");
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(unknown.json().at("error").at("field"), "category");
}

TEST_F(NationalAbcdScenario, ANewRecordRegradesThatEnterpriseAtOnce) {
  auto js = login("js-samr");
  // Records added in SetUp already graded their enterprises, without any run.
  EXPECT_EQ(grade(result_of(*js, ent_c)), "C");
  EXPECT_TRUE(result_of(*js, ent_c).at("run_id").is_null());
  ASSERT_EQ(add_record(*js, ent_c, "spot_check_fail", "2026-06-10").status, 201);
  EXPECT_EQ(grade(result_of(*js, ent_c)), "D");  // a second failure this year
  EXPECT_EQ(result_of(*js, ent_c).at("reasons").at(0).at("criterion"), "d4_spot_check_fail_twice");
  // A good record re-grades too, and changes nothing.
  ASSERT_EQ(add_record(*js, ent_b, "award", "2026-06-01", "good").status, 201);
  EXPECT_EQ(grade(result_of(*js, ent_b)), "B");
}

TEST_F(NationalAbcdScenario, CsvImportReportsEveryRowAndKeepsNothingHalfDone) {
  auto js = login("js-samr");
  const std::string fresh = make_uscc("320102", "MA1EMPRT1");
  const std::string other = make_uscc("320102", "MA1EMPRT2");
  const std::string csv =
      "uscc,name,region,established_on,kind,category,occurred_on,source,detail\n" + fresh +
      ",导入企业,320102,2016-05-01,bad,spot_check_fail,2026-04-01,抽查,\"含,逗号\"\n" + fresh +
      ",,,,bad,inspection_fail,2026-05-01,检查,\n"
      "91320102MA1IMPRT9Z,坏码企业,320102,2016-05-01,,,,,\n" +
      other + ",半条企业,320102,2016-05-01,bad,rumour,2026-04-01,抽查,\n" +
      make_uscc("110108", "MA1EMPRT3") + ",外省企业,110108,2016-05-01,,,,,\n" + ent_a +
      ",,,,good,award,2026-04-01,表彰,\n";
  auto r = js->request("POST", "/api/v1/import", csv, {{"Content-Type", "text/csv"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto report = r.json().as_object();
  EXPECT_EQ(report.at("rows").as_int64(), 6);
  EXPECT_EQ(report.at("imported").as_int64(), 3);
  EXPECT_EQ(report.at("failed").as_int64(), 3);
  const auto& items = report.at("items").as_array();
  EXPECT_TRUE(items.at(0).at("ok").as_bool());
  EXPECT_TRUE(items.at(0).at("enterprise_created").as_bool());
  EXPECT_FALSE(items.at(1).at("enterprise_created").as_bool());
  EXPECT_EQ(items.at(2).at("error").at("code"), "invalid_uscc");
  EXPECT_EQ(items.at(2).at("error").at("field"), "uscc");
  EXPECT_EQ(items.at(3).at("error").at("field"), "category");
  EXPECT_EQ(items.at(4).at("error").at("code"), "forbidden");
  EXPECT_TRUE(items.at(5).at("ok").as_bool());
  EXPECT_EQ(items.at(3).at("line"), 5);
  // The refused row left no enterprise behind; the imported one was graded at once.
  EXPECT_EQ(admin->get("/api/v1/enterprises/" + other).status, 404);
  auto recs = admin->get("/api/v1/enterprises/" + fresh + "/records");
  EXPECT_EQ(recs.json().at("total").as_int64(), 2);
  EXPECT_EQ(recs.json().at("items").at(0).at("detail"), "含,逗号");
  EXPECT_EQ(grade(result_of(*js, fresh)), "C");

  auto header =
      js->request("POST", "/api/v1/import", "uscc,colour\n", {{"Content-Type", "text/csv"}});
  ASSERT_EQ(header.status, 422) << header.body;
  EXPECT_EQ(header.json().at("error").at("field"), "colour");
  EXPECT_EQ(
      login("ent-a")->request("POST", "/api/v1/import", csv, {{"Content-Type", "text/csv"}}).status,
      403);
}

}  // namespace
}  // namespace qc::test
