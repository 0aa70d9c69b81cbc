#include "auth/rate_limiter.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

#include <string>
#include <thread>
#include <vector>

namespace qc {
namespace {

using namespace std::chrono;

// A steady time source the test moves by hand.
struct DrivenTime {
  RateLimiter::TimePoint now{hours{1000}};
  RateLimiter::TimeSource source() {
    return [this] { return now; };
  }
  void advance(steady_clock::duration d) { now += d; }
};

class BackoffTest : public ::testing::Test {
 protected:
  DrivenTime time;
  RateLimiter limiter{RateLimits{}, time.source()};
};

TEST_F(BackoffTest, FreeAttemptsThenDoublingDelayCappedAt15Minutes) {
  const std::string key = "login-user:alice";
  for (int i = 1; i <= 4; ++i) {
    limiter.record_failure(key);
    EXPECT_TRUE(limiter.check(key)) << "failure " << i;
  }
  // Failure n (n >= 5) blocks for 1 s * 2^(n - 5), capped at 900 s.
  const std::vector<int> expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
  for (size_t i = 0; i < expected.size(); ++i) {
    limiter.record_failure(key);
    const auto d = limiter.check(key);
    EXPECT_FALSE(d) << "failure " << i + 5;
    EXPECT_EQ(d.retry_after, expected[i]) << "failure " << i + 5;
    // Still blocked one second before the delay ends, free again when it ends.
    time.advance(seconds{expected[i]} - seconds{1});
    EXPECT_FALSE(limiter.check(key));
    EXPECT_EQ(limiter.check(key).retry_after, 1);
    time.advance(seconds{1});
    EXPECT_TRUE(limiter.check(key));
  }
}

TEST_F(BackoffTest, RetryAfterRoundsUpAndCountsDown) {
  const std::string key = "login-user:bob";
  for (int i = 0; i < 8; ++i) limiter.record_failure(key);  // 8th failure: 8 s
  EXPECT_EQ(limiter.check(key).retry_after, 8);
  time.advance(milliseconds{2500});
  EXPECT_EQ(limiter.check(key).retry_after, 6);  // 5.5 s left, rounded up
}

TEST_F(BackoffTest, SuccessResets) {
  const std::string key = "login-user:carol";
  for (int i = 0; i < 6; ++i) limiter.record_failure(key);
  EXPECT_FALSE(limiter.check(key));
  limiter.record_success(key);
  EXPECT_TRUE(limiter.check(key));
  // Counting starts over: four more failures are free again.
  for (int i = 0; i < 4; ++i) limiter.record_failure(key);
  EXPECT_TRUE(limiter.check(key));
}

TEST_F(BackoffTest, KeysAreIndependent) {
  for (int i = 0; i < 5; ++i) limiter.record_failure("login-user:dave");
  EXPECT_FALSE(limiter.check("login-user:dave"));
  EXPECT_TRUE(limiter.check("login-user:erin"));
  EXPECT_TRUE(limiter.check("login-addr:10.0.0.1"));
}

TEST_F(BackoffTest, FailuresAreForgottenAfterAQuietWindow) {
  const std::string key = "login-user:frank";
  for (int i = 0; i < 4; ++i) limiter.record_failure(key);
  time.advance(minutes{59});
  limiter.record_failure(key);  // fifth failure inside the window: blocks
  EXPECT_FALSE(limiter.check(key));
  time.advance(hours{1});
  limiter.record_failure(key);  // an hour after the last failure: counts as the first
  EXPECT_TRUE(limiter.check(key));
}

TEST(RateLimiter, PolicyByKind) {
  DrivenTime time;
  RateLimits limits;
  BackoffPolicy lenient;
  lenient.free_attempts = 20;
  limits.backoff_by_kind.emplace("login-addr", lenient);
  RateLimiter limiter(limits, time.source());
  for (int i = 0; i < 19; ++i) {
    limiter.record_failure("login-addr:10.0.0.1");
    limiter.record_failure("login-user:gina");
  }
  EXPECT_TRUE(limiter.check("login-addr:10.0.0.1"));
  EXPECT_FALSE(limiter.check("login-user:gina"));
  limiter.record_failure("login-addr:10.0.0.1");
  EXPECT_EQ(limiter.check("login-addr:10.0.0.1").retry_after, 1);
}

TEST(RateLimiter, TokenBucketAllowsNPerMinute) {
  DrivenTime time;
  RateLimits limits;
  limits.bucket.per_minute = 3;
  RateLimiter limiter(limits, time.source());
  const std::string key = "objection-addr:10.0.0.7";
  EXPECT_TRUE(limiter.hit(key));
  EXPECT_TRUE(limiter.hit(key));
  EXPECT_TRUE(limiter.hit(key));
  auto d = limiter.hit(key);
  EXPECT_FALSE(d);
  EXPECT_EQ(d.retry_after, 20);  // one request comes back every 60 / 3 seconds
  EXPECT_TRUE(limiter.hit("objection-addr:10.0.0.8"));  // another key has its own bucket
  time.advance(seconds{19});
  EXPECT_EQ(limiter.hit(key).retry_after, 1);
  time.advance(seconds{1});
  EXPECT_TRUE(limiter.hit(key));
  EXPECT_FALSE(limiter.hit(key));
  // A minute of quiet refills the whole bucket, and no more than that.
  time.advance(minutes{10});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.hit(key)) << i;
  EXPECT_FALSE(limiter.hit(key));
}

TEST(RateLimiter, BucketPolicyByKind) {
  DrivenTime time;
  RateLimits limits;
  limits.bucket.per_minute = 100;
  limits.bucket_by_kind.emplace("complaint-addr", BucketPolicy{1});
  RateLimiter limiter(limits, time.source());
  EXPECT_TRUE(limiter.hit("complaint-addr:1.2.3.4"));
  EXPECT_EQ(limiter.hit("complaint-addr:1.2.3.4").retry_after, 60);
  EXPECT_TRUE(limiter.hit("other:1.2.3.4"));
  EXPECT_TRUE(limiter.hit("other:1.2.3.4"));
}

TEST(RateLimiter, MemoryIsBounded) {
  DrivenTime time;
  RateLimits limits;
  limits.max_keys = 64;
  RateLimiter limiter(limits, time.source());
  for (int i = 0; i < 1000; ++i) {
    limiter.record_failure("login-user:u" + std::to_string(i));
    limiter.hit("objection-addr:a" + std::to_string(i));
    time.advance(milliseconds{1});
  }
  EXPECT_LE(limiter.tracked_keys(), 2 * limits.max_keys);
  // The most recent keys are the ones kept: u999 still has its first failure, so four more
  // reach the block.
  for (int i = 0; i < 4; ++i) limiter.record_failure("login-user:u999");
  EXPECT_FALSE(limiter.check("login-user:u999"));
}

TEST(RateLimiter, StaleKeysAreSwept) {
  DrivenTime time;
  RateLimiter limiter(RateLimits{}, time.source());
  for (int i = 0; i < 100; ++i) {
    limiter.record_failure("login-user:u" + std::to_string(i));
    limiter.hit("objection-addr:a" + std::to_string(i));
  }
  EXPECT_EQ(limiter.tracked_keys(), 200u);
  // After the back-off window, the next new key triggers a sweep of all the idle ones.
  time.advance(hours{2});
  limiter.record_failure("login-user:fresh");
  EXPECT_EQ(limiter.tracked_keys(), 1u);
}

TEST(RateLimiter, ConcurrentFailuresAreAllCounted) {
  DrivenTime time;  // never advanced, so only read by the threads
  RateLimits limits;
  limits.backoff.free_attempts = 400;
  RateLimiter limiter(limits, time.source());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) limiter.record_failure("login-user:shared");
    });
  for (auto& t : threads) t.join();
  // 400 failures exactly reach free_attempts: the block has started. One lost update would
  // leave the key unblocked.
  EXPECT_FALSE(limiter.check("login-user:shared"));
}

}  // namespace
}  // namespace qc
