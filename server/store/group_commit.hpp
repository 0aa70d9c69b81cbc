#pragma once
// Group commit for SQLite. SQLite has one writer per database file and each COMMIT with
// synchronous=FULL waits for an fsync, so one transaction per request caps durable writes
// at the disk's fsync rate. Here every logical write transaction is a SAVEPOINT inside a
// batch transaction on one dedicated session: a writer that finishes while others are
// queued leaves the batch open for them, and the writer that finds nobody queued commits
// it, one fsync for the whole batch. Each member's commit() returns only once its batch is
// durable, so an acknowledged write still survives kill -9 and power loss. A lone writer
// commits at once: there is no added latency at low load.
//
// A member that fails rolls back to its savepoint and leaves the rest of the batch intact.
// If the batch itself cannot commit (disk full, read-only file, I/O error), every member
// of that batch gets StoreUnavailable from commit(): none of them was acknowledged.
#include <soci/soci.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "store/connection.hpp"

namespace qc::store {

class GroupCommit {
 public:
  explicit GroupCommit(std::unique_ptr<Connection> session, int max_batch = 256);
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Waits for the writer lock and opens a savepoint in the current batch (beginning one if
  // none is open). Returns the batch the member belongs to. Throws soci::soci_error when
  // the database refuses to begin.
  uint64_t enter();
  Connection& sql() { return *session_; }
  // Ends the member that enter() started: releases its savepoint (`keep`) or rolls back
  // to it, then commits the batch or hands it on to a queued writer. With `keep`, returns
  // once the batch is durable and throws StoreUnavailable if the batch failed. Without
  // `keep` it never throws.
  void leave(uint64_t batch, bool keep);

  // Batches committed so far and members in them (for metrics and tests).
  uint64_t batches_committed() const { return committed_.load(); }
  uint64_t members_committed() const { return members_total_.load(); }

 private:
  // With the writer lock held: commit (or, if `why` is set, roll back) the open batch and
  // publish its outcome to the members waiting for it.
  void finish_batch(const std::string* why);
  void wait_durable(uint64_t batch);

  std::unique_ptr<Connection> session_;
  const int max_batch_;
  std::mutex writer_;           // held from enter() to leave(): one member at a time
  std::atomic<int> queued_{0};  // writers waiting in enter() for the writer lock
  uint64_t open_batch_ = 0;     // the batch open on session_, 0 when none (writer lock)
  uint64_t next_batch_ = 1;     // (writer lock)
  int members_ = 0;             // members kept in the open batch (writer lock)

  std::mutex outcome_mu_;
  std::condition_variable outcome_cv_;
  uint64_t finished_ = 0;      // every batch up to this one has committed or failed
  std::set<uint64_t> failed_;  // recent batches that failed
  std::string last_failure_;
  std::atomic<uint64_t> committed_{0};
  std::atomic<uint64_t> members_total_{0};
};

}  // namespace qc::store
