#pragma once
// Idempotency-Key rows (store/idempotency.cpp).
#include <soci/soci.h>

#include "store/database.hpp"
#include "store/store.hpp"

namespace qc::store {

struct IdempotencyRow {
  using Value = IdempotencyRecord;
  static constexpr const char* kColumns =
      "i.username, i.idem_key, i.request_hash, i.status, i.body, i.outcome";
  int64_t status = 0;
  std::string username, key, request_hash, body, outcome;
  soci::indicator outcome_ind = soci::i_null;
  void bind(soci::statement& st);
  Value value() const;
};

std::string outcome_text(const CaseOutcomeRecord& r);
// From the outcome column, or, for a row written before it existed, from the rendered answer.
CaseOutcomeRecord outcome_from(const std::string& outcome, int64_t legacy_status,
                               const std::string& legacy_body);
// Inserts the row in the caller's transaction; conflict when another request with the
// same key was accepted first.
Status insert_idempotency(Connection& sql, const IdempotencyRecord& r, Instant now);

}  // namespace qc::store
