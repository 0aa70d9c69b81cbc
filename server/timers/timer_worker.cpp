#include "timers/timer_worker.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

namespace qc {

int TimerWorker::fire_due() {
  std::lock_guard pass(fire_mu_);
  expire_grants();
  int fired = 0;
  double lag = 0;
  // Firing a timer may start another that is already due (a kept deadline): loop until none.
  for (int round = 0; round < 100; ++round) {
    const Instant now = clock_.now();
    auto due = timers_.due_timers(now, 100);
    if (due.empty()) break;
    int progressed = 0;
    for (const auto& t : due) {
      if (!timers_.claim_timer(t.id, options_.owner, now + options_.lease)) continue;
      auto r = cases_.fire(t);
      if (r) {
        ++fired;
        ++progressed;
        lag = std::max(lag, static_cast<double>((now - t.due_at).count()));
        spdlog::info("timer fired timer_id={} case_id={} action={}", t.id, t.case_id,
                     t.fire_action);
      } else {
        spdlog::warn("timer failed timer_id={} case_id={} action={} error={}", t.id, t.case_id,
                     t.fire_action, r.error().message);
      }
    }
    if (progressed == 0) break;
  }
  if (on_lag && fired > 0) on_lag(lag);
  return fired;
}

void TimerWorker::expire_grants() {
  const Instant now = clock_.now();
  const Date today = beijing_date(now);
  if (today == last_expiry_sweep_) return;  // terms end at day boundaries: once a day is enough
  const int64_t n =
      registers_.expire_grants(today, AuditEntry{0,
                                                 now,
                                                 "system",
                                                 "grants.expire",
                                                 boost::json::object{{"date", format_date(today)}},
                                                 {},
                                                 {}});
  last_expiry_sweep_ = today;
  if (n > 0) spdlog::info("grants expired count={} date={}", n, format_date(today));
}

void TimerWorker::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      try {
        fire_due();
      } catch (const std::exception& e) {
        spdlog::error("timer pass failed error={}", e.what());
      }
      lock.lock();
      cv_.wait_for(lock, options_.poll, [this] { return stopping_; });
    }
  });
}

void TimerWorker::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace qc
