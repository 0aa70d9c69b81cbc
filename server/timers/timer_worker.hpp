#pragma once
// Fires due deadlines as `system`: at most once (the firing transition marks the timer fired
// in its own transaction) and at least once after a restart (timers are durable rows; a
// crashed server's lease expires and another server takes the timer over).
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "ports/register_store.hpp"
#include "ports/timer_store.hpp"
#include "service/case_service.hpp"

namespace qc {

class TimerWorker {
 public:
  struct Options {
    std::string owner;  // this server's identity in timer leases
    std::chrono::milliseconds poll{1000};
    std::chrono::seconds lease{60};
  };
  TimerWorker(TimerStore& timers, RegisterStore& registers, CaseService& cases, const Clock& clock,
              Options options)
      : timers_(timers),
        registers_(registers),
        cases_(cases),
        clock_(clock),
        options_(std::move(options)) {}
  ~TimerWorker() { stop(); }

  // Expires grade terms that ended before today, then fires every timer due now; returns
  // how many timers fired. Safe to call from any thread.
  int fire_due();
  void start();
  void stop();
  // Called after each pass with the lag of the oldest timer fired (seconds).
  std::function<void(double)> on_lag;

 private:
  TimerStore& timers_;
  RegisterStore& registers_;
  CaseService& cases_;
  const Clock& clock_;
  Options options_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
  void expire_grants();

  std::mutex fire_mu_;  // one pass at a time in this process
  Date last_expiry_sweep_{};
};

}  // namespace qc
