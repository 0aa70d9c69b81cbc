#include "service/classification_pass.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "service/classification_batch.hpp"

namespace qc {

namespace {

// A bounded hand-over of batches from one stage to the next (two in flight at most).
template <typename Batch>
class BatchQueue {
 public:
  void push(Batch b) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return q_.size() < 2 || stopped_; });
    if (stopped_) return;
    q_.push_back(std::move(b));
    cv_.notify_all();
  }
  // Empty optional when the producer finished (or the queue was stopped) and nothing is left.
  std::optional<Batch> pop() {
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
    if (!error_) error_ = std::move(error);  // the first error is the one reported
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
  std::deque<Batch> q_;
  bool finished_ = false, stopped_ = false;
  std::optional<Error> error_;
};

}  // namespace

// Three stages on their own threads: read (store), grade (Lua: the calling thread and
// `graders - 1` more), write (store, then on_batch). Grading is the costliest stage, so it
// gets more than one thread; with two, a two-core server keeps both cores busy.
Result<int64_t> run_classification_pass(ArchiveStore& archive, ClassificationStore& register_,
                                        const PluginFunction& grader, const PassOptions& o) {
  BatchQueue<std::vector<ArchiveEntry>> to_grade;
  BatchQueue<std::vector<Classification>> to_write;
  std::thread reader([&] {
    try {
      std::string after;
      while (!to_grade.stopped()) {
        auto batch = archive.archive_batch(o.scope, o.region, after, o.batch_size);
        if (batch.empty()) break;
        after = batch.back().enterprise.uscc;
        to_grade.push(std::move(batch));
      }
      to_grade.finish();
    } catch (const std::exception& e) {
      to_grade.finish(err(ErrorCode::unavailable, e.what()));
    }
  });
  int64_t done = 0;  // written (or, without writes, graded) and reported: the writer's
  std::thread writer([&] {
    try {
      while (auto results = to_write.pop()) {
        if (o.write) register_.save_classifications(*results);
        done += static_cast<int64_t>(results->size());
        if (o.on_batch && !o.on_batch(done, *results)) break;
      }
      to_write.stop();  // stopped by on_batch, or finished: nothing more is taken
    } catch (const std::exception& e) {
      to_write.finish(err(ErrorCode::unavailable, e.what()));
      to_write.stop();
    }
  });
  // Graders: each borrows its own Lua state from the grader's pool; batches are written in
  // whatever order they are graded (each result is an upsert of its own enterprise).
  std::mutex failure_mu;
  std::optional<Error> failure;
  auto grade = [&] {
    ClassificationBatch grading(grader);
    try {
      while (auto batch = to_grade.pop()) {
        if (to_write.stopped()) break;
        auto results = grading.grade(*batch, o.as_of, o.run_id, o.at);
        if (!results) {
          std::lock_guard lock(failure_mu);
          if (!failure) failure = results.take_error();
          break;
        }
        to_write.push(std::move(results.value()));
      }
    } catch (const std::exception& e) {
      std::lock_guard lock(failure_mu);
      if (!failure) failure = err(ErrorCode::unavailable, e.what());
    }
    to_grade.stop();  // a failed grader stops the others; a finished one finds nothing left
  };
  std::vector<std::thread> graders;
  for (int i = 1; i < std::max(1, o.graders); ++i) graders.emplace_back(grade);
  grade();
  for (auto& t : graders) t.join();
  to_write.finish();
  to_grade.stop();
  reader.join();
  writer.join();
  if (auto e = to_write.error()) return std::move(*e);
  if (failure) return std::move(*failure);
  if (auto e = to_grade.error()) return std::move(*e);
  return done;
}

}  // namespace qc
