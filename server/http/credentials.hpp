#pragma once
// Where a request carries its session token: `Authorization: Bearer <token>` or the
// `qc_session` cookie. One parser for both, used by authentication (api_support.cpp),
// by logout (api_auth.cpp) and by the transport's connection budget (server.cpp): a
// header read two ways is a header an attacker can make mean two things.
#include <string_view>

namespace qc::http {

inline constexpr std::string_view kSessionCookie = "qc_session";

// The value of the cookie named exactly `name` in a Cookie header (RFC 6265 §4.2.1:
// `name=value` pairs separated by ";" and optional spaces), or empty when absent. Names
// compare exactly: `xqc_session=…` is not `qc_session`. The first of repeated names wins.
std::string_view cookie_value(std::string_view cookie_header, std::string_view name);

// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive,
// RFC 9110 §11.1), or empty for any other scheme.
std::string_view bearer_token(std::string_view authorization);

struct Credential {
  std::string_view token;  // empty: none
  bool by_cookie = false;  // a write authenticated this way needs X-CSRF-Token
};

// The bearer token when the Authorization header uses the Bearer scheme, else the
// session cookie.
Credential credential_of(std::string_view authorization, std::string_view cookie_header);

// Whether `token` has the shape of a session token (64 lowercase hex digits, see
// auth/tokens.hpp). Cheap and without the database: the transport uses it to tell a
// signed-in client from an anonymous one before any handler runs. It proves nothing.
bool looks_like_session_token(std::string_view token);

}  // namespace qc::http
