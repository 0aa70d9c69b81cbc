#pragma once
// A fixed set of database sessions shared by the server's threads. A session is leased for
// one unit of work and handed back by RAII; a session handed back while an exception was
// in flight is checked (and reopened if its connection died) before it is leased again.
#include <soci/soci.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/connection.hpp"

namespace qc::store {

class Pool {
 public:
  using Opener = std::function<std::unique_ptr<Connection>()>;

  // Opens `size` sessions at once (throws soci::soci_error when the database is unreachable).
  Pool(Opener open, int size);
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *session_; }
    Connection* operator->() const { return session_; }

   private:
    friend class Pool;
    Lease(Pool* pool, size_t slot, Connection* session);
    Pool* pool_;
    size_t slot_;
    Connection* session_;
    int uncaught_;  // std::uncaught_exceptions() when leased
  };

  // Blocks until a session is free.
  Lease acquire();
  // Sessions leased now, and the pool's size.
  std::pair<size_t, size_t> usage() const;

 private:
  struct Slot {
    std::unique_ptr<Connection> session;
    bool busy = false;
    bool suspect = false;  // last lease ended by an exception
  };
  void release(size_t slot, bool suspect);

  Opener open_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::vector<Slot> slots_;
};

}  // namespace qc::store
