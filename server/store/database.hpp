#pragma once
// The pool plus what differs per backend. SQLite has one writer per database file: its
// write transactions go through GroupCommit (one dedicated session, members serialised,
// batches sharing one fsync). PostgreSQL runs writers concurrently on pooled sessions and
// relies on row locks and the rev check; the server batches its own WAL flushes.
#include <memory>
#include <optional>

#include "core/time.hpp"
#include "store/group_commit.hpp"
#include "store/pool.hpp"

namespace qc::store {

// One write transaction: begun on construction, rolled back on destruction unless
// committed. commit() returns once the write is durable.
class WriteTx {
 public:
  explicit WriteTx(Pool::Lease lease);   // PostgreSQL: BEGIN … COMMIT on a pooled session
  explicit WriteTx(GroupCommit& group);  // SQLite: a member of the group's batch
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  ~WriteTx();

  Connection& sql() const { return lease_ ? **lease_ : group_->sql(); }
  Backend backend() const { return lease_ ? Backend::postgresql : Backend::sqlite; }
  void commit();

 private:
  std::optional<Pool::Lease> lease_;
  GroupCommit* group_ = nullptr;
  uint64_t batch_ = 0;
  bool open_ = false;
};

class Database {
 public:
  Database(Backend backend, Pool::Opener open, int pool_size, std::shared_ptr<const Clock> clock);

  Backend backend() const { return backend_; }
  Pool::Lease read() { return pool_.acquire(); }
  WriteTx write() { return group_ ? WriteTx(*group_) : WriteTx(pool_.acquire()); }
  // Real time (timer leases are judged on it plus the stored clock offset).
  Instant real_now() const { return clock_->now(); }
  const GroupCommit* group_commit() const { return group_.get(); }
  const Pool& pool() const { return pool_; }

 private:
  Backend backend_;
  Pool pool_;
  std::unique_ptr<GroupCommit> group_;  // SQLite only
  std::shared_ptr<const Clock> clock_;
};

}  // namespace qc::store
