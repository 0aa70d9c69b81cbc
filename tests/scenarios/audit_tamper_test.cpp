// The audit trail through the real server: state changes and logins are recorded without
// secrets, and a row edited, deleted or reordered directly in the SQLite file is named by
// GET /api/v1/audit/verify and by `qcredit-server audit-verify`.
#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "support/api_fixture.hpp"

namespace qc::test {
namespace {

class AuditTamper : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    create_user("tamper-samr", "samr", "320102");
    create_enterprise(make_uscc("320102", "MA1TAMP01"), "320102");
    auto bad = client()->post("/api/v1/session", json::object{{"username", "tamper-samr"},
                                                              {"password", "wrong-guess-1"}});
    ASSERT_EQ(bad.status, 401);
    login("tamper-samr");
    ASSERT_EQ(advance_days(1).status, 200);
  }

  // Runs SQL on the server's database file while the server keeps running.
  void sql(const std::string& statement) {
    const std::string path = server->db_url().substr(std::string("sqlite:").size());
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 10000);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &message);
    const std::string why = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << statement << ": " << why;
  }

  json::value verify() {
    auto r = admin->get("/api/v1/audit/verify");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }

  // `qcredit-server audit-verify --db URL`: exit status and what it printed.
  std::pair<int, std::string> verify_command() {
    const auto out = server->dir() / "verify.out";
    const std::string cmd = std::string(QC_SERVER_BIN) + " audit-verify --db " + server->db_url() +
                            " > " + out.string() + " 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
  }

  int64_t seq_of(const std::string& what) {
    auto r = admin->get("/api/v1/audit?per_page=500");
    const json::value r_json = r.json();
    for (const auto& e : r_json.at("items").as_array())
      if (e.at("what") == what.c_str()) return e.at("seq").as_int64();
    ADD_FAILURE() << "no audit entry " << what << " in " << r.body;
    return 0;
  }
};

TEST_F(AuditTamper, StateChangesAndLoginsAreRecordedWithoutSecrets) {
  auto r = admin->get("/api/v1/audit?per_page=500");
  ASSERT_EQ(r.status, 200) << r.body;
  std::set<std::string> whats;
  const json::value r_json = r.json();
  for (const auto& e : r_json.at("items").as_array())
    whats.insert(std::string(e.at("what").as_string()));
  for (const char* what : {"user.create", "enterprise.create", "session.login",
                           "session.login_failed", "clock.set", "procedures.reload"})
    EXPECT_TRUE(whats.contains(what)) << what << " missing in " << r.body;
  EXPECT_EQ(r.body.find(kPassword), std::string::npos);
  EXPECT_EQ(r.body.find("wrong-guess-1"), std::string::npos);
  EXPECT_EQ(r.body.find("argon2"), std::string::npos);
  EXPECT_EQ(r.body.find(admin->token()), std::string::npos);

  auto by_actor = admin->get("/api/v1/audit?actor=tamper-samr");
  ASSERT_EQ(by_actor.status, 200);
  const json::value by_actor_json = by_actor.json();
  for (const auto& e : by_actor_json.at("items").as_array())
    EXPECT_EQ(e.at("actor"), "tamper-samr");
  EXPECT_EQ(admin->get("/api/v1/audit?from=2020-13-01").status, 422);
  EXPECT_EQ(admin->get("/api/v1/audit?case=abc").status, 422);
}

TEST_F(AuditTamper, AnEditedRowIsNamedByTheEndpointAndTheCommand) {
  EXPECT_EQ(verify().at("ok"), true);
  EXPECT_EQ(verify_command().first, 0) << verify_command().second;
  const int64_t seq = seq_of("enterprise.create");
  sql("UPDATE audit SET detail = replace(detail, 'MA1TAMP01', 'MA1TAMP02') WHERE seq = " +
      std::to_string(seq));
  const auto v = verify();
  EXPECT_EQ(v.at("ok"), false);
  EXPECT_EQ(v.at("broken").at("seq").as_int64(), seq) << v;
  const auto [status, text] = verify_command();
  EXPECT_EQ(status, 1) << text;
  EXPECT_NE(text.find("seq " + std::to_string(seq)), std::string::npos) << text;
  // The server keeps serving and appending; the break stays where it was.
  EXPECT_EQ(advance_days(1).status, 200);
  EXPECT_EQ(verify().at("broken").at("seq").as_int64(), seq);
}

TEST_F(AuditTamper, ADeletedOrReorderedRowIsNamed) {
  const int64_t seq = seq_of("session.login_failed");
  sql("DELETE FROM audit WHERE seq = " + std::to_string(seq));
  auto v = verify();
  EXPECT_EQ(v.at("ok"), false);
  EXPECT_EQ(v.at("broken").at("seq").as_int64(), seq) << v;
  EXPECT_EQ(verify_command().first, 1);
}

TEST_F(AuditTamper, SwappedRowsAreNamed) {
  // Swap the contents of two neighbouring entries, keeping the seq numbers: reordering.
  const int64_t seq = seq_of("enterprise.create");
  const auto a = std::to_string(seq), b = std::to_string(seq + 1);
  sql("UPDATE audit SET seq = -1 WHERE seq = " + a + "; UPDATE audit SET seq = " + a +
      " WHERE seq = " + b + "; UPDATE audit SET seq = " + b + " WHERE seq = -1;");
  auto v = verify();
  EXPECT_EQ(v.at("ok"), false);
  EXPECT_EQ(v.at("broken").at("seq").as_int64(), seq) << v;
  EXPECT_EQ(verify_command().first, 1);
}

}  // namespace
}  // namespace qc::test
