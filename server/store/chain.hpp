#pragma once
// The two hash chains. Each link hashes the previous link's hash followed by the canonical
// JSON of the entry, so editing, deleting or reordering an entry breaks every later link.
#include <string>

#include "core/model.hpp"
#include "store/store.hpp"

namespace qc::store {

// sha256_hex(prev_hash + canonical_json({case_id, seq, at, actor, action, from, to,
// comment, payload})), `at` in RFC 3339.
std::string event_hash(const CaseEvent& e);
// sha256_hex(prev_hash + canonical_json({seq, at, actor, what, detail})).
std::string audit_hash(const AuditEntry& e);

}  // namespace qc::store
