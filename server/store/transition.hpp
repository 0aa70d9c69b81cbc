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

// Chains `events` after the case's last event and inserts them.
void append_events(Connection& sql, int64_t case_id, std::vector<CaseEvent>& events);
void insert_announcement(Connection& sql, const Announcement& a);
// Marks the announcements the grant's case made withdrawn; returns how many.
int64_t withdraw_announcements_of(Connection& sql, int64_t grant_id, const std::string& reason,
                                  Date on);
void upsert_document(Connection& sql, int64_t case_id, const Document& d);
void close_notices_of(Connection& sql, int64_t case_id, Instant now);

// store/ban_closures.cpp: the scheme's open cases a new ban ends; the per-enterprise lock
// writers of cross-case rules take first (PostgreSQL); whether a transition needs it.
Status close_for_bans(WriteTx& tx, int64_t banning_case, const std::string& uscc,
                      const std::vector<BanClosure>& closures, Instant now);
void lock_enterprise(WriteTx& tx, const std::string& uscc);
// The ban of `family` in force on `day` for the enterprise, if any (the longest).
std::optional<Ban> ban_on(Connection& sql, const std::string& uscc, const std::string& family,
                          Date day);

bool touches_registers(const Transition& t);

}  // namespace qc::store
