#pragma once
// Password hashing (argon2id via libsodium) and the password policy.
#include <string>
#include <string_view>

namespace qc {

// An argon2id hash string in libsodium's encoded form (algorithm, parameters and salt
// included), at the INTERACTIVE cost. Throws std::runtime_error if memory cannot be
// allocated.
std::string hash_password(std::string_view password);

// True when `password` matches `hash`; false for a wrong password and for a malformed hash.
bool verify_password(std::string_view hash, std::string_view password);

// "" when `password` may be set for `username`, otherwise the rule it breaks, in words
// shown to the user: at least 10 characters (Unicode code points, so 10 Chinese characters
// suffice), at most 256, valid UTF-8, no control characters (NUL, tab, newline, DEL, C1),
// not only spaces, and not the username in any letter case.
std::string password_problem(std::string_view username, std::string_view password);

// C0 controls (NUL included), DEL, and C1 controls: never part of a name or password.
bool has_control_characters(std::string_view s);

}  // namespace qc
