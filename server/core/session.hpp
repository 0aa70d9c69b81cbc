#pragma once
// A signed-in session, as stored: never the token itself.
#include <string>

#include "core/time.hpp"

namespace qc {

struct Session {
  std::string token_hash;  // sha256 of the bearer token; the token itself is never stored
  std::string username;
  std::string csrf_token;
  Instant created_at{};
  Instant last_seen{};
  Instant expires_at{};  // absolute expiry
};

}  // namespace qc
