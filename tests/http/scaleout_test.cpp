// Several stateless servers on one PostgreSQL database (docs/deployment.md): sessions work
// on every server, the rev check holds across servers (of two concurrent transitions on
// one rev, whichever servers they hit, exactly one wins), and each timer fires once though
// every server's worker polls for it. Runs where QCREDIT_TEST_PG names a database.
#include <gtest/gtest.h>

#include <barrier>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "core/hash.hpp"
#include "store/backends.hpp"
#include "support/api_fixture.hpp"
#include "support/temp_dir.hpp"

namespace qc::test {
namespace {

namespace fs = std::filesystem;

class ScaleOut : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* pg = std::getenv("QCREDIT_TEST_PG");
    if (!pg || !*pg) GTEST_SKIP() << "QCREDIT_TEST_PG is not set";
    base_ = pg;
    schema_ = "qc_scale_" + random_hex(6);
    *session(base_) << "CREATE SCHEMA " + schema_;  // an identifier made here, not input
    url_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_ + "%20-cclient_min_messages%3Dwarning";
    fs::copy(fs::path(QC_SOURCE_DIR) / "tests/http/fixtures/scaleout", workflows.path(),
             fs::copy_options::recursive);
    const std::vector<std::string> args{"--db", url_, "--simulated-clock", "--workflows",
                                        workflows.str()};
    a = std::make_unique<ServerProcess>(args);
    b = std::make_unique<ServerProcess>(args);
    auto admin = login(*a, "admin", ServerProcess::kAdminPassword);
    admin->post("/api/v1/admin/clock", json::object{{"set", "2026-03-02T02:00:00Z"}});
    ASSERT_EQ(admin
                  ->post("/api/v1/enterprises", json::object{{"uscc", uscc},
                                                             {"name", "分布式测试企业"},
                                                             {"region", "110108"},
                                                             {"established_on", "2015-01-01"}})
                  .status,
              201);
    ASSERT_EQ(admin
                  ->post("/api/v1/users",
                         json::object{{"username", "samr-1"},
                                      {"password", kPassword},
                                      {"display_name", "市场监管"},
                                      {"grants", json::array{json::object{{"role", "samr"},
                                                                          {"region", "000000"}}}}})
                  .status,
              201);
  }

  void TearDown() override {
    a.reset();
    b.reset();
    if (!schema_.empty()) *session(base_) << "DROP SCHEMA " + schema_ + " CASCADE";
  }

  static std::unique_ptr<store::Connection> session(const std::string& url) {
    std::string why;
    auto conninfo = store::pg_conninfo(url, why);
    if (!conninfo) throw std::runtime_error(why);
    return store::open_postgresql(*conninfo);
  }

  static std::unique_ptr<HttpClient> login(ServerProcess& s, const std::string& user,
                                           const std::string& password = kPassword) {
    auto c = std::make_unique<HttpClient>(s.port());
    auto r = c->post("/api/v1/session", json::object{{"username", user}, {"password", password}});
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status == 200) c->set_token(std::string(r.json().at("token").as_string()));
    return c;
  }

  int64_t open_case(HttpClient& c) {
    auto r = c.post("/api/v1/cases", json::object{{"procedure", "test.deadline"},
                                                  {"enterprise", uscc},
                                                  {"data", json::object{}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json().at("id").as_int64() : 0;
  }

  std::string base_, schema_, url_;
  TempDir workflows;
  std::unique_ptr<ServerProcess> a, b;
  std::string uscc = make_uscc("110108", "MA1DTPG01");
};

TEST_F(ScaleOut, ASessionOpenedOnOneServerWorksOnTheOther) {
  auto on_a = login(*a, "samr-1");
  const auto token = on_a->token();
  HttpClient on_b(b->port());
  on_b.set_token(token);
  auto me = on_b.get("/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("username"), "samr-1");
  EXPECT_EQ(on_b.del("/api/v1/session").status, 200);
  EXPECT_EQ(on_a->get("/api/v1/me").status, 401)
      << "a logout on one server ends the session on all";
}

TEST_F(ScaleOut, OfTwoTransitionsOnOneRevSentToDifferentServersExactlyOneWins) {
  auto on_a = login(*a, "samr-1");
  auto on_b = login(*b, "samr-1");
  for (int round = 0; round < 10; ++round) {
    const int64_t id = open_case(*on_a);
    const std::string path = "/api/v1/cases/" + std::to_string(id) + "/actions/close";
    std::barrier start(2);
    int status_a = 0, status_b = 0;
    auto send = [&](HttpClient& c, int& status) {
      start.arrive_and_wait();
      status = c.post(path, json::object{{"rev", 1}}).status;
    };
    std::thread ta(send, std::ref(*on_a), std::ref(status_a));
    std::thread tb(send, std::ref(*on_b), std::ref(status_b));
    ta.join();
    tb.join();
    EXPECT_EQ((status_a == 200) + (status_b == 200), 1) << status_a << " " << status_b;
    EXPECT_EQ((status_a == 409) + (status_b == 409), 1) << status_a << " " << status_b;
    auto history = on_b->get("/api/v1/cases/" + std::to_string(id) + "/history");
    EXPECT_EQ(history.json().at("total").as_int64(), 2) << history.body;
  }
}

TEST_F(ScaleOut, EachTimerFiresOnceThoughEveryServerPollsForIt) {
  auto on_a = login(*a, "samr-1");
  std::vector<int64_t> ids;
  for (int i = 0; i < 20; ++i) ids.push_back(open_case(*on_a));
  // Server A fires what is due before it answers; server B's worker polls meanwhile.
  auto admin = login(*a, "admin", ServerProcess::kAdminPassword);
  ASSERT_EQ(admin->post("/api/v1/admin/clock", json::object{{"advance_days", 2}}).status, 200);
  auto on_b = login(*b, "samr-1");
  for (int64_t id : ids) {
    const std::string c = "/api/v1/cases/" + std::to_string(id);
    std::string stage;
    for (int tries = 0; tries < 100 && stage != "expired"; ++tries) {
      stage = std::string(on_b->get(c).json().at("stage").as_string());
      if (stage != "expired") std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(stage, "expired") << "case " << id;
    int expiries = 0;
    const auto history = on_b->get(c + "/history").json();
    for (const auto& e : history.at("items").as_array()) expiries += e.at("action") == "expire";
    EXPECT_EQ(expiries, 1) << "case " << id;
  }
  auto admin_b = login(*b, "admin", ServerProcess::kAdminPassword);
  auto again = admin_b->post("/api/v1/admin/clock", json::object{{"advance_days", 1}});
  EXPECT_EQ(again.json().at("fired").as_int64(), 0) << "nothing is left to fire";
}

}  // namespace
}  // namespace qc::test
