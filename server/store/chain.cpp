#include "store/chain.hpp"

#include "core/hash.hpp"

namespace qc::store {

std::string event_hash(const CaseEvent& e) {
  JsonObject o;
  o["case_id"] = e.case_id;
  o["seq"] = e.seq;
  o["at"] = format_instant(e.at);
  o["actor"] = e.actor;
  o["action"] = e.action;
  o["from"] = e.from_stage;
  o["to"] = e.to_stage;
  o["comment"] = e.comment;
  o["payload"] = e.payload;
  return sha256_hex(e.prev_hash + canonical_json(o));
}

std::string audit_hash(const AuditEntry& e) {
  JsonObject o;
  o["seq"] = e.seq;
  o["at"] = format_instant(e.at);
  o["actor"] = e.actor;
  o["what"] = e.what;
  o["detail"] = e.detail;
  return sha256_hex(e.prev_hash + canonical_json(o));
}

}  // namespace qc::store
