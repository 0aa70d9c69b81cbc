// The transport in-process: a real HttpServer on a loopback port, real sockets.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <stdexcept>
#include <thread>

#include "http/errors.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace qc::http {
namespace {

using namespace std::chrono_literals;
using qc::test::HttpClient;
using qc::test::RawConnection;
using qc::test::status_of;
using qc::test::TempDir;

constexpr std::string_view kIndex = "<!doctype html><title>qcredit ui</title>";

std::string error_code_of(const std::string& body) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return "<not an error body>";
  return std::string(v.at("error").at("code").as_string());
}

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    web.write("index.html", kIndex);
    web.write("assets/main-abc123.js", "export default 1;");
    web.write(".env", "SECRET=1");
    outside.write("secret.txt", "top secret");
    std::filesystem::create_symlink(outside.path() / "secret.txt", web.path() / "leak.txt");

    router.add("GET", "/api/v1/hello", [](Request&) {
      return json_response(200, boost::json::object{{"hello", "world"}});
    });
    router.add("POST", "/api/v1/echo", [](Request& req) {
      Response res;
      res.body = req.body;
      return res;
    });
    router.add("GET", "/api/v1/items/{id}", [](Request& req) {
      return json_response(200, boost::json::object{{"id", req.params.at("id")},
                                                    {"q", req.query_param("q").value_or("")},
                                                    {"route", req.route},
                                                    {"ua", req.header("user-agent")}});
    });
    router.add("GET", "/api/v1/boom",
               [](Request&) -> Response { throw std::runtime_error("database on fire"); });
    router.add("GET", "/api/v1/slow", [this](Request&) {
      entered.set_value();
      release.wait();
      return json_response(200, boost::json::object{{"slow", "done"}});
    });
  }

  ~ServerTest() override { shutdown(); }

  ServerOptions options() {
    ServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    opt.header_timeout = 1s;
    opt.body_timeout = 5s;
    opt.idle_timeout = 20s;
    opt.body_limit = 1024;
    opt.max_header_bytes = 2048;
    opt.web_dir = web.str();
    return opt;
  }

  void start(ServerOptions opt) {
    server = std::make_unique<HttpServer>(opt, router, metrics);
    port = server->listen();
    runner = std::thread([this] {
      server->run();
      run_returned = true;
    });
  }
  void start() { start(options()); }

  void shutdown() {
    if (!runner.joinable()) return;
    server->stop();
    runner.join();
  }

  TempDir web;
  TempDir outside;
  Router router;
  Metrics metrics;
  std::unique_ptr<HttpServer> server;
  unsigned short port = 0;
  std::thread runner;
  std::atomic<bool> run_returned{false};
  std::promise<void> entered;
  std::promise<void> release_promise;
  std::shared_future<void> release = release_promise.get_future().share();
};

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  HttpClient client(port);
  for (int i = 0; i < 5; ++i) {
    const auto res = client.get("/api/v1/hello");
    ASSERT_EQ(res.status, 200);
    EXPECT_EQ(res.json().at("hello"), "world");
    EXPECT_TRUE(res.keep_alive);
  }
  EXPECT_EQ(client.connections_opened(), 1);
  const auto echo = client.request("POST", "/api/v1/echo", R"({"a":1})");
  EXPECT_EQ(echo.body, R"({"a":1})");
  EXPECT_EQ(client.connections_opened(), 1);
}

TEST_F(ServerTest, PathParametersQueryAndLowerCasedHeadersReachTheHandler) {
  start();
  HttpClient client(port);
  const auto res = client.get("/api/v1/items/a%20b?q=x+y%21");
  ASSERT_EQ(res.status, 200);
  const auto body = res.json();
  EXPECT_EQ(body.at("id"), "a b");
  EXPECT_EQ(body.at("q"), "x y!");
  EXPECT_EQ(body.at("route"), "/api/v1/items/{id}");
  EXPECT_EQ(body.at("ua"), "qcredit-tests");
  EXPECT_EQ(res.header("cache-control"), "no-store");
}

TEST_F(ServerTest, UnknownApiPathIs404AndWrongMethodIs405AsJson) {
  start();
  HttpClient client(port);
  const auto missing = client.get("/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(error_code_of(missing.body), "not_found");
  EXPECT_EQ(missing.header("content-type"), "application/json");

  const auto wrong = client.del("/api/v1/hello");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(error_code_of(wrong.body), "method_not_allowed");

  // Outside /api/ only GET and HEAD reach the static files.
  const auto post = client.request("POST", "/cases/12", "{}");
  EXPECT_EQ(post.status, 404);
  EXPECT_EQ(error_code_of(post.body), "not_found");
}

TEST_F(ServerTest, ThrowingHandlerGives500AndTheServerKeepsServing) {
  start();
  HttpClient client(port);
  const auto res = client.get("/api/v1/boom");
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(error_code_of(res.body), "internal");
  EXPECT_EQ(res.json().at("error").at("message"), "internal error");
  EXPECT_EQ(res.body.find("fire"), std::string::npos);  // no internals leak out
  EXPECT_EQ(client.get("/api/v1/hello").status, 200);
}

TEST_F(ServerTest, OversizedContentLengthGets413WhileTheClientIsStillSending) {
  start();
  RawConnection conn(port);
  const size_t size = 4 << 20;
  ASSERT_TRUE(
      conn.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: " +
                std::to_string(size) + "\r\n\r\n"));
  // Keep streaming the body, as a client that does not read before it has sent
  // everything would; the server answers early and drains what follows.
  const std::string chunk(64 * 1024, 'x');
  for (size_t sent = 0; sent < size; sent += chunk.size())
    if (!conn.send(chunk)) break;
  const std::string reply = conn.read_response();
  EXPECT_EQ(status_of(reply), 413) << reply;
  EXPECT_EQ(error_code_of(qc::test::body_of(reply)), "too_large");
  EXPECT_TRUE(conn.closed_by_peer(10s));
}

TEST_F(ServerTest, OversizedChunkedBodyGets413) {
  start();
  RawConnection conn(port);
  std::string req = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) req += "200\r\n" + std::string(512, 'y') + "\r\n";
  req += "0\r\n\r\n";
  conn.send(req);
  const std::string reply = conn.read_response();
  EXPECT_EQ(status_of(reply), 413) << reply;
  EXPECT_EQ(error_code_of(qc::test::body_of(reply)), "too_large");
}

TEST_F(ServerTest, BodyWithinTheLimitIsServedIncludingChunkedAndExpectContinue) {
  start();
  RawConnection conn(port);
  conn.send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  std::string reply = conn.read_response();
  EXPECT_EQ(status_of(reply), 200) << reply;
  EXPECT_EQ(qc::test::body_of(reply), "abcde");

  conn.send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(status_of(conn.read_response()), 100);
  conn.send("hello");
  reply = conn.read_response();
  EXPECT_EQ(status_of(reply), 200) << reply;
  EXPECT_EQ(qc::test::body_of(reply), "hello");
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  RawConnection conn(port);
  conn.send(
      "GET /api/v1/items/1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/items/2 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(conn.read_response().find(R"("id":"1")"), std::string::npos);
  EXPECT_NE(conn.read_response().find(R"("id":"2")"), std::string::npos);
}

TEST_F(ServerTest, HeaderTricklingOneByteAtATimeIsCutOff) {
  start();  // header_timeout = 1 s
  RawConnection conn(port);
  std::string head = "GET /api/v1/hello HTTP/1.1\r\nHost: x\r\nX-Padding: ";
  head += std::string(100, 'p') + "\r\n\r\n";
  // 300 ms per byte: the whole head would take about 45 s.
  bool closed = false;
  for (char c : head) {
    if (!conn.send(std::string_view(&c, 1)) || conn.closed_by_peer(300ms)) {
      closed = true;
      break;
    }
  }
  EXPECT_TRUE(closed) << "the server waited for the whole trickled header";
  EXPECT_EQ(status_of(conn.read_all(1s)), 0);  // cut off, never served
  HttpClient client(port);
  EXPECT_EQ(client.get("/api/v1/hello").status, 200);
}

TEST_F(ServerTest, OversizedHeaderIsRefused) {
  start();  // max_header_bytes = 2048
  RawConnection conn(port);
  conn.send("GET /api/v1/hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'b') +
            "\r\n\r\n");
  const int status = status_of(conn.read_response());
  EXPECT_TRUE(status == 431 || status == 400) << status;
}

TEST_F(ServerTest, MalformedRequestLineIs400) {
  start();
  RawConnection conn(port);
  conn.send("THIS IS NOT HTTP\r\n\r\n");
  const std::string reply = conn.read_response();
  EXPECT_EQ(status_of(reply), 400) << reply;
  EXPECT_EQ(error_code_of(qc::test::body_of(reply)), "bad_request");
}

TEST_F(ServerTest, TraversalNulAndBackslashPathsAre400AndNeverTheSpaFallback) {
  start();
  for (const char* path :
       {"/..", "/a/../index.html", "/%2e%2e/etc/passwd", "/assets/%2E%2E/%2e%2e/secret.txt",
        "/a%2f..%2f.env", "/a%00b", "/a%5c..%5cb", "/api/v1/%2e%2e/hello", "/bad%zz"}) {
    RawConnection conn(port);
    conn.send(std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string reply = conn.read_response();
    EXPECT_EQ(status_of(reply), 400) << path << "\n" << reply;
    EXPECT_EQ(error_code_of(qc::test::body_of(reply)), "bad_request") << path;
    EXPECT_EQ(reply.find("qcredit ui"), std::string::npos) << path;
  }
  // A raw backslash or NUL byte is refused by the parser or the path check: 400 either way.
  for (const std::string& path : {std::string("/a\\b"), std::string("/a\0b", 4)}) {
    RawConnection conn(port);
    conn.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string reply = conn.read_response();
    EXPECT_EQ(status_of(reply), 400) << reply;
    EXPECT_EQ(reply.find("qcredit ui"), std::string::npos);
  }
}

TEST_F(ServerTest, StaticFilesWithCacheHeadersAndSpaFallback) {
  start();
  HttpClient client(port);
  const auto asset = client.get("/assets/main-abc123.js");
  ASSERT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body, "export default 1;");
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");

  const auto root = client.get("/");
  EXPECT_EQ(root.status, 200);
  EXPECT_EQ(root.body, kIndex);
  EXPECT_EQ(root.header("cache-control"), "no-cache");

  const auto spa = client.get("/cases/12");
  EXPECT_EQ(spa.status, 200);
  EXPECT_EQ(spa.body, kIndex);
  EXPECT_EQ(spa.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(spa.header("cache-control"), "no-cache");

  const auto head = client.request("HEAD", "/cases/12");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(kIndex.size()));

  EXPECT_EQ(client.get("/assets/missing-1.js").status, 404);
  EXPECT_EQ(client.get("/favicon.ico").status, 404);
  // The client still works after HEAD (no stray body bytes on the connection).
  EXPECT_EQ(client.get("/api/v1/hello").status, 200);
  EXPECT_EQ(client.connections_opened(), 1);
}

TEST_F(ServerTest, DotfilesAndSymlinksOutOfTheWebDirAreRefused) {
  start();
  HttpClient client(port);
  for (const char* path : {"/.env", "/leak.txt"}) {
    const auto res = client.get(path);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.body.find("SECRET"), std::string::npos);
    EXPECT_EQ(res.body.find("top secret"), std::string::npos);
  }
}

TEST_F(ServerTest, WithoutWebDirEveryNonApiPathIs404Json) {
  auto opt = options();
  opt.web_dir.clear();
  start(opt);
  HttpClient client(port);
  for (const char* path : {"/", "/cases/12", "/assets/main-abc123.js"}) {
    const auto res = client.get(path);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(error_code_of(res.body), "not_found") << path;
  }
}

TEST_F(ServerTest, RequestsAreRecordedInMetricsByRoute) {
  start();
  HttpClient client(port);
  client.get("/api/v1/items/7");
  client.get("/api/v1/items/8");
  client.get("/cases/1");
  client.get("/api/v1/missing");
  // The record is made after the answer is written: the next request on the same
  // connection proves the previous one was recorded.
  client.get("/api/v1/hello");
  const std::string text = metrics.render();
  EXPECT_NE(text.find(R"(qcredit_http_requests_total{route="/api/v1/items/{id}",status="200"} 2)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(qcredit_http_requests_total{route="static",status="200"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(qcredit_http_requests_total{route="unmatched",status="404"} 1)"),
            std::string::npos);
}

TEST_F(ServerTest, GracefulStopFinishesTheInFlightRequestAndClosesIdleConnections) {
  start();
  HttpClient idle(port);
  ASSERT_EQ(idle.get("/api/v1/hello").status, 200);  // now an idle keep-alive connection
  RawConnection idle_raw(port);
  idle_raw.send("GET /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(status_of(idle_raw.read_response()), 200);

  auto slow = std::async(std::launch::async, [this] {
    HttpClient client(port);
    return client.get("/api/v1/slow");
  });
  entered.get_future().wait();
  server->stop();

  EXPECT_TRUE(idle_raw.closed_by_peer(10s)) << "stop() leaves idle connections open";
  EXPECT_FALSE(run_returned) << "run() returned while a request was in flight";
  release_promise.set_value();
  const auto res = slow.get();
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.json().at("slow"), "done");
  EXPECT_FALSE(res.keep_alive);  // the server is closing: no keep-alive promised
  runner.join();
  EXPECT_TRUE(run_returned);
  EXPECT_THROW(RawConnection{port}, std::runtime_error);  // no longer accepting
}

TEST_F(ServerTest, StopGivesUpOnAHandlerThatOutlastsTheDrainTimeout) {
  auto opt = options();
  opt.drain_timeout = 1s;
  start(opt);
  auto slow = std::async(std::launch::async, [this] {
    HttpClient client(port);
    return client.get("/api/v1/slow");
  });
  entered.get_future().wait();
  server->stop();
  runner.join();  // returns although the handler is still blocked
  EXPECT_TRUE(run_returned);
  EXPECT_EQ(slow.get().status, 0);  // the connection was closed without an answer
  release_promise.set_value();
  server.reset();  // waits for the worker, then frees the abandoned request
}

TEST_F(ServerTest, StopBeforeAnyConnectionReturnsPromptly) {
  start();
  server->stop();
  runner.join();
  EXPECT_TRUE(run_returned);
}

TEST_F(ServerTest, ConnectionsBeyondTheCapGet503) {
  auto opt = options();
  opt.max_connections = 2;
  start(opt);
  HttpClient a(port), b(port);
  ASSERT_EQ(a.get("/api/v1/hello").status, 200);
  ASSERT_EQ(b.get("/api/v1/hello").status, 200);

  RawConnection extra(port);
  extra.send("GET /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string reply = extra.read_response();
  EXPECT_EQ(status_of(reply), 503) << reply;
  EXPECT_EQ(error_code_of(qc::test::body_of(reply)), "unavailable");
  EXPECT_TRUE(extra.closed_by_peer(10s));

  // A freed slot is available again once the server has seen the close.
  a.close();
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    HttpClient c(port);
    status = c.get("/api/v1/hello").status;
    if (status != 200) std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(status, 200);
  EXPECT_EQ(b.get("/api/v1/hello").status, 200);
}

}  // namespace
}  // namespace qc::http
