#pragma once
// Appending to the audit chain from inside a write transaction.
#include "store/database.hpp"
#include "store/store.hpp"

namespace qc::store {

// Assigns seq, prev_hash and hash and inserts `e`. Appends are serialised: on SQLite by the
// writer lock `tx` already holds, on PostgreSQL by a transaction-scoped advisory lock taken
// before the last link is read (so call this last in a transaction: the lock is held until
// commit).
AuditEntry append_audit_entry(WriteTx& tx, AuditEntry e);

// Records an id the caller could not know before the insert (e.g. "case_id") in the
// entry's detail, when the detail is an object (or null) and does not name it already.
void add_to_detail(AuditEntry& e, std::string_view key, int64_t id);

}  // namespace qc::store
