#include "store/errors.hpp"

#include "store/backends.hpp"

namespace qc::store {

namespace {
// SQLite primary result codes (the low byte of an extended code).
constexpr int kConstraint = 19;
constexpr int kConstraintUnique = 2067;      // SQLITE_CONSTRAINT_UNIQUE
constexpr int kConstraintPrimaryKey = 1555;  // SQLITE_CONSTRAINT_PRIMARYKEY
constexpr int kConstraintForeignKey = 787;   // SQLITE_CONSTRAINT_FOREIGNKEY
bool sqlite_unavailable(int primary) {
  switch (primary) {
    case 5:   // BUSY: another writer held the lock past the busy timeout
    case 6:   // LOCKED
    case 7:   // NOMEM
    case 8:   // READONLY
    case 10:  // IOERR
    case 11:  // CORRUPT
    case 13:  // FULL
    case 14:  // CANTOPEN
    case 15:  // PROTOCOL
    case 26:  // NOTADB
      return true;
    default:
      return false;
  }
}

bool pg_unavailable(const std::string& state) {
  if (state.empty()) return true;  // no answer from the server: the connection broke
  const std::string cls = state.substr(0, 2);
  // 08 connection, 53 insufficient resources (disk full), 57 operator intervention
  // (shutdown), 58 system error (I/O); 25006 read-only transaction (a standby).
  return cls == "08" || cls == "53" || cls == "57" || cls == "58" || state == "25006";
}
}  // namespace

Failure classify(const soci::soci_error& e) {
  if (auto code = sqlite_result(e)) {
    if (*code == kConstraintUnique || *code == kConstraintPrimaryKey)
      return Failure::unique_violation;
    if (*code == kConstraintForeignKey) return Failure::foreign_key_violation;
    if ((*code & 0xff) == kConstraint) return Failure::other;
    return sqlite_unavailable(*code & 0xff) ? Failure::unavailable : Failure::other;
  }
  if (auto state = pg_sqlstate(e)) {
    if (*state == "23505") return Failure::unique_violation;
    if (*state == "23503") return Failure::foreign_key_violation;
    return pg_unavailable(*state) ? Failure::unavailable : Failure::other;
  }
  if (e.get_error_category() == soci::soci_error::connection_error) return Failure::unavailable;
  return Failure::other;
}

Error to_error(const soci::soci_error& e) {
  switch (classify(e)) {
    case Failure::unavailable:
      return err(ErrorCode::unavailable, "database unavailable: " + e.get_error_message());
    case Failure::unique_violation:
      return err(ErrorCode::conflict, "a concurrent write took the same key");
    case Failure::foreign_key_violation:
      return err(ErrorCode::not_found, "a referenced record does not exist");
    case Failure::other:
      break;
  }
  return err(ErrorCode::internal, "database error: " + e.get_error_message());
}

}  // namespace qc::store
