#pragma once
// The pool plus what differs per backend: SQLite has one writer per database file, so
// write transactions are serialised in-process and start with BEGIN IMMEDIATE (a reader
// never has to upgrade its lock, so nothing deadlocks); PostgreSQL runs writers
// concurrently and relies on row locks and the rev check.
#include <memory>
#include <mutex>

#include "core/time.hpp"
#include "store/pool.hpp"

namespace qc::store {

enum class Backend { sqlite, postgresql };

// One write transaction: begun on construction, rolled back on destruction unless committed.
class WriteTx {
 public:
  WriteTx(Pool::Lease lease, Backend backend, std::mutex& writer);
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  ~WriteTx();

  soci::session& sql() const { return *lease_; }
  Backend backend() const { return backend_; }
  void commit();

 private:
  Pool::Lease lease_;                    // destroyed last: the session goes back last
  std::unique_lock<std::mutex> writer_;  // held for SQLite only
  Backend backend_;
  bool open_ = false;
};

class Database {
 public:
  Database(Backend backend, Pool::Opener open, int pool_size, std::shared_ptr<const Clock> clock)
      : backend_(backend), pool_(std::move(open), pool_size), clock_(std::move(clock)) {}

  Backend backend() const { return backend_; }
  Pool::Lease read() { return pool_.acquire(); }
  WriteTx write() { return WriteTx(pool_.acquire(), backend_, writer_); }
  // Real time (timer leases are judged on it plus the stored clock offset).
  Instant real_now() const { return clock_->now(); }

 private:
  Backend backend_;
  Pool pool_;
  std::mutex writer_;
  std::shared_ptr<const Clock> clock_;
};

}  // namespace qc::store
