#pragma once
// A database session of the pool (or of the group commit) together with the statements
// prepared on it. Preparing is most of the cost of a short query on SQLite (docs/adr/005),
// so the store's query helpers keep each statement, keyed by its SQL text, for the life of
// the connection instead of preparing it afresh on every call.
#include <soci/soci.h>

#include <string>

#include "store/statement_cache.hpp"

namespace qc::store {

enum class Backend { sqlite, postgresql };

class Connection : public soci::session {
 public:
  Connection(Backend backend, const soci::backend_factory& factory, const std::string& connect)
      : soci::session(factory, connect), backend_(backend) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Backend backend() const { return backend_; }
  StatementCache& statements() { return statements_; }
  // Ends the use of a cached statement. SQLite: a statement stepped but not run to its end
  // keeps the connection's read snapshot open (later reads would not see newer commits and
  // checkpoints could not pass it), so it is reset. PostgreSQL: nothing (the result is
  // already on the client).
  void finish(soci::statement& st);

 private:
  Backend backend_;
  StatementCache statements_;  // destroyed before the session they were prepared on
};

}  // namespace qc::store
