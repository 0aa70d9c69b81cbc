#include "auth/tokens.hpp"

#include <sodium.h>

#include "auth/sodium.hpp"
#include "core/hash.hpp"

namespace qc {

namespace {
constexpr size_t kTokenBytes = 32;  // 256 bits: unguessable, no rate limit needed
}

std::string new_session_token() {
  ensure_sodium();
  return random_hex(kTokenBytes);
}

std::string new_csrf_token() {
  ensure_sodium();
  return random_hex(kTokenBytes);
}

std::string token_hash(std::string_view token) { return sha256_hex(token); }

bool tokens_equal(std::string_view a, std::string_view b) {
  // The length of a token is not secret; its content is. An empty secret matches nothing.
  if (a.empty() || a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace qc
