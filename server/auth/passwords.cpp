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
}  // namespace

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
  // Case-insensitive in ASCII is enough: usernames are [a-z0-9_.-].
  if (equal_ignoring_ascii_case(username, password)) return "the password must not be the username";
  return {};
}

}  // namespace qc
