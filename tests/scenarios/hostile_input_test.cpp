// Hostile input through the real server: malformed JSON and UTF-8, absurd paging, SQL
// metacharacters in every text field, ambiguous body framing (request smuggling) and a
// flood of half-open connections. Each gets a clear 4xx or is stored as plain text, and
// the server keeps serving everybody else. (Traversal, NUL, backslash, oversized headers
// and bodies and trickled headers: tests/http/server_test.cpp; the connection budget and
// framing in detail: tests/http/server_hardening_test.cpp.)
#include <memory>
#include <vector>

#include "support/api_fixture.hpp"

namespace qc::test {
namespace {

const std::string kSqlish = "x'); DROP TABLE enterprises; -- \" OR 1=1 %_\\";

class HostileInput : public ApiFixture {
 protected:
  void expect_error(const HttpResult& r, int status, const std::string& code,
                    const std::string& what) {
    EXPECT_EQ(r.status, status) << what << ": " << r.body;
    if (r.status == status) {
      EXPECT_EQ(error_code(r), code) << what;
      EXPECT_FALSE(std::string(r.json().at("error").at("message").as_string()).empty());
    }
  }
};

TEST_F(HostileInput, MalformedBodiesGetAClear400Or422) {
  const std::string uscc = make_uscc("320102", "MA1HXT001");
  const std::vector<std::pair<std::string, std::string>> bad_json{
      {"{not json", "not JSON"},
      {"{\"uscc\":\"" + uscc + "\",\"name\":\"\xff\xfe\"}", "invalid UTF-8 in a string"},
      {"{\"name\":\"\xc0\xaf\"}", "overlong UTF-8"},
      {"{\"name\":\"\xed\xa0\x80\"}", "an encoded surrogate"},
      {"{\"name\":\"abc", "truncated"},
      {std::string("{\"name\":\"a\0b\"}", 14), "a raw NUL in a string"},
  };
  for (const auto& [body, what] : bad_json)
    expect_error(admin->request("POST", "/api/v1/enterprises", body), 400, "bad_json", what);
  expect_error(admin->request("POST", "/api/v1/enterprises", "[1,2]"), 400, "bad_request",
               "an array, not an object");
  auto wrong_type = admin->request("POST", "/api/v1/enterprises", R"({"uscc":5})");
  expect_error(wrong_type, 422, "validation", "a number for a string");
  EXPECT_EQ(wrong_type.json().at("error").at("field"), "uscc");
  // Deeply nested JSON is refused, not recursed into until the stack ends.
  expect_error(admin->request("POST", "/api/v1/enterprises",
                              std::string(100000, '[') + std::string(100000, ']')),
               400, "bad_json", "nesting 100000 deep");
  EXPECT_EQ(client()->get("/healthz").status, 200);
}

TEST_F(HostileInput, InvalidUtf8InPathsAndQueriesIs400) {
  for (const char* path : {"/api/v1/enterprises/%ff%fe", "/api/v1/enterprises?q=%C3%28",
                           "/api/v1/public/grades?region=%80"}) {
    auto r = admin->get(path);
    expect_error(r, 400, "bad_request", path);
  }
}

TEST_F(HostileInput, AbsurdPagingIsCapped) {
  for (const char* q : {"per_page=1000000000", "per_page=-5&page=-1", "page=999999999999999999999",
                        "per_page=abc&page=1e9"}) {
    auto r = admin->get(std::string("/api/v1/enterprises?") + q);
    EXPECT_EQ(r.status, 200) << q << ": " << r.body;
    auto audit = admin->get(std::string("/api/v1/audit?") + q);
    ASSERT_EQ(audit.status, 200) << q << ": " << audit.body;
    EXPECT_LE(audit.json().at("items").as_array().size(), 500u) << q;
  }
}

TEST_F(HostileInput, SqlMetacharactersAreStoredAsText) {
  const std::string uscc = make_uscc("320102", "MA1HXT002");
  auto created = admin->post("/api/v1/enterprises", json::object{{"uscc", uscc},
                                                                 {"name", kSqlish},
                                                                 {"region", "320102"},
                                                                 {"established_on", "2015-01-01"}});
  ASSERT_EQ(created.status, 201) << created.body;
  create_enterprise(make_uscc("320102", "MA1HXT003"), "320102");
  auto rec = admin->post("/api/v1/enterprises/" + uscc + "/records",
                         json::object{{"kind", "good"},
                                      {"category", "award"},
                                      {"occurred_on", "2026-01-05"},
                                      {"source", kSqlish},
                                      {"detail", kSqlish}});
  ASSERT_EQ(rec.status, 201) << rec.body;
  auto user = admin->post(
      "/api/v1/users",
      json::object{{"username", "sql-user"},
                   {"password", kPassword},
                   {"display_name", kSqlish},
                   {"grants", json::array{json::object{{"role", "samr"}, {"region", "320102"}}}}});
  ASSERT_EQ(user.status, 201) << user.body;
  EXPECT_EQ(admin->request("PATCH", "/api/v1/users/sql-user", R"({"display_name":"a' OR '1'='1"})")
                .status,
            200);
  // Metacharacters in usernames, path segments and query values are looked up, not run.
  EXPECT_EQ(client()
                ->post("/api/v1/session",
                       json::object{{"username", "admin' --"}, {"password", "x' OR '1'='1"}})
                .status,
            401);
  EXPECT_EQ(admin->get("/api/v1/enterprises/x'%20OR%20'1'='1").status, 404);
  EXPECT_EQ(admin->get("/api/v1/users/admin'--").status, 404);
  EXPECT_EQ(admin->get("/api/v1/cases?procedure=x'%20OR%201=1--&stage=%25").json().at("total"), 0);
  EXPECT_EQ(admin->get("/api/v1/audit?actor=admin'%20OR%20'1'='1").json().at("total"), 0);

  // Stored and read back exactly; LIKE wildcards in a search match only themselves.
  auto one = admin->get("/api/v1/enterprises/" + uscc);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json().at("name"), kSqlish.c_str());
  auto records = admin->get("/api/v1/enterprises/" + uscc + "/records");
  EXPECT_EQ(records.json().at("items").at(0).at("detail"), kSqlish.c_str());
  EXPECT_EQ(admin->get("/api/v1/users/sql-user").json().at("display_name"), "a' OR '1'='1");
  auto percent = admin->get("/api/v1/enterprises?q=%25_");
  ASSERT_EQ(percent.status, 200);
  EXPECT_EQ(percent.json().at("total"), 1) << percent.body;
  auto all = admin->get("/api/v1/enterprises");
  EXPECT_EQ(all.json().at("total"), 2) << "the table is still there, with both rows";
  EXPECT_EQ(admin->get("/api/v1/audit/verify").json().at("ok"), true);
}

TEST_F(HostileInput, AmbiguousBodyFramingIs400AndNothingIsSmuggledThrough) {
  // Behind a proxy that reads these heads the other way, the body would be a second
  // request on someone else's connection: here it is never parsed.
  const std::string smuggled = "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string length = std::to_string(smuggled.size());
  for (const std::string& framing :
       {std::string("Transfer-Encoding: xchunked\r\n"),
        std::string("Transfer-Encoding: chunked, identity\r\n"),
        "Transfer-Encoding: chunked\r\nContent-Length: " + length + "\r\n",
        "Content-Length: " + length + "\r\nContent-Length: " + length + "\r\n",
        "Content-Length: " + length + ", " + length + "\r\n"}) {
    RawConnection conn(server->port());
    conn.send("POST /api/v1/public/complaints HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n" +
              smuggled);
    const std::string reply = conn.read_response();
    EXPECT_EQ(status_of(reply), 400) << framing << reply;
    EXPECT_TRUE(conn.closed_by_peer(std::chrono::seconds(10))) << framing;
    EXPECT_EQ(conn.read_all(std::chrono::seconds(1)), "") << framing << ": the body was parsed";
  }
  EXPECT_EQ(client()->get("/healthz").status, 200);
}

TEST_F(HostileInput, AFloodOfHalfOpenConnectionsLocksNobodyOut) {
  start({"--simulated-clock", "--max-connections", "32", "--reserved-connections", "8",
         "--max-connections-per-address", "8", "--header-timeout", "60"});
  const std::string head = "GET /api/v1/public/notices HTTP/1.1\r\nHost: x\r\n";
  std::vector<std::unique_ptr<RawConnection>> attack;
  for (int i = 0; i < 8; ++i) {
    attack.push_back(std::make_unique<RawConnection>(server->port(), "127.0.0.2"));
    ASSERT_TRUE(attack.back()->send(head));
  }
  RawConnection ninth(server->port(), "127.0.0.2");
  ninth.send(head + "\r\n");
  EXPECT_EQ(status_of(ninth.read_response()), 503) << "one address, at most 8 connections";
  // More addresses: together they hold every slot of the budget.
  for (const char* from : {"127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6"})
    for (int i = 0; i < 8; ++i) {
      attack.push_back(std::make_unique<RawConnection>(server->port(), from));
      ASSERT_TRUE(attack.back()->send(head));
    }

  auto anonymous = client();
  EXPECT_EQ(anonymous->get("/api/v1/public/notices").status, 200);
  EXPECT_EQ(client()->get("/healthz").status, 200);
  EXPECT_EQ(client()->get("/readyz").status, 200);
  EXPECT_EQ(admin->get("/api/v1/me").status, 200);
  EXPECT_EQ(login("admin", ServerProcess::kAdminPassword)->get("/api/v1/me").status, 200);
  EXPECT_TRUE(attack.front()->closed_by_peer(std::chrono::seconds(10)))
      << "the oldest half-open connection made room";
}

}  // namespace
}  // namespace qc::test
