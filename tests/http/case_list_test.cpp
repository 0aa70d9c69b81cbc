// The case list's items (docs/api.md "Cases"): a summary of each case's data, flagged by
// data_complete, with the whole data behind `full=1` and the case read.
#include <filesystem>

#include "support/api_fixture.hpp"
#include "support/temp_dir.hpp"

namespace qc::test {
namespace {

namespace fs = std::filesystem;

class CaseListTest : public ApiFixture {
 protected:
  void SetUp() override {
    fs::copy(fs::path(QC_SOURCE_DIR) / "tests/reliability/fixtures", workflows.path(),
             fs::copy_options::recursive);
    start({"--workflows", workflows.str()});
    create_enterprise(uscc, "110108");
    create_user("samr-list", "samr", "000000");
    samr = login("samr-list", kPassword);
  }

  int64_t open(json::object data) {
    auto r = samr->post("/api/v1/cases", json::object{{"procedure", "test.counter"},
                                                      {"enterprise", uscc},
                                                      {"data", std::move(data)}});
    EXPECT_EQ(r.status, 201) << r.body.substr(0, 300);
    return id_of(r);
  }

  // The list item of case `id` from GET `target`.
  json::object item(const std::string& target, int64_t id) {
    auto r = samr->get(target);
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    const json::value body = r.json();
    for (const auto& i : body.at("items").as_array())
      if (i.at("id").as_int64() == id) return i.as_object();
    ADD_FAILURE() << "case " << id << " not in " << target;
    return {};
  }

  TempDir workflows;
  std::string uscc = make_uscc("110108", "MA1KLTT01");
  std::unique_ptr<HttpClient> samr;
};

TEST_F(CaseListTest, ItemsSummariseLargeDataAndFullGivesItAll) {
  const std::string notes(100 * 1024, 'x');
  const int64_t big = open(json::object{
      {"kind", "count"}, {"title", "短标题"}, {"tags", json::array{"a", "b"}}, {"notes", notes}});
  const int64_t small = open(json::object{{"kind", "count"}, {"title", "小"}});

  auto summary = item("/api/v1/cases?per_page=500", big);
  const auto& data = summary.at("data").as_object();
  EXPECT_FALSE(data.contains("notes")) << "a long value is left out of the list";
  EXPECT_EQ(data.at("kind"), "count");
  EXPECT_EQ(data.at("title"), "短标题");
  EXPECT_EQ(data.at("tags"), (json::array{"a", "b"})) << "a short array stays";
  EXPECT_EQ(summary.at("data_complete"), false);
  EXPECT_EQ(item("/api/v1/cases", small).at("data_complete"), true);
  EXPECT_EQ(item("/api/v1/cases", small).at("data").at("title"), "小");

  auto full = item("/api/v1/cases?full=1", big);
  EXPECT_EQ(full.at("data").at("notes").as_string(), notes);
  EXPECT_EQ(full.at("data_complete"), true);

  auto read = samr->get("/api/v1/cases/" + std::to_string(big));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("data").at("notes").as_string(), notes)
      << "the case read has the whole data";
}

TEST_F(CaseListTest, SummaryFollowsEveryWrite) {
  const int64_t id = open(json::object{{"kind", "count"}});
  EXPECT_EQ(item("/api/v1/cases", id).at("data_complete"), true);
  auto r = act(*samr, id, "step", 1, json::object{{"n", 1}, {"notes", std::string(4096, 'y')}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  auto after = item("/api/v1/cases", id);
  EXPECT_EQ(after.at("data_complete"), false);
  EXPECT_EQ(after.at("data").at("n"), 1);
  EXPECT_FALSE(after.at("data").as_object().contains("notes"));
  r = act(*samr, id, "step", rev_of(r), json::object{{"n", 2}, {"notes", "short again"}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  after = item("/api/v1/cases", id);
  EXPECT_EQ(after.at("data_complete"), true);
  EXPECT_EQ(after.at("data").at("notes"), "short again");
}

}  // namespace
}  // namespace qc::test
