#include "service/operations.hpp"

#include "core/access.hpp"

namespace qc {

Result<ChainVerification> Operations::verify(const Actor& actor) {
  if (auto s = require_role(actor, {}); !s) return s.take_error();
  return ChainVerification{audit_.verify_audit(), audit_.verify_events()};
}

}  // namespace qc
