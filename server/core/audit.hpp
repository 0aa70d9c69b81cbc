#pragma once
// The hash-chained audit trail and the verification of it and of the case event chains.
#include <cstdint>
#include <optional>
#include <string>

#include "core/model.hpp"
#include "core/page.hpp"

namespace qc {

struct AuditEntry {
  int64_t seq = 0;
  Instant at{};
  std::string actor;
  std::string what;  // e.g. case.transition, user.create, procedures.reload, clock.set
  Json detail;       // never secrets
  std::string prev_hash;
  std::string hash;
};

// An entry to append: seq, prev_hash and hash are assigned by the store.
inline AuditEntry audit_entry(Instant at, std::string actor, std::string what, Json detail = {}) {
  return AuditEntry{0, at, std::move(actor), std::move(what), std::move(detail), {}, {}};
}

struct AuditVerification {
  bool ok = true;
  int64_t entries = 0;
  int64_t broken_seq = 0;
  std::string reason;
};

// The case event chains: each case's events link seq 1, 2, … by prev_hash and hash.
struct EventVerification {
  bool ok = true;
  int64_t cases = 0;
  int64_t events = 0;
  int64_t broken_case = 0;  // the first case whose chain breaks, and where
  int64_t broken_seq = 0;
  std::string reason;
};

// GET /api/v1/audit: the trail filtered by actor, case and time (all optional).
struct AuditQuery {
  std::optional<std::string> actor;
  std::optional<int64_t> case_id;  // entries whose detail names this case_id
  std::optional<Instant> from;     // at >= from
  std::optional<Instant> to;       // at <= to
  PageRequest page;
};

}  // namespace qc
