#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace qc::http {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.starts_with(line + "\n");
}

TEST(Metrics, CountsRequestsByRouteAndStatus) {
  Metrics m;
  m.record_request("/api/v1/cases/{id}", 200, 1500);
  m.record_request("/api/v1/cases/{id}", 200, 2500);
  m.record_request("/api/v1/cases/{id}", 404, 100);
  m.record_request("static", 200, 50);
  const std::string text = m.render();
  EXPECT_TRUE(
      has_line(text, R"(qcredit_http_requests_total{route="/api/v1/cases/{id}",status="200"} 2)"));
  EXPECT_TRUE(
      has_line(text, R"(qcredit_http_requests_total{route="/api/v1/cases/{id}",status="404"} 1)"));
  EXPECT_TRUE(has_line(text, R"(qcredit_http_requests_total{route="static",status="200"} 1)"));
  EXPECT_NE(text.find("# TYPE qcredit_http_requests_total counter"), std::string::npos);
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics m;
  m.record_request("r", 200, 500);         // 0.0005 s: first bucket
  m.record_request("r", 200, 30'000);      // 0.03 s: le 0.05
  m.record_request("r", 200, 20'000'000);  // 20 s: only +Inf
  const std::string text = m.render();
  const std::string p = "qcredit_http_request_duration_seconds";
  EXPECT_TRUE(has_line(text, p + R"(_bucket{route="r",le="0.001"} 1)"));
  EXPECT_TRUE(has_line(text, p + R"(_bucket{route="r",le="0.025"} 1)"));
  EXPECT_TRUE(has_line(text, p + R"(_bucket{route="r",le="0.05"} 2)"));
  EXPECT_TRUE(has_line(text, p + R"(_bucket{route="r",le="10"} 2)"));
  EXPECT_TRUE(has_line(text, p + R"(_bucket{route="r",le="+Inf"} 3)"));
  EXPECT_TRUE(has_line(text, p + R"(_count{route="r"} 3)"));
  EXPECT_TRUE(has_line(text, p + R"(_sum{route="r"} 20.0305)"));
  EXPECT_NE(text.find("# TYPE " + p + " histogram"), std::string::npos);
}

TEST(Metrics, GaugesAndTransitions) {
  Metrics m;
  m.add_transitions(3);
  m.add_transitions(2);
  m.set_timer_lag_seconds(1.5);
  m.set_db_pool(3, 8);
  m.set_write_batches(4, 10);
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, "qcredit_db_write_batches_total 4"));
  EXPECT_TRUE(has_line(text, "qcredit_db_batched_writes_total 10"));
  EXPECT_TRUE(has_line(text, "qcredit_transitions_total 5"));
  EXPECT_TRUE(has_line(text, "qcredit_timer_lag_seconds 1.5"));
  EXPECT_TRUE(has_line(text, R"(qcredit_db_pool_connections{state="in_use"} 3)"));
  EXPECT_TRUE(has_line(text, R"(qcredit_db_pool_connections{state="idle"} 5)"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.record_request("a\"b\\c\nd", 200, 1);
  EXPECT_NE(m.render().find(R"(route="a\"b\\c\nd")"), std::string::npos);
}

TEST(Metrics, ConcurrentRecordsAreAllCounted) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&m] {
      for (int i = 0; i < 1000; ++i) {
        m.record_request("r", 200, 10);
        m.add_transitions(1);
      }
    });
  for (auto& t : threads) t.join();
  const std::string text = m.render();
  EXPECT_TRUE(has_line(text, R"(qcredit_http_requests_total{route="r",status="200"} 4000)"));
  EXPECT_TRUE(has_line(text, "qcredit_transitions_total 4000"));
}

TEST(MetricsResponse, UsesTheExpositionContentType) {
  Metrics m;
  const Response res = metrics_response(m);
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(res.content_type.starts_with("text/plain; version=0.0.4"));
  EXPECT_NE(res.body.find("qcredit_transitions_total 0"), std::string::npos);
}

}  // namespace
}  // namespace qc::http
