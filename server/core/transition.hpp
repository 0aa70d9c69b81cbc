#pragma once
// One accepted action as data: the case as it becomes, its events, what it writes to the
// registers, its timers and its audit entry. The service plans it; the store applies it in
// one transaction or not at all.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/audit.hpp"
#include "core/model.hpp"

namespace qc {

// A new ban ends every open case of its scheme (the procedures of its family) other than
// the one that imposed it: each is closed with an event naming the ban and its article, and
// given `notice` (its case_id set by the store) so that the enterprise is told.
struct BanClosure {
  std::vector<std::string> procedures;  // procedure ids, every version
  std::string reason;
  std::string basis;
  Date until{};
  Document notice;
};

// What a transition writes to the registers (the effects, resolved by the service).
struct RegisterWrites {
  std::vector<Grant> new_grants;
  std::vector<std::pair<int64_t, std::string>> grant_status;  // grant id -> new status
  std::vector<Ban> new_bans;
  std::vector<Listing> new_listings;
  std::vector<std::pair<int64_t, std::string>> listing_status;  // listing id -> new status
  std::vector<Announcement> announcements;
  std::vector<Document> documents;  // same case+name replaces
  // Records of the case's enterprise found untrue (fx.correct_records): id -> correction.
  std::vector<std::pair<int64_t, RecordCorrection>> record_corrections;
  bool close_notices = false;  // close the case's open notice (stage left)
  std::optional<Notice> open_notice;
  // Outcomes written to the quality archive (fx.record); source_case_id set by the store.
  std::vector<QualityRecord> new_records;
  // For each new ban: the open applications of its scheme that it ends.
  std::vector<BanClosure> ban_closures;
};

// What an Idempotency-Key replay answers from: the outcome of the first request, as data.
// The HTTP layer renders the first answer and every replay from it.
struct CaseOutcomeRecord {
  bool created = false;           // the request opened the case
  Case snapshot;                  // the case as committed
  std::optional<Timer> deadline;  // its pending timer then
  bool voted = false;             // the caller had voted in the current round then
};

struct IdempotencyRecord {
  std::string username;
  std::string key;
  std::string request_hash;
  CaseOutcomeRecord outcome;
};

struct Transition {
  int64_t expected_rev = 0;
  Case next;  // id, stage, status, data, stage_seq as they become; rev/updated_at set here
  std::vector<CaseEvent> events;  // seq, prev_hash and hash are assigned by the store
  RegisterWrites writes;
  bool cancel_timers = false;  // the case left a stage: pending timers are cancelled
  std::optional<Timer> new_timer;
  std::optional<int64_t> fired_timer;  // marked fired in this transaction
  std::optional<Vote> vote;            // unique (case, round, username): else already_voted
  std::optional<Objection> objection;
  // Kept with the transition; its snapshot is completed by the store (id, rev, times).
  std::optional<IdempotencyRecord> idempotency;
  AuditEntry audit;
  // Opening only: at most this many active cases of the procedure per enterprise
  // (`max_open`); one more is already_open naming the newest of them.
  std::optional<int> max_open;
  // Opening only: refused (banned) when a ban of this family is in force on the opening
  // day, checked in the opening transaction so that a ban committed meanwhile still counts.
  std::optional<std::string> ban_family;
};

}  // namespace qc
