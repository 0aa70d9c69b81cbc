#include "auth/rate_limiter.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace qc {

using namespace std::chrono;

namespace {

constexpr auto kSweepInterval = minutes{1};
constexpr auto kBucketRefillTime = minutes{1};  // an empty bucket refills in this time

int seconds_until(RateLimiter::TimePoint now, RateLimiter::TimePoint until) {
  const auto s = ceil<seconds>(until - now).count();
  return static_cast<int>(std::max<decltype(s)>(s, 1));
}

std::string_view kind_of(std::string_view key) { return key.substr(0, key.find(':')); }

template <typename Policy>
const Policy& policy_for(std::string_view key, const Policy& fallback,
                         const std::map<std::string, Policy, std::less<>>& by_kind) {
  const auto it = by_kind.find(kind_of(key));
  return it == by_kind.end() ? fallback : it->second;
}

// Drops the least recently active eighth of `map`: an attacker flooding the table with new
// keys pushes out old entries instead of growing memory without bound.
template <typename Map, typename Activity>
void evict_oldest(Map& map, Activity activity) {
  using Item = std::pair<RateLimiter::TimePoint, typename Map::iterator>;
  std::vector<Item> items;
  items.reserve(map.size());
  for (auto it = map.begin(); it != map.end(); ++it) items.emplace_back(activity(it->second), it);
  const size_t n = std::max<size_t>(1, items.size() / 8);
  std::nth_element(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n - 1), items.end(),
                   [](const Item& a, const Item& b) { return a.first < b.first; });
  for (size_t i = 0; i < n; ++i) map.erase(items[i].second);
}

}  // namespace

RateLimiter::RateLimiter(RateLimits limits, TimeSource now)
    : limits_(std::move(limits)), now_(std::move(now)), last_sweep_(now_()) {}

const BackoffPolicy& RateLimiter::backoff_for(std::string_view key) const {
  return policy_for(key, limits_.backoff, limits_.backoff_by_kind);
}

const BucketPolicy& RateLimiter::bucket_for(std::string_view key) const {
  return policy_for(key, limits_.bucket, limits_.bucket_by_kind);
}

bool RateLimiter::stale(const Failures& f, const BackoffPolicy& p, TimePoint now) const {
  return now >= f.blocked_until && now - f.last_failure >= p.window;
}

void RateLimiter::make_room(TimePoint now) {
  const bool full = failures_.size() >= limits_.max_keys || buckets_.size() >= limits_.max_keys;
  if (full || now - last_sweep_ >= kSweepInterval) {
    std::erase_if(failures_,
                  [&](const auto& kv) { return stale(kv.second, backoff_for(kv.first), now); });
    std::erase_if(buckets_, [&](const auto& kv) { return kv.second.full_at <= now; });
    last_sweep_ = now;
  }
  if (failures_.size() >= limits_.max_keys)
    evict_oldest(failures_, [](const Failures& f) { return f.last_failure; });
  if (buckets_.size() >= limits_.max_keys)
    evict_oldest(buckets_, [](const Bucket& b) { return b.full_at; });
}

RateLimiter::Decision RateLimiter::check(std::string_view key) {
  const TimePoint now = now_();
  std::lock_guard lock(mu_);
  const auto it = failures_.find(std::string(key));
  if (it == failures_.end() || now >= it->second.blocked_until) return {};
  return {false, seconds_until(now, it->second.blocked_until)};
}

void RateLimiter::record_failure(std::string_view key) {
  const TimePoint now = now_();
  const BackoffPolicy& p = backoff_for(key);
  std::lock_guard lock(mu_);
  auto it = failures_.find(std::string(key));
  if (it == failures_.end()) {
    make_room(now);
    it = failures_.emplace(std::string(key), Failures{}).first;
  } else if (stale(it->second, p, now)) {
    it->second = Failures{};
  }
  Failures& f = it->second;
  ++f.count;
  f.last_failure = now;
  const int over = f.count - p.free_attempts;
  if (over < 0) return;
  // Doubling from base_delay; past 2^30 the cap has long been reached.
  const seconds delay =
      over >= 30 ? p.max_delay : std::min(p.base_delay * (int64_t{1} << over), p.max_delay);
  f.blocked_until = now + delay;
}

void RateLimiter::record_success(std::string_view key) {
  std::lock_guard lock(mu_);
  failures_.erase(std::string(key));
}

// The token bucket in its exact integer form (GCRA): instead of a token count the bucket
// keeps the instant at which it would be full again (`full_at`); each request pushes it one
// interval (1 min / per_minute) further, and a request is refused when that would put it
// more than a minute ahead of now, i.e. when more than per_minute requests are pending.
RateLimiter::Decision RateLimiter::hit(std::string_view key) {
  const TimePoint now = now_();
  const BucketPolicy& p = bucket_for(key);
  if (p.per_minute <= 0) return {false, seconds_until(now, now + kBucketRefillTime)};
  const auto interval = duration_cast<steady_clock::duration>(kBucketRefillTime) / p.per_minute;
  std::lock_guard lock(mu_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    make_room(now);
    it = buckets_.emplace(std::string(key), Bucket{now}).first;
  }
  Bucket& b = it->second;
  const TimePoint next = std::max(b.full_at, now) + interval;
  if (next - now > kBucketRefillTime) return {false, seconds_until(now, next - kBucketRefillTime)};
  b.full_at = next;
  return {};
}

size_t RateLimiter::tracked_keys() const {
  std::lock_guard lock(mu_);
  return failures_.size() + buckets_.size();
}

}  // namespace qc
