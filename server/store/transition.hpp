#pragma once
// What open_case and commit share once the case row is written: the chained events, the
// vote, the objection, timers, register writes, the idempotency record and the audit
// entry, all in the caller's transaction.
#include "store/database.hpp"
#include "store/store.hpp"

namespace qc::store {

// Applies `t` (except the case row, which the caller has written from `t.next`) for case
// `case_id` and returns the case as stored: `t.next` with its id.
// An Error means the caller must not commit (the WriteTx then rolls everything back).
Result<Case> finish_transition(WriteTx& tx, int64_t case_id, Transition& t);

// The register part of a transition; `now` dates closed notices.
Status apply_register_writes(Connection& sql, int64_t case_id, const RegisterWrites& w,
                             Instant now);

// The case row as stored, read inside a transaction.
std::optional<Case> read_case(Connection& sql, int64_t id);

}  // namespace qc::store
