// What an attacker run found against the transport, each kept from coming back: half-open
// connections locking everyone out (the connection budget), ambiguous body framing
// (request smuggling), and the browser policy headers. A real HttpServer on a loopback
// port; flooding clients connect from 127.0.0.2 and up (all of 127.0.0.0/8 is loopback on
// Linux), the clients that must still be served from 127.0.0.1.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "http/credentials.hpp"
#include "http/errors.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace qc::http {
namespace {

using namespace std::chrono_literals;
using qc::test::body_of;
using qc::test::HttpClient;
using qc::test::RawConnection;
using qc::test::status_of;
using qc::test::TempDir;

const std::string kToken(64, 'a');
// A request line and one header, and then nothing: the attack's connections.
constexpr std::string_view kHalfOpenHead = "GET /api/v1/hello HTTP/1.1\r\nHost: x\r\n";

std::string error_message_of(const std::string& raw) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body_of(raw), ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return "<not an error body>";
  return std::string(v.at("error").at("message").as_string());
}

std::string header_of(const std::string& raw, std::string name) {
  std::string lower = raw.substr(0, raw.find("\r\n\r\n"));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t at = lower.find("\r\n" + name + ": ");
  if (at == std::string::npos) return {};
  const size_t from = at + name.size() + 4;
  return raw.substr(from, raw.find("\r\n", from) - from);
}

class ServerHardening : public ::testing::Test {
 protected:
  ServerHardening() {
    web.write("index.html", "<!doctype html><title>qcredit ui</title>");
    auto hello = [](Request&) {
      return json_response(200, boost::json::object{{"hello", "world"}});
    };
    router.add("GET", "/api/v1/hello", hello);
    router.add("GET", "/healthz", hello);
    router.add("GET", "/readyz", hello);
    router.add("POST", "/api/v1/echo", [](Request& req) {
      Response res;
      res.body = req.body;
      return res;
    });
    // Stands in for caller(): the session checks out when it is kToken.
    router.add("GET", "/api/v1/me", [](Request& req) {
      if (credential_of(req.header("authorization"), req.header("cookie")).token != kToken)
        return error_response(ErrorCode::unauthenticated, "log in first");
      req.authenticated = true;
      return json_response(200, boost::json::object{{"me", "user"}});
    });
    router.add("GET", "/api/v1/document", [](Request&) {
      Response res;
      res.content_type = "text/html; charset=utf-8";
      res.body = "<!doctype html><p>决定书</p>";
      return res;
    });
  }
  ~ServerHardening() override {
    if (!runner.joinable()) return;
    server->stop();
    runner.join();
  }

  // Timeouts long enough that the flood outlasts the test: nothing here waits for them
  // unless it sets them short.
  ServerOptions options() {
    ServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    opt.header_timeout = 60s;
    opt.body_timeout = 60s;
    opt.idle_timeout = 60s;
    opt.drain_timeout = 2s;
    opt.web_dir = web.str();
    return opt;
  }
  void start(ServerOptions opt) {
    server = std::make_unique<HttpServer>(opt, router, metrics);
    port = server->listen();
    runner = std::thread([this] { server->run(); });
  }

  // Opens `n` half-open connections from `from`; each must be accepted, not refused.
  void flood(std::vector<std::unique_ptr<RawConnection>>& into, const std::string& from, int n) {
    for (int i = 0; i < n; ++i) {
      into.push_back(std::make_unique<RawConnection>(port, from));
      ASSERT_TRUE(into.back()->send(kHalfOpenHead));
    }
  }

  // A fresh connection from `from` asking GET `path`; the raw response.
  std::string ask(const std::string& from, const std::string& path, const std::string& extra = "") {
    RawConnection conn(port, from);
    conn.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + extra + "\r\n");
    return conn.read_response();
  }

  TempDir web;
  Router router;
  Metrics metrics;
  std::unique_ptr<HttpServer> server;
  unsigned short port = 0;
  std::thread runner;
};

// ---- 4. One client locks everyone out ----

TEST_F(ServerHardening, OneAddressHoldsAtMostItsShareOfConnections) {
  auto opt = options();
  opt.max_connections = 16;
  opt.max_connections_per_address = 4;
  start(opt);
  std::vector<std::unique_ptr<RawConnection>> attack;
  flood(attack, "127.0.0.2", 4);
  const std::string refused = ask("127.0.0.2", "/api/v1/hello");
  EXPECT_EQ(status_of(refused), 503) << refused;
  EXPECT_EQ(error_message_of(refused), "too many connections from this address");

  HttpClient other(port);
  EXPECT_EQ(other.get("/api/v1/hello").status, 200);
  EXPECT_EQ(status_of(ask("127.0.0.3", "/healthz")), 200);
  EXPECT_EQ(status_of(ask("127.0.0.1", "/healthz")), 200);
}

TEST_F(ServerHardening, HalfOpenConnectionsFillingTheBudgetMakeRoomForNewClients) {
  auto opt = options();
  opt.max_connections = 8;
  opt.max_connections_per_address = 0;  // a flood from many addresses, as far as the cap goes
  start(opt);
  std::vector<std::unique_ptr<RawConnection>> attack;
  flood(attack, "127.0.0.2", 8);

  HttpClient client(port);
  const auto served = client.get("/api/v1/hello");
  EXPECT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(status_of(ask("127.0.0.1", "/healthz")), 200);
  EXPECT_EQ(status_of(ask("127.0.0.1", "/readyz")), 200);
  // The oldest half-open connections gave up their slots; the newest still wait.
  EXPECT_TRUE(attack[0]->closed_by_peer(10s));
  EXPECT_EQ(status_of(attack[0]->read_all(1s)), 0) << "closed without an answer";
  EXPECT_EQ(client.get("/api/v1/hello").status, 200);
  EXPECT_EQ(client.connections_opened(), 1) << "a served connection is never evicted";
}

TEST_F(ServerHardening,
       TheReserveServesHealthProbesAndSignedInClientsWhenAnonymousOnesFillTheRest) {
  auto opt = options();
  opt.max_connections = 16;
  opt.reserved_connections = 4;
  opt.max_connections_per_address = 0;
  start(opt);
  HttpClient signed_in(port);
  signed_in.set_token(kToken);
  ASSERT_EQ(signed_in.get("/api/v1/me").status, 200);
  // Twelve anonymous keep-alive connections: the whole anonymous share, none half-open.
  std::vector<std::unique_ptr<HttpClient>> anonymous;
  for (int i = 0; i < 12; ++i) {
    anonymous.push_back(std::make_unique<HttpClient>(port));
    ASSERT_EQ(anonymous.back()->get("/api/v1/hello").status, 200);
  }

  const std::string refused = ask("127.0.0.2", "/api/v1/hello");
  EXPECT_EQ(status_of(refused), 503) << refused;
  EXPECT_EQ(error_message_of(refused), "too many connections");
  const std::string probe = ask("127.0.0.2", "/healthz");
  EXPECT_EQ(status_of(probe), 200) << probe;
  EXPECT_EQ(header_of(probe, "connection"), "close") << "a reserve slot is lent, not given";
  EXPECT_EQ(status_of(ask("127.0.0.2", "/api/v1/me", "Authorization: Bearer " + kToken + "\r\n")),
            200);
  EXPECT_EQ(signed_in.get("/api/v1/me").status, 200);
  EXPECT_EQ(signed_in.connections_opened(), 1);
}

TEST_F(ServerHardening, TheFirstHeadIsDueHeaderTimeoutAfterTheConnectNotAfterItsFirstByte) {
  auto opt = options();
  opt.header_timeout = 2s;
  start(opt);
  RawConnection conn(port);
  std::this_thread::sleep_for(1500ms);  // connected, silent: within the header timeout
  ASSERT_TRUE(conn.send("GET /api/v1/hello HTTP/1.1\r\n"));
  std::this_thread::sleep_for(1500ms);  // the header timeout has passed since the connect
  conn.send("Host: x\r\n\r\n");
  const std::string reply = conn.read_all(10s);
  EXPECT_EQ(status_of(reply), 0) << reply;
  HttpClient client(port);
  EXPECT_EQ(client.get("/api/v1/hello").status, 200);
}

// ---- 5. Request framing ----

TEST_F(ServerHardening, AmbiguousBodyFramingIs400AndTheBodyIsNeverReadAsARequest) {
  start(options());
  const std::string smuggled = "GET /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string length = std::to_string(smuggled.size());
  const std::vector<std::pair<std::string, std::string>> cases{
      {"Transfer-Encoding: xchunked\r\n", "an unknown coding"},
      {"Transfer-Encoding: chunked, identity\r\n", "chunked not alone"},
      {"Transfer-Encoding: gzip, chunked\r\n", "a coding before chunked"},
      {"Transfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n", "two fields"},
      {"Transfer-Encoding: xchunked\r\nContent-Length: " + length + "\r\n", "TE then CL"},
      {"Content-Length: " + length + "\r\nTransfer-Encoding: chunked\r\n", "CL then TE"},
      {"Content-Length: " + length + "\r\nContent-Length: " + length + "\r\n", "CL twice"},
      {"Content-Length: " + length + ", " + length + "\r\n", "a CL list"},
      {"Content-Length: +" + length + "\r\n", "a signed CL"},
  };
  for (const auto& [headers, what] : cases) {
    RawConnection conn(port);
    conn.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n" + smuggled);
    const std::string reply = conn.read_response();
    EXPECT_EQ(status_of(reply), 400) << what << "\n" << reply;
    EXPECT_EQ(header_of(reply, "connection"), "close") << what;
    EXPECT_TRUE(conn.closed_by_peer(10s)) << what;
    EXPECT_EQ(conn.read_all(1s), "") << what << ": a second answer means the body was parsed";
  }
  {
    RawConnection conn(port);
    conn.send(
        "POST /api/v1/echo HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "0\r\n\r\n" +
        smuggled);
    EXPECT_EQ(status_of(conn.read_response()), 400) << "Transfer-Encoding in HTTP/1.0";
  }
  // Plain framing still works, any case of `chunked` included.
  RawConnection conn(port);
  conn.send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
      "3\r\nabc\r\n0\r\n\r\n"
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nde");
  std::string reply = conn.read_response();
  EXPECT_EQ(status_of(reply), 200) << reply;
  EXPECT_EQ(body_of(reply), "abc");
  reply = conn.read_response();
  EXPECT_EQ(status_of(reply), 200) << reply;
  EXPECT_EQ(body_of(reply), "de");
}

// ---- 7. Browser policy ----

TEST_F(ServerHardening, EveryAnswerForbidsFramingAndHtmlGetsTheTightestPolicyThatWorks) {
  start(options());
  HttpClient client(port);
  const auto ui = client.get("/cases/12");
  ASSERT_EQ(ui.status, 200);
  EXPECT_EQ(ui.header("content-security-policy"), kUiPolicy);
  const auto doc = client.get("/api/v1/document");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.header("content-security-policy"), kDocumentPolicy);
  const auto api = client.get("/api/v1/hello");
  EXPECT_EQ(api.header("content-security-policy"), kApiPolicy);
  const auto missing = client.get("/api/v1/nothing");
  EXPECT_EQ(missing.header("content-security-policy"), kApiPolicy);
  for (const auto* r : {&ui, &doc, &api, &missing}) {
    EXPECT_EQ(r->header("x-frame-options"), "DENY");
    EXPECT_EQ(r->header("referrer-policy"), "same-origin");
    EXPECT_NE(r->header("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos);
  }
  EXPECT_EQ(kDocumentPolicy.find("script-src"), std::string::npos) << "documents run no script";
  EXPECT_NE(kDocumentPolicy.find("default-src 'none'"), std::string::npos);
}

}  // namespace
}  // namespace qc::http
