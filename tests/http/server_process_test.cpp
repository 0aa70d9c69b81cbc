// The test harness itself, against the real qcredit-server binary: every scenario test
// depends on these guarantees.
#include "support/server_process.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/http_client.hpp"

namespace qc::test {
namespace {

TEST(ServerProcess, StartsServesStopsAndCleansUp) {
  std::filesystem::path dir;
  {
    ServerProcess server;
    dir = server.dir();
    EXPECT_TRUE(server.running());
    EXPECT_TRUE(std::filesystem::is_directory(dir));
    EXPECT_EQ(server.base_url(), "http://127.0.0.1:" + std::to_string(server.port()));

    HttpClient client(server.port());
    EXPECT_EQ(client.get("/healthz").status, 200);
    const auto metrics = client.get("/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("qcredit_http_requests_total"), std::string::npos);

    EXPECT_EQ(server.stop(), 0) << server.stderr_tail();
    EXPECT_FALSE(server.running());
    // Output is captured in the temporary directory, and it holds the request log.
    EXPECT_NE((server.stdout_text() + server.stderr_text()).find("route=/healthz"),
              std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST(ServerProcess, RestartKeepsPortAndDirectoryAndSurvivesKill9) {
  ServerProcess server;
  const unsigned short port = server.port();
  server.kill9();
  EXPECT_FALSE(server.running());
  EXPECT_EQ(HttpClient(port).get("/healthz").status, 0);  // nobody answers now

  server.restart();
  EXPECT_TRUE(server.running());
  EXPECT_EQ(server.port(), port);
  HttpClient client(port);
  EXPECT_EQ(client.get("/healthz").status, 200);

  server.restart();                               // graceful this time
  EXPECT_EQ(client.get("/healthz").status, 200);  // the client reconnects on its own
}

TEST(ServerProcess, ReportsAServerThatNeverGetsReady) {
  ServerProcess::Options options;
  options.args = {"--no-such-option-for-qcredit"};
  try {
    ServerProcess server(options);
    FAIL() << "a server with a bad option became ready";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("exited with status"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace qc::test
