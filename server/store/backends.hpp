#pragma once
// What is specific to each SOCI backend: opening a session, and reading the native error
// code out of a failure. Each lives in its own .cpp so that the backend headers (SOCI's
// sqlite3 header wraps <sqlite3.h> in a namespace) stay out of the rest of the module.
#include <soci/soci.h>

#include <memory>
#include <optional>
#include <string>

#include "store/connection.hpp"

namespace qc::store {

// `path` of the database file; the parent directory must exist. Sets WAL,
// synchronous=FULL, foreign_keys=ON, a busy timeout and extended result codes.
std::unique_ptr<Connection> open_sqlite(const std::string& path);
// SQLite's (extended) result code of a failure raised by the sqlite3 backend.
std::optional<int> sqlite_result(const soci::soci_error& e);
// Whether a transaction is open on the session (SQLite may roll one back by itself).
bool sqlite_in_transaction(soci::session& s);

// libpq accepts a URI, but SOCI 4.0 rewrites the connection string as key=value pairs and
// mangles a bare URI; so the URI is parsed by libpq itself and passed on as quoted pairs.
// Returns nullopt (and the reason in `error`) when libpq cannot parse it.
std::optional<std::string> pg_conninfo(const std::string& url, std::string& error);
std::unique_ptr<Connection> open_postgresql(const std::string& conninfo);
// The SQLSTATE of a failure raised by the postgresql backend ("" when the server sent none).
std::optional<std::string> pg_sqlstate(const soci::soci_error& e);

}  // namespace qc::store
