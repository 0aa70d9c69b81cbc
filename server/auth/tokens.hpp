#pragma once
// Bearer and CSRF tokens. A bearer token is a password-equivalent secret: only its hash
// (token_hash) is stored, so a copy of the database does not yield live sessions.
#include <string>
#include <string_view>

namespace qc {

// 256 random bits as 64 lowercase hex characters.
std::string new_session_token();
// 256 random bits as 64 lowercase hex characters; sent back in X-CSRF-Token.
std::string new_csrf_token();
// SHA-256 of the token, lowercase hex: the key of the sessions table.
std::string token_hash(std::string_view token);
// Compares secrets in time independent of where they differ (for X-CSRF-Token); false
// when either is empty.
bool tokens_equal(std::string_view a, std::string_view b);

}  // namespace qc
