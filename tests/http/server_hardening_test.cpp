// What an attacker run found against the transport, each kept from coming back: here the
// browser policy headers. A real HttpServer on a loopback port.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <thread>

#include "http/errors.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace qc::http {
namespace {

using namespace std::chrono_literals;
using qc::test::HttpClient;
using qc::test::TempDir;

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

  TempDir web;
  Router router;
  Metrics metrics;
  std::unique_ptr<HttpServer> server;
  unsigned short port = 0;
  std::thread runner;
};

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
