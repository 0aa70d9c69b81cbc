#pragma once
// Cases, their events, votes and documents, and the Idempotency-Key outcomes: the case
// aggregate. A transition is applied whole or not at all (core/transition.hpp).
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/queries.hpp"
#include "core/result.hpp"
#include "core/transition.hpp"
#include "ports/unavailable.hpp"

namespace qc {

class CaseStore {
 public:
  virtual ~CaseStore() = default;

  // Inserts the case and applies `t` (its first event, effects, timer).
  virtual Result<Case> open_case(Transition t) = 0;
  // Stale expected_rev -> conflict and nothing written.
  virtual Result<Case> commit(Transition t) = 0;
  virtual std::optional<Case> case_by_id(int64_t id) = 0;
  virtual Page<Case> cases(const CaseQuery& q) = 0;
  // A page of the case's events in order (seq from 1), with their total.
  virtual Page<CaseEvent> events(int64_t case_id, const PageRequest& page) = 0;
  virtual std::vector<Vote> votes(int64_t case_id, int64_t round) = 0;
  virtual std::vector<Document> documents(int64_t case_id) = 0;  // html left empty
  virtual std::optional<Document> document(int64_t case_id, const std::string& name) = 0;

  // The outcome a request with this Idempotency-Key had, when it was accepted.
  virtual std::optional<IdempotencyRecord> idempotent_outcome(const std::string& username,
                                                              const std::string& key) = 0;

  // The procedure versions active cases run on, each with one of those cases' ids: what a
  // reload must keep loaded. One grouped query, however many cases there are.
  struct VersionInUse {
    std::string procedure;
    int version = 0;
    int64_t case_id = 0;
  };
  virtual std::vector<VersionInUse> versions_in_use() = 0;
  // Procedures as loaded (for the record: id, version, hash, when).
  virtual void record_procedure(const std::string& id, int version, const std::string& hash,
                                Instant at) = 0;
};

}  // namespace qc
