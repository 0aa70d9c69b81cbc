#include "service/classification_pass.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "service/classification_batch.hpp"

namespace qc {

namespace {

// A bounded hand-over of batches from the reader to the grader (two in flight at most).
class BatchQueue {
 public:
  void push(std::vector<ArchiveEntry> b) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return q_.size() < 2 || stopped_; });
    if (stopped_) return;
    q_.push_back(std::move(b));
    cv_.notify_all();
  }
  // Empty optional when the reader finished (or the queue was stopped) and nothing is left.
  std::optional<std::vector<ArchiveEntry>> pop() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !q_.empty() || finished_ || stopped_; });
    if (q_.empty() || stopped_) return std::nullopt;
    auto b = std::move(q_.front());
    q_.pop_front();
    cv_.notify_all();
    return b;
  }
  void finish(std::optional<Error> error = std::nullopt) {
    std::lock_guard lock(mu_);
    finished_ = true;
    error_ = std::move(error);
    cv_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    cv_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(mu_);
    return stopped_;
  }
  std::optional<Error> error() {
    std::lock_guard lock(mu_);
    return error_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<ArchiveEntry>> q_;
  bool finished_ = false, stopped_ = false;
  std::optional<Error> error_;
};

}  // namespace

Result<int64_t> run_classification_pass(Store& store, const PluginFunction& grader,
                                        const PassOptions& o) {
  BatchQueue queue;
  std::thread reader([&] {
    try {
      std::string after;
      while (!queue.stopped()) {
        auto batch = store.archive_batch(o.scope, o.region, after, o.batch_size);
        if (batch.empty()) break;
        after = batch.back().enterprise.uscc;
        queue.push(std::move(batch));
      }
      queue.finish();
    } catch (const std::exception& e) {
      queue.finish(err(ErrorCode::unavailable, e.what()));
    }
  });
  ClassificationBatch grading(grader);
  int64_t done = 0;
  std::optional<Error> failure;
  try {
    while (auto batch = queue.pop()) {
      auto results = grading.grade(*batch, o.as_of, o.run_id, o.at);
      if (!results) {
        failure = results.take_error();
        break;
      }
      if (o.write) store.save_classifications(*results);
      done += static_cast<int64_t>(results->size());
      if (o.on_batch && !o.on_batch(done, *results)) break;
    }
  } catch (const std::exception& e) {
    failure = err(ErrorCode::unavailable, e.what());
  }
  queue.stop();
  reader.join();
  if (failure) return std::move(*failure);
  if (auto e = queue.error()) return std::move(*e);
  return done;
}

}  // namespace qc
