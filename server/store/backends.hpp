#pragma once
// What is specific to each SOCI backend: opening a session, and reading the native error
// code out of a failure. Each lives in its own .cpp so that the backend headers (SOCI's
// sqlite3 header wraps <sqlite3.h> in a namespace) stay out of the rest of the module.
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/connection.hpp"
#include "store/sql_text.hpp"

namespace qc::store {

// `path` of the database file; the parent directory must exist. Sets WAL,
// synchronous=FULL, foreign_keys=ON, a busy timeout and extended result codes.
std::unique_ptr<Connection> open_sqlite(const std::string& path);
// SQLite's (extended) result code of a failure raised by the sqlite3 backend.
std::optional<int> sqlite_result(const soci::soci_error& e);
// Whether a transaction is open on the session (SQLite may roll one back by itself).
bool sqlite_in_transaction(soci::session& s);

// A result row of sqlite_each_row, valid only during the callback.
class SqliteRow {
 public:
  explicit SqliteRow(void* statement) : st_(statement) {}
  std::string_view text(int column) const;  // "" for NULL
  int64_t integer(int column) const;        // 0 for NULL

 private:
  void* st_;  // sqlite3_stmt
};
// Runs the SELECT `q` on a SQLite connection straight through SQLite's C API, calling `row`
// for each result row. For bulk reads: SOCI's sqlite3 backend copies every value of every
// row into a cache of strings before its `into` buffers copy them again, which costs more
// than the query itself on a pass over a whole province. Failures throw sqlite3_soci_error.
void sqlite_each_row(Connection& c, const Sql& q, const std::function<void(const SqliteRow&)>& row);

// libpq accepts a URI, but SOCI 4.0 rewrites the connection string as key=value pairs and
// mangles a bare URI; so the URI is parsed by libpq itself and passed on as quoted pairs.
// Returns nullopt (and the reason in `error`) when libpq cannot parse it.
std::optional<std::string> pg_conninfo(const std::string& url, std::string& error);
std::unique_ptr<Connection> open_postgresql(const std::string& conninfo);
// The SQLSTATE of a failure raised by the postgresql backend ("" when the server sent none).
std::optional<std::string> pg_sqlstate(const soci::soci_error& e);

}  // namespace qc::store
