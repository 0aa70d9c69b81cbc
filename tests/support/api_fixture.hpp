#pragma once
// A running server plus the calls every API test makes: log in, create users and
// enterprises, open cases and act on them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "core/uscc.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace qc::test {

namespace json = boost::json;

inline constexpr const char* kPassword = "password-123";

// A valid USCC from a 6-digit region and a 9-character organisation code.
inline std::string make_uscc(const std::string& region, const std::string& org) {
  const std::string stem = "91" + region + org;
  return stem + qc::uscc_check_char(stem);
}

class ApiFixture : public ::testing::Test {
 protected:
  void SetUp() override { start({"--simulated-clock"}); }

  void start(std::vector<std::string> args) {
    server = std::make_unique<ServerProcess>(std::move(args));
    admin = login("admin", ServerProcess::kAdminPassword);
  }

  std::unique_ptr<HttpClient> client() { return std::make_unique<HttpClient>(server->port()); }

  // A client logged in as `username`.
  std::unique_ptr<HttpClient> login(const std::string& username,
                                    const std::string& password = kPassword) {
    auto c = client();
    auto r =
        c->post("/api/v1/session", json::object{{"username", username}, {"password", password}});
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status == 200) c->set_token(std::string(r.json().at("token").as_string()));
    return c;
  }

  void create_user(const std::string& username, const std::string& role, const std::string& region,
                   const std::string& enterprise = "") {
    json::object body{{"username", username},
                      {"password", kPassword},
                      {"display_name", username},
                      {"grants", json::array{json::object{{"role", role}, {"region", region}}}}};
    if (!enterprise.empty()) body["enterprise"] = enterprise;
    auto r = admin->post("/api/v1/users", body);
    ASSERT_EQ(r.status, 201) << r.body;
  }

  void create_enterprise(const std::string& uscc, const std::string& region,
                         const std::string& established_on = "2015-01-01") {
    auto r = admin->post("/api/v1/enterprises", json::object{{"uscc", uscc},
                                                             {"name", "企业" + uscc.substr(10)},
                                                             {"region", region},
                                                             {"established_on", established_on}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  static json::object act_body(int64_t rev, json::object data = {}) {
    return json::object{{"rev", rev}, {"data", std::move(data)}};
  }

  static int64_t rev_of(const HttpResult& r) { return r.json().at("rev").as_int64(); }
  static int64_t id_of(const HttpResult& r) { return r.json().at("id").as_int64(); }
  static std::string stage_of(const HttpResult& r) {
    return std::string(r.json().at("stage").as_string());
  }
  static std::string error_code(const HttpResult& r) {
    return std::string(r.json().at("error").at("code").as_string());
  }

  HttpResult act(HttpClient& c, int64_t id, const std::string& action, int64_t rev,
                 json::object data = {}) {
    return c.post("/api/v1/cases/" + std::to_string(id) + "/actions/" + action,
                  act_body(rev, std::move(data)));
  }

  // The officers' documentation shows the graph the server serves, not a stale copy: the
  // first ```mermaid block of docs/procedures/<doc>.md equals the served graph of `id`.
  void expect_documented_graph(const std::string& doc, const std::string& id) {
    std::ifstream in(std::string(QC_SOURCE_DIR) + "/docs/procedures/" + doc + ".md");
    std::stringstream text_in;
    text_in << in.rdbuf();
    const std::string text = text_in.str();
    const std::string open = "```mermaid\n";
    const auto from = text.find(open);
    ASSERT_NE(from, std::string::npos) << doc;
    const auto to = text.find("```", from + open.size());
    auto served = admin->get("/api/v1/procedures/" + id + "/graph?format=mermaid");
    ASSERT_EQ(served.status, 200) << served.body;
    EXPECT_EQ(text.substr(from + open.size(), to - from - open.size()), served.body) << doc;
  }

  HttpResult advance_days(int days) {
    return admin->post("/api/v1/admin/clock", json::object{{"advance_days", days}});
  }

  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<HttpClient> admin;
};

}  // namespace qc::test
