#include <soci/sqlite3/soci-sqlite3.h>

#include "store/backends.hpp"

namespace qc::store {

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  if (path.find('"') != std::string::npos)
    throw soci::soci_error("a database path may not contain '\"'");
  // SOCI's timeout is SQLite's busy timeout in seconds: a writer in another process holding
  // the file's lock makes this one wait instead of failing at once.
  auto s = std::make_unique<Connection>(Backend::sqlite, soci::sqlite3,
                                        "db=\"" + path + "\" timeout=10");
  auto* backend = static_cast<soci::sqlite3_session_backend*>(s->get_backend());
  // Tell UNIQUE from FOREIGN KEY violations (2067/1555 vs 787).
  sqlite_api::sqlite3_extended_result_codes(backend->conn_, 1);
  *s << "PRAGMA journal_mode=WAL";
  // FULL: an acknowledged commit survives power loss and kill -9 in WAL mode.
  *s << "PRAGMA synchronous=FULL";
  *s << "PRAGMA foreign_keys=ON";
  return s;
}

bool sqlite_in_transaction(soci::session& s) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
  return sqlite_api::sqlite3_get_autocommit(backend->conn_) == 0;
}

void Connection::finish(soci::statement& st) {
  if (backend_ != Backend::sqlite) return;
  // SOCI resets the statement again before its next run (and does not export its reset()).
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
  if (backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
}

std::optional<int> sqlite_result(const soci::soci_error& e) {
  if (auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) return se->result();
  return std::nullopt;
}

}  // namespace qc::store
