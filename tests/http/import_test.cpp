// POST /api/v1/import as a streaming route: a body over the server's 1 MiB limit is read
// and imported as it arrives (the import limit applies instead), every row in its own
// transaction, with the report of API.md "Archive import". Other routes keep their limit.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "support/api_fixture.hpp"

namespace qc::test {
namespace {

constexpr const char* kHeader =
    "uscc,name,region,established_on,kind,category,occurred_on,source,detail\n";

class ImportTest : public ApiFixture {
 protected:
  void SetUp() override {
    start({"--simulated-clock", "--import-limit", "4M"});
    auto r = admin->post("/api/v1/admin/clock", json::object{{"set", "2026-06-15T02:00:00Z"}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  HttpResult import(HttpClient& c, const std::string& csv) {
    return c.request("POST", "/api/v1/import", csv, {{"Content-Type", "text/csv"}});
  }

  int64_t total_records(const std::string& uscc) {
    auto r = admin->get("/api/v1/enterprises/" + uscc + "/records");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json().at("total").as_int64() : -1;
  }
};

TEST_F(ImportTest, AnArchiveLargerThanTheBodyLimitIsImportedRowByRow) {
  // 20 enterprises registered by their first rows, then records for them, padded so the
  // text is well over 1 MiB; every 400th row names an unknown category.
  std::vector<std::string> usccs;
  for (int i = 0; i < 20; ++i)
    usccs.push_back(make_uscc("320102", "MA1QMP" + std::to_string(100 + i)));
  const std::string padding(250, 'x');
  std::string csv = kHeader;
  int rows = 0, bad = 0;
  std::map<std::string, int64_t> good_records;
  for (const auto& u : usccs) {
    csv += u + ",导入企业" + u.substr(14) + ",320102,2016-05-01,,,,,\n";
    ++rows;
  }
  // A row that would register an enterprise and add a bad record: neither happens.
  const std::string half = make_uscc("320102", "MA1QMPHLF");
  csv += half + ",半条企业,320102,2016-05-01,bad,rumour,2026-04-01,抽查,\n";
  const int half_row = ++rows;
  ++bad;
  std::vector<int> bad_rows;
  for (int i = 0; rows < 5200; ++i) {
    const std::string& u = usccs[static_cast<size_t>(i) % usccs.size()];
    ++rows;
    if (rows % 400 == 0) {
      csv += u + ",,,,good,made_up,2026-01-01,表彰," + padding + "\n";
      bad_rows.push_back(rows);
      ++bad;
    } else {
      csv +=
          u + ",,,,good,award,2026-01-01,表彰,\"第" + std::to_string(i) + "号," + padding + "\"\n";
      ++good_records[u];
    }
  }
  ASSERT_GT(csv.size(), size_t{1} << 20);
  ASSERT_LT(csv.size(), size_t{4} << 20);

  HttpClient& c = *admin;
  c.set_timeout(std::chrono::minutes(5));
  const auto began = std::chrono::steady_clock::now();
  auto r = import(c, csv);
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  std::printf("imported %d rows (%zu bytes) in %.1f s: %.0f rows/s\n", rows, csv.size(), secs,
              rows / secs);
  const json::value report = r.json();
  EXPECT_EQ(report.at("rows").as_int64(), rows);
  EXPECT_EQ(report.at("failed").as_int64(), bad);
  EXPECT_EQ(report.at("imported").as_int64(), rows - bad);
  EXPECT_TRUE(report.at("items_complete").as_bool());
  const auto& items = report.at("items").as_array();
  ASSERT_EQ(items.size(), static_cast<size_t>(rows));  // a small import lists every row
  const auto& h = items.at(static_cast<size_t>(half_row) - 1);
  EXPECT_FALSE(h.at("ok").as_bool());
  EXPECT_EQ(h.at("error").at("field"), "category");
  for (int row : bad_rows) {
    const auto& item = items.at(static_cast<size_t>(row) - 1);
    EXPECT_EQ(item.at("row").as_int64(), row);
    EXPECT_EQ(item.at("line").as_int64(), row + 1);  // the header is line 1
    EXPECT_FALSE(item.at("ok").as_bool());
    EXPECT_EQ(item.at("error").at("field"), "category") << row;
  }
  // Every good row is in; the refused row left no enterprise behind.
  for (const auto& [u, n] : good_records) EXPECT_EQ(total_records(u), n) << u;
  EXPECT_EQ(admin->get("/api/v1/enterprises/" + half).status, 404);

  // The connection is still good for the next request.
  EXPECT_EQ(c.get("/api/v1/me").status, 200);
}

TEST_F(ImportTest, PastTenThousandRowsTheReportListsOnlyTheRefusedOnes) {
  const std::string u = make_uscc("320102", "MA1QMPBAG");
  std::string csv = kHeader;
  csv += u + ",大档案企业,320102,2016-05-01,,,,,\n";
  int rows = 1;
  const std::vector<int> refused{9'999, 10'001, 10'250};
  while (rows < 10'300) {
    ++rows;
    const bool bad = std::find(refused.begin(), refused.end(), rows) != refused.end();
    csv += u + ",,,,good," + (bad ? "made_up" : "award") + ",2026-01-01,表彰,\n";
  }
  HttpClient& c = *admin;
  c.set_timeout(std::chrono::minutes(5));
  auto r = import(c, csv);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  const json::value report = r.json();
  EXPECT_EQ(report.at("rows").as_int64(), rows);
  EXPECT_EQ(report.at("failed").as_int64(), 3);
  EXPECT_EQ(report.at("imported").as_int64(), rows - 3);
  EXPECT_FALSE(report.at("items_complete").as_bool());
  // Every row up to 10,000 (the refused 9,999th among them), then only the refused ones.
  const auto& items = report.at("items").as_array();
  ASSERT_EQ(items.size(), size_t{10'002});
  EXPECT_EQ(items.at(9'998).at("row").as_int64(), 9'999);
  EXPECT_FALSE(items.at(9'998).at("ok").as_bool());
  EXPECT_EQ(items.at(9'999).at("row").as_int64(), 10'000);
  EXPECT_TRUE(items.at(9'999).at("ok").as_bool());
  for (size_t i : {size_t{10'000}, size_t{10'001}}) {
    const auto& item = items.at(i);
    EXPECT_FALSE(item.at("ok").as_bool());
    EXPECT_EQ(item.at("line").as_int64(), item.at("row").as_int64() + 1);
    EXPECT_EQ(item.at("error").at("field"), "category");
  }
  EXPECT_EQ(items.at(10'000).at("row").as_int64(), 10'001);
  EXPECT_EQ(items.at(10'001).at("row").as_int64(), 10'250);
  EXPECT_EQ(total_records(u), rows - 1 - 3);  // the first row only registered it
}

TEST_F(ImportTest, OtherRoutesKeepTheOneMebibyteLimit) {
  auto big = admin->request("POST", "/api/v1/enterprises", std::string((1 << 20) + 10, ' '));
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(error_code(big), "too_large");
  // The import has its own limit (here 4M).
  std::string csv = kHeader;
  while (csv.size() <= (size_t{4} << 20)) csv += std::string(1000, ' ') + "\n";
  auto over = import(*admin, csv);
  EXPECT_EQ(over.status, 413) << over.body.substr(0, 500);
}

TEST_F(ImportTest, TheCallerIsCheckedBeforeTheBodyIsRead) {
  create_user("drc-user", "drc", "320000");  // staff, but not market regulation
  std::string csv = kHeader;
  while (csv.size() < (size_t{2} << 20)) csv += std::string(999, ' ') + "\n";
  auto r = import(*login("drc-user"), csv);
  EXPECT_EQ(r.status, 403) << r.body;
  auto anon = import(*client(), csv);
  EXPECT_EQ(anon.status, 401) << anon.body;
}

// A chunked upload (no Content-Length) is read the same way, piece by piece.
TEST_F(ImportTest, AChunkedUploadIsImportedAsItArrives) {
  const std::string u = make_uscc("320102", "MA1QMPCHK");
  const std::string text = std::string(kHeader) + u + ",分块企业,320102,2016-05-01,,,,,\n" + u +
                           ",,,,bad,spot_check_fail,2026-04-01,抽查,\"分块,上传\"\n";
  RawConnection raw(server->port());
  ASSERT_TRUE(raw.send("POST /api/v1/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                       admin->token() +
                       "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"));
  for (size_t at = 0; at < text.size(); at += 7) {
    const std::string piece = text.substr(at, 7);
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    ASSERT_TRUE(raw.send(size + piece + "\r\n"));
    if (at % 49 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(raw.send("0\r\n\r\n"));
  const std::string response = raw.read_response();
  ASSERT_NE(response.find("HTTP/1.1 200"), std::string::npos) << response;
  EXPECT_NE(response.find("\"imported\":2"), std::string::npos) << response;
  EXPECT_EQ(total_records(u), 1);
  auto recs = admin->get("/api/v1/enterprises/" + u + "/records");
  EXPECT_EQ(recs.json().at("items").at(0).at("detail"), "分块,上传");
}

}  // namespace
}  // namespace qc::test
