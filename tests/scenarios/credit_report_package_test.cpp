// 企业质量信用报告: typical selection (典型报告) and the yearly submission package, due on
// 30 October (通知 四（四）), through HTTP.
#include <cstdio>
#include <fstream>

#include "scenarios/credit_report_fixture.hpp"
#include "support/temp_dir.hpp"

namespace qc::test {
namespace {

// The archive's entries as "name size" lines, read back by Python's zipfile (CRC checked).
std::string zip_listing(const std::string& zip) {
  TempDir dir;
  const auto path = dir.path() / "package.zip";
  std::ofstream(path, std::ios::binary) << zip;
  const std::string cmd =
      "python3 -c 'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is "
      "None\nfor i in z.infolist(): print(i.filename, i.file_size)' " +
      path.string() + " 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

TEST_F(CreditReportScenario, ProvinceAndAssociationSelectTypicalReports) {
  auto e = login("ent-nj");
  auto published = publish_report(*e, ent);
  const int64_t id = id_of(published);
  EXPECT_TRUE(published.json().at("available_actions").as_array().empty());

  // The enterprise cannot select itself; city SAMR is not the province.
  EXPECT_EQ(act(*e, id, "select_typical", rev_of(published)).status, 403);
  auto city = login("samr-nj");
  EXPECT_EQ(
      act(*city, id, "select_typical", rev_of(published), {{"typical_reason", "内容翔实"}}).status,
      403);
  auto province = login("samr-js");
  auto no_reason = act(*province, id, "select_typical", rev_of(published));
  ASSERT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.json().at("error").at("field"), "typical_reason");
  auto selected = act(*province, id, "select_typical", rev_of(published),
                      {{"typical_reason", "质量信用记录披露完整，数据翔实"}});
  ASSERT_EQ(selected.status, 200) << selected.body;
  EXPECT_EQ(stage_of(selected), "typical");
  EXPECT_EQ(selected.json().at("data").at("typical_by"), "samr-js");

  auto pub = client()->get("/api/v1/public/reports");
  ASSERT_EQ(pub.json().at("total").as_int64(), 1) << pub.body;
  EXPECT_TRUE(pub.json().at("items").at(0).at("typical").as_bool());
  EXPECT_EQ(pub.json().at("items").at(0).at("typical_reason"), "质量信用记录披露完整，数据翔实");

  // An association acting as organiser selects too.
  auto second = publish_report(*e, ent, 2025);
  auto assoc = login("assoc-js");
  auto by_assoc = act(*assoc, id_of(second), "association_select_typical", rev_of(second),
                      {{"typical_reason", "行业标杆"}});
  ASSERT_EQ(by_assoc.status, 200) << by_assoc.body;
  EXPECT_EQ(stage_of(by_assoc), "typical");
}

TEST_F(CreditReportScenario, PackageHoldsTheYearsReportsWithManifest) {
  auto e = login("ent-nj");
  auto typical = publish_report(*e, ent, 2026);
  publish_report(*e, ent, 2025);  // another year: not in the 2026 package
  auto bj = login("ent-bj");
  publish_report(*bj, other, 2026);  // another province
  auto province = login("samr-js");
  ASSERT_EQ(act(*province, id_of(typical), "select_typical", rev_of(typical),
                {{"typical_reason", "典型"}})
                .status,
            200);
  // A draft is not in the package.
  const std::string drafter = make_uscc("320102", "301234569");
  create_enterprise(drafter, "320102");
  create_user("ent-3", "enterprise", "320102", drafter);
  ASSERT_EQ(open_report(*login("ent-3"), drafter).status, 201);

  auto zip = province->get("/api/v1/reports/package?year=2026&region=320000");
  ASSERT_EQ(zip.status, 200) << zip.body;
  EXPECT_EQ(zip.header("content-type"), "application/zip");
  EXPECT_NE(zip.header("content-disposition").find("credit-reports-320000-2026.zip"),
            std::string::npos);
  const auto listing = zip_listing(zip.body);
  EXPECT_EQ(listing.rfind("manifest.json ", 0), 0u) << listing;
  EXPECT_NE(listing.find("typical/" + ent + "-2026.html"), std::string::npos) << listing;
  EXPECT_NE(listing.find("typical/" + ent + "-2026.json"), std::string::npos) << listing;
  EXPECT_EQ(listing.find(other), std::string::npos) << listing;
  EXPECT_EQ(listing.find(drafter), std::string::npos) << listing;
  EXPECT_EQ(listing.find("-2025"), std::string::npos) << listing;

  auto m = province->get("/api/v1/reports/package/manifest?year=2026&region=320000");
  ASSERT_EQ(m.status, 200) << m.body;
  EXPECT_EQ(m.json().at("total").as_int64(), 1);
  EXPECT_EQ(m.json().at("typical").as_int64(), 1);
  EXPECT_EQ(m.json().at("due_on"), "2026-10-30");
  EXPECT_EQ(m.json().at("reports").at(0).at("uscc").as_string(), ent);

  // Jurisdiction: Beijing's report is not Jiangsu's to compile; enterprises compile nothing.
  EXPECT_EQ(province->get("/api/v1/reports/package?year=2026&region=110000").status, 403);
  EXPECT_EQ(e->get("/api/v1/reports/package?year=2026&region=320000").status, 403);
  EXPECT_EQ(client()->get("/api/v1/reports/package?year=2026&region=320000").status, 401);
  EXPECT_EQ(province->get("/api/v1/reports/package?region=320000").status, 422);
  // The association compiles its own region's package too.
  EXPECT_EQ(login("assoc-js")->get("/api/v1/reports/package?year=2026&region=320000").status, 200);
}

TEST_F(CreditReportScenario, PackageIsOnTimeUntilThirtyOctoberBeijingTime) {
  auto e = login("ent-nj");
  publish_report(*e, ent);
  auto province = login("samr-js");
  auto status = [&] {
    auto m = province->get("/api/v1/reports/package/manifest?year=2026&region=320000");
    EXPECT_EQ(m.status, 200) << m.body;
    return std::string(m.json().at("status").as_string());
  };
  set_clock("2026-10-30T15:59:59Z");  // 23:59:59 on 30 October in Beijing
  EXPECT_EQ(status(), "on_time");
  set_clock("2026-10-30T16:00:00Z");  // 00:00 on 31 October in Beijing
  EXPECT_EQ(status(), "late");
  set_clock("2026-11-15T02:00:00Z");
  EXPECT_EQ(status(), "late");
  // The 2027 package is due on 30 October 2027.
  auto next = province->get("/api/v1/reports/package/manifest?year=2027&region=320000");
  EXPECT_EQ(next.json().at("status"), "on_time");
  EXPECT_EQ(next.json().at("total").as_int64(), 0);
}

}  // namespace
}  // namespace qc::test
