#pragma once
// Process metrics in the Prometheus text exposition format. Thread-safe: request
// records come from every I/O thread, gauges from the timer worker and the store.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "http/message.hpp"

namespace qc::http {

class Metrics {
 public:
  // Upper bounds (seconds) of the latency histogram buckets; +Inf is implied.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   10};

  void record_request(std::string_view route, int status, std::uint64_t microseconds);
  void add_transitions(std::uint64_t n);
  void set_timer_lag_seconds(double seconds);
  void set_db_pool(size_t in_use, size_t size);
  // SQLite group commit: batches committed and the writes in them (the average batch size
  // is their ratio).
  void set_write_batches(std::uint64_t batches, std::uint64_t writes);

  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative counts
    std::uint64_t count = 0;
    std::uint64_t sum_us = 0;
  };

  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;  // (route, status)
  std::map<std::string, Histogram> durations_;                     // by route
  std::atomic<std::uint64_t> transitions_{0};
  std::atomic<double> timer_lag_seconds_{0};
  size_t db_in_use_ = 0;  // guarded by mu_: the pair is read together
  size_t db_size_ = 0;
  std::uint64_t write_batches_ = 0, batched_writes_ = 0;  // guarded by mu_
};

// GET /metrics: the rendered text with the exposition format's content type.
Response metrics_response(const Metrics& metrics);

}  // namespace qc::http
