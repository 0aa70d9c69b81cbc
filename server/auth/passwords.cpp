#include "auth/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

#include "auth/sodium.hpp"
#include "auth/utf8.hpp"

namespace qc {

namespace {
constexpr size_t kMinChars = 10;
// Bounds the work a single request can cause; far beyond any passphrase people type.
constexpr size_t kMaxChars = 256;

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// Only spaces: ASCII, no-break (U+00A0), U+2000-U+200B, U+3000 (ideographic).
bool only_spaces(std::string_view s) {
  while (!s.empty()) {
    if (s.front() == ' ') {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else if (s.starts_with("\xE3\x80\x80")) {
      s.remove_prefix(3);
    } else if (s.size() >= 3 && s.starts_with("\xE2\x80") &&
               static_cast<unsigned char>(s[2]) <= 0x8B) {
      s.remove_prefix(3);
    } else {
      return false;
    }
  }
  return true;
}
}  // namespace

// C0 controls (NUL included), DEL, and C1 controls (U+0080-U+009F, 0xC2 0x80-0x9F).
bool has_control_characters(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
  }
  return false;
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  ensure_sodium();
  // libsodium reads the hash as a NUL-terminated string of at most STRBYTES - 1 characters.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string encoded(hash);
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

std::string password_problem(std::string_view username, std::string_view password) {
  const auto chars = auth_detail::utf8_length(password);
  if (!chars) return "the password is not valid UTF-8 text";
  if (*chars < kMinChars) return "the password must have at least 10 characters";
  if (*chars > kMaxChars) return "the password must have at most 256 characters";
  if (has_control_characters(password))
    return "the password must not contain control characters (NUL, tab, newline, …)";
  if (only_spaces(password)) return "the password must not be only spaces";
  // Case-insensitive in ASCII is enough: usernames are [a-z0-9_.-].
  if (equal_ignoring_ascii_case(username, password)) return "the password must not be the username";
  return {};
}

}  // namespace qc
