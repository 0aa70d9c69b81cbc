// The HTTP contract of API.md against the real server binary: auth, error statuses, races,
// idempotent retries, durability across restarts and all-or-nothing reloads.
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/temp_dir.hpp"

namespace qc::test {
namespace {

namespace fs = std::filesystem;

class ApiTest : public ApiFixture {
 protected:
  void SetUp() override {
    fs::copy(fs::path(QC_SOURCE_DIR) / "workflows", workflows.path(), fs::copy_options::recursive);
    start({"--simulated-clock", "--workflows", workflows.str()});
    create_enterprise(association, "320000");
    create_user("organizer-js", "organizer", "320000");
    create_user("office", "activity_office", "000000");
  }

  int64_t open_plan(HttpClient& c) {
    auto r = c.post("/api/v1/cases", json::object{{"procedure", "national.commitment_workplan"},
                                                  {"enterprise", association},
                                                  {"data", json::object{{"plan_title", "方案"}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return id_of(r);
  }

  TempDir workflows;
  std::string association = make_uscc("320000", "501234567");
};

TEST_F(ApiTest, LoginAndUnauthenticatedPaths) {
  auto c = client();
  auto wrong = c->post("/api/v1/session",
                       json::object{{"username", "admin"}, {"password", "nope-nope-nope"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(error_code(wrong), "unauthenticated");
  EXPECT_EQ(c->get("/api/v1/cases").status, 401);
  c->set_token("not-a-token");
  EXPECT_EQ(c->get("/api/v1/me").status, 401);

  auto me = admin->get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json().at("username"), "admin");
  EXPECT_EQ(me.body.find("password"), std::string::npos);

  EXPECT_EQ(admin->del("/api/v1/session").status, 200);
  EXPECT_EQ(admin->get("/api/v1/me").status, 401) << "logout revokes the token";
}

TEST_F(ApiTest, CookieWritesNeedCsrfToken) {
  auto c = client();
  auto login = c->post("/api/v1/session",
                       json::object{{"username", "organizer-js"}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200);
  const std::string cookie = login.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  const std::string session = cookie.substr(0, cookie.find(';'));
  const std::string csrf(login.json().at("csrf_token").as_string());
  json::object body{{"procedure", "national.commitment_workplan"},
                    {"enterprise", association},
                    {"data", json::object{{"plan_title", "方案"}}}};
  EXPECT_EQ(c->get("/api/v1/me", {{"Cookie", session}}).status, 200);
  EXPECT_EQ(c->post("/api/v1/cases", body, {{"Cookie", session}}).status, 403);
  EXPECT_EQ(c->post("/api/v1/cases", body, {{"Cookie", session}, {"X-CSRF-Token", csrf}}).status,
            201);
}

TEST_F(ApiTest, ErrorStatusesNameTheProblem) {
  EXPECT_EQ(admin->request("POST", "/api/v1/enterprises", "{not json").status, 400);
  auto bad_uscc =
      admin->post("/api/v1/enterprises", json::object{{"uscc", "91110108717809965C"},
                                                      {"name", "x"},
                                                      {"region", "110108"},
                                                      {"established_on", "2020-01-01"}});
  EXPECT_EQ(bad_uscc.status, 422);
  EXPECT_EQ(error_code(bad_uscc), "invalid_uscc");
  auto dup = admin->post("/api/v1/enterprises", json::object{{"uscc", association},
                                                             {"name", "x"},
                                                             {"region", "320000"},
                                                             {"established_on", "2020-01-01"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(error_code(dup), "already_exists");
  auto no_name =
      admin->post("/api/v1/enterprises", json::object{{"uscc", make_uscc("320000", "501234560")}});
  EXPECT_EQ(no_name.status, 422);
  EXPECT_EQ(no_name.json().at("error").at("field"), "name");

  auto rec = admin->post("/api/v1/enterprises/" + association + "/records",
                         json::object{{"kind", "bad"},
                                      {"category", "made_up"},
                                      {"occurred_on", "2026-01-01"},
                                      {"source", "x"}});
  EXPECT_EQ(rec.status, 422);
  EXPECT_EQ(rec.json().at("error").at("field"), "category");

  auto big = admin->request("POST", "/api/v1/cases", std::string(2 << 20, 'x'));
  EXPECT_EQ(big.status, 413);

  auto org = login("organizer-js");
  const int64_t id = open_plan(*org);
  EXPECT_EQ(act(*org, id, "no_such_action", 1).status, 409);
  EXPECT_EQ(error_code(act(*org, id, "no_such_action", 1)), "invalid_transition");
  EXPECT_EQ(act(*org, id, "submit", 7).status, 409);
  EXPECT_EQ(org->get("/api/v1/cases/999999").status, 404);
  EXPECT_EQ(org->get("/api/v1/enterprises?per_page=1000000000").status, 200);
}

TEST_F(ApiTest, ExactlyOneOfTwoConcurrentTransitionsWins) {
  auto org = login("organizer-js");
  for (int round = 0; round < 5; ++round) {
    const int64_t id = open_plan(*org);
    HttpResult a, b;
    auto c1 = login("organizer-js");
    auto c2 = login("organizer-js");
    std::thread t1([&] { a = act(*c1, id, "withdraw", 1); });
    std::thread t2([&] { b = act(*c2, id, "withdraw", 1); });
    t1.join();
    t2.join();
    EXPECT_EQ((a.status == 200) + (b.status == 200), 1) << a.body << " / " << b.body;
    EXPECT_EQ((a.status == 409) + (b.status == 409), 1) << a.body << " / " << b.body;
    auto history = org->get("/api/v1/cases/" + std::to_string(id) + "/history");
    EXPECT_EQ(history.json().at("total").as_int64(), 2);
  }
}

TEST_F(ApiTest, IdempotencyKeyReplaysTheFirstAnswer) {
  auto org = login("organizer-js");
  const int64_t id = open_plan(*org);
  const std::string path = "/api/v1/cases/" + std::to_string(id) + "/actions/withdraw";
  const auto body = json::serialize(act_body(1));
  auto first = org->request("POST", path, body, {{"Idempotency-Key", "k-1"}});
  ASSERT_EQ(first.status, 200) << first.body;
  auto retry = org->request("POST", path, body, {{"Idempotency-Key", "k-1"}});
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(retry.body, first.body);
  auto other =
      org->request("POST", path, json::serialize(act_body(2)), {{"Idempotency-Key", "k-1"}});
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(
      org->get("/api/v1/cases/" + std::to_string(id) + "/history").json().at("total").as_int64(),
      2);

  const std::string open_body =
      json::serialize(json::object{{"procedure", "national.commitment_workplan"},
                                   {"enterprise", association},
                                   {"data", {{"plan_title", "p"}}}});
  auto o1 = org->request("POST", "/api/v1/cases", open_body, {{"Idempotency-Key", "open-1"}});
  auto o2 = org->request("POST", "/api/v1/cases", open_body, {{"Idempotency-Key", "open-1"}});
  ASSERT_EQ(o1.status, 201) << o1.body;
  EXPECT_EQ(o2.status, 201);
  EXPECT_EQ(o1.body, o2.body);
}

TEST_F(ApiTest, AcknowledgedWritesSurviveKill9) {
  auto org = login("organizer-js");
  const int64_t id = open_plan(*org);
  ASSERT_EQ(act(*org, id, "withdraw", 1).status, 200);
  server->kill9();
  server->restart();
  auto again = login("organizer-js");
  auto c = again->get("/api/v1/cases/" + std::to_string(id));
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(stage_of(c), "withdrawn");
  EXPECT_EQ(rev_of(c), 2);
}

TEST_F(ApiTest, ReloadIsAllOrNothing) {
  const auto loaded = admin->get("/api/v1/procedures").json().at("total").as_int64();
  std::ofstream(workflows.path() / "national/broken.lua") << "return procedure { id = 'x.y' }\n";
  auto failed = admin->post("/api/v1/procedures/reload", json::object{});
  ASSERT_EQ(failed.status, 422) << failed.body;
  const auto body = failed.json();
  const auto& details = body.at("error").at("details").as_array();
  ASSERT_FALSE(details.empty());
  EXPECT_NE(std::string(details.at(0).at("file").as_string()).find("broken.lua"),
            std::string::npos);
  auto procs = admin->get("/api/v1/procedures");
  EXPECT_EQ(procs.json().at("total").as_int64(), loaded) << "the old set keeps serving";
  auto org = login("organizer-js");
  open_plan(*org);

  fs::remove(workflows.path() / "national/broken.lua");
  EXPECT_EQ(admin->post("/api/v1/procedures/reload", json::object{}).status, 200);
  EXPECT_EQ(org->post("/api/v1/procedures/reload", json::object{}).status, 403);
}

TEST_F(ApiTest, OperationsEndpoints) {
  auto c = client();
  EXPECT_EQ(c->get("/healthz").status, 200);
  EXPECT_EQ(c->get("/readyz").status, 200);
  auto metrics = c->get("/metrics");
  EXPECT_NE(metrics.body.find("qcredit_http_requests_total"), std::string::npos);
  // The store's figures are live: the pool has sessions, and SQLite has committed batches
  // (the admin's login and the setup wrote).
  EXPECT_EQ(metrics.body.find("qcredit_db_pool_connections{state=\"idle\"} 0\n"),
            std::string::npos);
  EXPECT_EQ(metrics.body.find("qcredit_db_write_batches_total 0\n"), std::string::npos);
  auto verify = admin->get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200);
  EXPECT_TRUE(verify.json().at("ok").as_bool());
  EXPECT_GT(verify.json().at("entries").as_int64(), 0);
  auto clock = admin->post("/api/v1/admin/clock", json::object{{"set", "2027-01-01T00:00:00Z"}});
  EXPECT_EQ(clock.json().at("now"), "2027-01-01T00:00:00Z");
  auto back = admin->post("/api/v1/admin/clock", json::object{{"advance_days", -1}});
  EXPECT_EQ(std::string(back.json().at("now").as_string()).substr(0, 10), "2026-12-31");
}

}  // namespace
}  // namespace qc::test
