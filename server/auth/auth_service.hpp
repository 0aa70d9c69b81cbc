#pragma once
// Logins, sessions and user accounts. Sessions and rate limits always run on the real
// clock (API.md "Auth"): the Clock given here must never be the simulated one.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "auth/new_user.hpp"
#include "auth/rate_limiter.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "ports/audit_store.hpp"
#include "ports/user_store.hpp"

namespace qc {

struct AuthOptions {
  std::chrono::seconds idle_timeout{std::chrono::hours{8}};
  std::chrono::seconds absolute_lifetime{std::chrono::days{7}};
  // last_seen is written at most this often, so a busy session does not write per request.
  std::chrono::seconds touch_interval{std::chrono::minutes{1}};
};

struct Login {
  std::string token;  // the bearer token: returned once, only its hash is stored
  std::string csrf_token;
  User user;  // password_hash cleared
  Instant expires_at{};
};

struct AuthContext {
  User user;  // password_hash cleared
  Session session;
};

// Rate-limit keys used by login (exposed so the app can tune their policies).
inline constexpr std::string_view kLoginUserKind = "login-user";
inline constexpr std::string_view kLoginAddrKind = "login-addr";

// The limits login needs: per username the default back-off (5 free failures, then 1 s
// doubling to 15 min); per address more free failures, since an office shares one address.
RateLimits login_rate_limits();

class AuthService {
 public:
  AuthService(UserStore& users, AuditStore& audit, const Clock& real_clock, RateLimiter& limiter,
              AuthOptions options = {});

  // unauthenticated ("wrong username or password") whether the user is unknown, disabled
  // or the password wrong; rate_limited (retry_after set) after repeated failures for the
  // username or from the address.
  Result<Login> login(std::string_view username, std::string_view password,
                      std::string_view remote_addr);
  // The session and its user, or nullopt when the token is unknown, expired (the session
  // is then deleted) or its user disabled.
  std::optional<AuthContext> authenticate(std::string_view token);
  void logout(std::string_view token);

  // validation (with field), invalid_uscc (field "enterprise") or already_exists.
  Result<User> create_user(NewUser u, const std::string& actor);
  // First start: creates user "admin" (admin @ 000000) unless a user of that name exists.
  Status ensure_admin(std::string_view password);

 private:
  const std::string& dummy_hash();
  void audit(std::string actor, std::string what, Json detail);

  UserStore& users_;
  AuditStore& audit_;
  const Clock& clock_;
  RateLimiter& limiter_;
  AuthOptions options_;
  // Verified against when the user does not exist, so that an unknown username costs the
  // same time as a wrong password. Computed on first use (hashing takes a while).
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

}  // namespace qc
