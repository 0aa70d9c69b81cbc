#include "http/credentials.hpp"

#include <algorithm>
#include <cctype>

namespace qc::http {

namespace {

constexpr std::string_view kBearer = "bearer ";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals_prefix(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != lower_prefix[i]) return false;
  return true;
}

}  // namespace

std::string_view cookie_value(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    const size_t semi = cookie_header.find(';');
    const std::string_view pair = trim(cookie_header.substr(0, semi));
    if (const size_t eq = pair.find('='); eq != std::string_view::npos) {
      if (trim(pair.substr(0, eq)) == name) return trim(pair.substr(eq + 1));
    }
    if (semi == std::string_view::npos) break;
    cookie_header.remove_prefix(semi + 1);
  }
  return {};
}

std::string_view bearer_token(std::string_view authorization) {
  if (!iequals_prefix(authorization, kBearer)) return {};
  return trim(authorization.substr(kBearer.size()));
}

Credential credential_of(std::string_view authorization, std::string_view cookie_header) {
  if (iequals_prefix(authorization, kBearer)) return Credential{bearer_token(authorization), false};
  return Credential{cookie_value(cookie_header, kSessionCookie), true};
}

bool looks_like_session_token(std::string_view token) {
  return token.size() == 64 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace qc::http
