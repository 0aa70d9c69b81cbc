#include "http/metrics.hpp"

#include <charconv>

namespace qc::http {

namespace {

// Label values may hold any route text: escape per the exposition format.
std::string label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Shortest round-trip form: "0.05", not "0.050000000000000003".
std::string number(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace

void Metrics::record_request(std::string_view route, int status, std::uint64_t microseconds) {
  const double seconds = static_cast<double>(microseconds) / 1e6;
  std::lock_guard lock(mu_);
  ++requests_[{std::string(route), status}];
  Histogram& h = durations_[std::string(route)];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum_us += microseconds;
}

void Metrics::add_transitions(std::uint64_t n) { transitions_ += n; }

void Metrics::set_timer_lag_seconds(double seconds) { timer_lag_seconds_ = seconds; }

void Metrics::set_db_pool(size_t in_use, size_t size) {
  std::lock_guard lock(mu_);
  db_in_use_ = in_use;
  db_size_ = size;
}

void Metrics::set_write_batches(std::uint64_t batches, std::uint64_t writes) {
  std::lock_guard lock(mu_);
  write_batches_ = batches;
  batched_writes_ = writes;
}

std::string Metrics::render() const {
  std::string out;
  out +=
      "# HELP qcredit_http_requests_total HTTP requests by route and status.\n"
      "# TYPE qcredit_http_requests_total counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [key, n] : requests_) {
    out += "qcredit_http_requests_total{route=\"" + label(key.first) + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(n) + "\n";
  }
  out +=
      "# HELP qcredit_http_request_duration_seconds HTTP request latency by route.\n"
      "# TYPE qcredit_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    const std::string prefix = "qcredit_http_request_duration_seconds";
    const std::string r = "route=\"" + label(route) + "\"";
    std::uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out += prefix + "_bucket{" + r + ",le=\"" + number(kBuckets[i]) + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += prefix + "_bucket{" + r + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
    out += prefix + "_sum{" + r + "} " + number(static_cast<double>(h.sum_us) / 1e6) + "\n";
    out += prefix + "_count{" + r + "} " + std::to_string(h.count) + "\n";
  }
  const size_t in_use = db_in_use_;
  const size_t size = db_size_;
  const std::uint64_t batches = write_batches_, batched = batched_writes_;
  out +=
      "# HELP qcredit_transitions_total Accepted case transitions.\n"
      "# TYPE qcredit_transitions_total counter\n"
      "qcredit_transitions_total " +
      std::to_string(transitions_.load()) +
      "\n"
      "# HELP qcredit_timer_lag_seconds How late the last due timer fired.\n"
      "# TYPE qcredit_timer_lag_seconds gauge\n"
      "qcredit_timer_lag_seconds " +
      number(timer_lag_seconds_.load()) +
      "\n"
      "# HELP qcredit_db_pool_connections Database pool connections by state.\n"
      "# TYPE qcredit_db_pool_connections gauge\n"
      "qcredit_db_pool_connections{state=\"in_use\"} " +
      std::to_string(in_use) + "\nqcredit_db_pool_connections{state=\"idle\"} " +
      std::to_string(size > in_use ? size - in_use : 0) +
      "\n"
      "# HELP qcredit_db_write_batches_total SQLite group-commit batches committed (one fsync "
      "each).\n"
      "# TYPE qcredit_db_write_batches_total counter\n"
      "qcredit_db_write_batches_total " +
      std::to_string(batches) +
      "\n"
      "# HELP qcredit_db_batched_writes_total Write transactions committed in those batches.\n"
      "# TYPE qcredit_db_batched_writes_total counter\n"
      "qcredit_db_batched_writes_total " +
      std::to_string(batched) + "\n";
  return out;
}

Response metrics_response(const Metrics& metrics) {
  Response res;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = metrics.render();
  return res;
}

}  // namespace qc::http
