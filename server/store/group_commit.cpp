#include "store/group_commit.hpp"

#include "store/backends.hpp"
#include "store/sql.hpp"
#include "store/store.hpp"

namespace qc::store {

namespace {
constexpr const char* kSavepoint = "SAVEPOINT member";
constexpr const char* kRelease = "RELEASE member";
constexpr const char* kRollbackTo = "ROLLBACK TO member";
}  // namespace

GroupCommit::GroupCommit(std::unique_ptr<Connection> session, int max_batch)
    : session_(std::move(session)), max_batch_(max_batch < 1 ? 1 : max_batch) {}

uint64_t GroupCommit::enter() {
  ++queued_;
  writer_.lock();
  --queued_;
  try {
    if (open_batch_ == 0) {
      // IMMEDIATE takes the file's write lock now, so no statement of the batch has to
      // upgrade a read lock later (and nothing deadlocks with another process).
      exec(*session_, Sql("BEGIN IMMEDIATE"));
      open_batch_ = next_batch_++;
    }
  } catch (...) {
    writer_.unlock();
    throw;
  }
  const uint64_t batch = open_batch_;
  try {
    exec(*session_, Sql(kSavepoint));
  } catch (const soci::soci_error& e) {
    const std::string why = e.get_error_message();
    finish_batch(&why);
    writer_.unlock();
    throw;
  }
  return batch;
}

void GroupCommit::leave(uint64_t batch, bool keep) {
  std::string why;
  try {
    if (keep) {
      exec(*session_, Sql(kRelease));
    } else {
      exec(*session_, Sql(kRollbackTo));
      exec(*session_, Sql(kRelease));
    }
  } catch (const soci::soci_error& e) {
    why = e.get_error_message();
  }
  // Some failures (disk full, I/O errors) make SQLite roll the whole transaction back on
  // its own: then the batch is gone, and with it every member already kept in it.
  if (why.empty() && !sqlite_in_transaction(*session_))
    why = "the database rolled the transaction back";
  if (!why.empty()) {
    finish_batch(&why);
    writer_.unlock();
    if (keep) throw StoreUnavailable("database write failed: " + why);
    return;
  }
  if (keep) ++members_;
  if (queued_.load() > 0 && members_ < max_batch_) {
    // A queued writer continues this batch; one of them (or a later one) commits it.
    writer_.unlock();
  } else {
    finish_batch(nullptr);
    writer_.unlock();
  }
  if (keep) wait_durable(batch);
}

void GroupCommit::finish_batch(const std::string* why) {
  std::string failure = why ? *why : "";
  if (failure.empty()) {
    try {
      exec(*session_, Sql("COMMIT"));
      committed_ += 1;
      members_total_ += static_cast<uint64_t>(members_);
    } catch (const soci::soci_error& e) {
      failure = e.get_error_message();
    }
  }
  if (!failure.empty() && sqlite_in_transaction(*session_)) {
    try {
      exec(*session_, Sql("ROLLBACK"));
    } catch (const soci::soci_error&) {
      // Already rolled back by SQLite: nothing of the batch was committed either way.
    }
  }
  const uint64_t batch = open_batch_;
  open_batch_ = 0;
  members_ = 0;
  {
    std::lock_guard lock(outcome_mu_);
    finished_ = batch;
    if (!failure.empty()) {
      failed_.insert(batch);
      if (failed_.size() > 1024) failed_.erase(failed_.begin());
      last_failure_ = failure;
    }
  }
  outcome_cv_.notify_all();
}

void GroupCommit::wait_durable(uint64_t batch) {
  std::unique_lock lock(outcome_mu_);
  outcome_cv_.wait(lock, [&] { return finished_ >= batch; });
  if (failed_.contains(batch)) throw StoreUnavailable("database write failed: " + last_failure_);
}

}  // namespace qc::store
