#pragma once
// In-memory rate limits, on a steady time source (never the simulated clock):
// - back-off after failures (logins): `check` before the attempt, `record_failure` /
//   `record_success` after it;
// - a token bucket (public endpoints): `hit` per request.
// Keys are strings such as "login-user:alice" or "objection-addr:1.2.3.4"; the text before
// the first ':' selects a per-kind policy. Memory is bounded: idle keys are swept, and when
// the table is full the least recently active keys are evicted.
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace qc {

struct BackoffPolicy {
  int free_attempts = 5;
  // After free_attempts failures, each further attempt waits
  // base_delay * 2^(failures - free_attempts), at most max_delay.
  std::chrono::seconds base_delay{1};
  std::chrono::seconds max_delay{std::chrono::minutes{15}};
  // Failures are forgotten after this long without a new one (once no block is running).
  std::chrono::seconds window{std::chrono::hours{1}};
};

struct BucketPolicy {
  int per_minute = 30;  // also the burst: a full bucket holds this many requests
};

struct RateLimits {
  BackoffPolicy backoff;
  std::map<std::string, BackoffPolicy, std::less<>> backoff_by_kind;  // kind = key before ':'
  BucketPolicy bucket;
  std::map<std::string, BucketPolicy, std::less<>> bucket_by_kind;
  size_t max_keys = 100'000;  // per mode (back-off, bucket)
};

class RateLimiter {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using TimeSource = std::function<TimePoint()>;

  struct Decision {
    bool allowed = true;
    int retry_after = 0;  // whole seconds (>= 1) when not allowed
    explicit operator bool() const { return allowed; }
  };

  explicit RateLimiter(
      RateLimits limits = {}, TimeSource now = [] { return std::chrono::steady_clock::now(); });

  // Back-off mode.
  Decision check(std::string_view key);
  void record_failure(std::string_view key);
  void record_success(std::string_view key);  // forgets the key's failures

  // Token-bucket mode: takes one request from the key's bucket if one is left.
  Decision hit(std::string_view key);

  // Keys currently held (both modes); for tests and metrics.
  size_t tracked_keys() const;

 private:
  struct Failures {
    int count = 0;
    TimePoint last_failure{};
    TimePoint blocked_until{};
  };
  struct Bucket {
    TimePoint full_at{};  // when the bucket holds per_minute requests again
  };

  const BackoffPolicy& backoff_for(std::string_view key) const;
  const BucketPolicy& bucket_for(std::string_view key) const;
  bool stale(const Failures& f, const BackoffPolicy& p, TimePoint now) const;
  void make_room(TimePoint now);

  RateLimits limits_;
  TimeSource now_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Failures> failures_;
  std::unordered_map<std::string, Bucket> buckets_;
  TimePoint last_sweep_{};
};

}  // namespace qc
