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

std::string_view SqliteRow::text(int column) const {
  auto* st = static_cast<sqlite_api::sqlite3_stmt*>(st_);
  const auto* p = sqlite_api::sqlite3_column_text(st, column);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p),
          static_cast<size_t>(sqlite_api::sqlite3_column_bytes(st, column))};
}

int64_t SqliteRow::integer(int column) const {
  return sqlite_api::sqlite3_column_int64(static_cast<sqlite_api::sqlite3_stmt*>(st_), column);
}

void sqlite_each_row(Connection& c, const Sql& q,
                     const std::function<void(const SqliteRow&)>& row) {
  auto* db = static_cast<soci::sqlite3_session_backend*>(c.get_backend())->conn_;
  auto fail = [db](const std::string& what) {
    throw soci::sqlite3_soci_error(what + ": " + sqlite_api::sqlite3_errmsg(db),
                                   sqlite_api::sqlite3_extended_errcode(db));
  };
  sqlite_api::sqlite3_stmt* st = nullptr;
  if (sqlite_api::sqlite3_prepare_v2(db, q.text().c_str(), static_cast<int>(q.text().size()), &st,
                                     nullptr) != 0)
    fail("prepare");
  // Finalized on every way out; finalizing also ends the statement's read snapshot.
  std::unique_ptr<sqlite_api::sqlite3_stmt, int (*)(sqlite_api::sqlite3_stmt*)> owned(
      st, sqlite_api::sqlite3_finalize);
  const auto& params = q.params();
  for (size_t i = 0; i < params.size(); ++i) {
    const std::string name = ":p" + std::to_string(i);
    const int at = sqlite_api::sqlite3_bind_parameter_index(st, name.c_str());
    int rc = 0;
    if (const auto* s = std::get_if<std::string>(&params[i])) {
      // No destructor: SQLITE_STATIC, `q` outlives the statement.
      rc = sqlite_api::sqlite3_bind_text(st, at, s->data(), static_cast<int>(s->size()),
                                         sqlite_api::sqlite3_destructor_type{});
    } else if (const auto* n = std::get_if<int64_t>(&params[i])) {
      rc = sqlite_api::sqlite3_bind_int64(st, at, *n);
    } else {
      rc = sqlite_api::sqlite3_bind_null(st, at);
    }
    if (rc != 0) fail("bind " + name);
  }
  const SqliteRow r(st);
  for (int rc; (rc = sqlite_api::sqlite3_step(st)) != SQLITE_DONE;) {
    if (rc != SQLITE_ROW) fail("step");
    row(r);
  }
}

std::optional<int> sqlite_result(const soci::soci_error& e) {
  if (auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) return se->result();
  return std::nullopt;
}

}  // namespace qc::store
