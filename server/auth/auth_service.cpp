#include "auth/auth_service.hpp"

#include <algorithm>
#include <utility>

#include "auth/passwords.hpp"
#include "auth/tokens.hpp"
#include "auth/utf8.hpp"

namespace qc {

namespace {

// The one answer to every failed login: it must not reveal whether the user exists.
constexpr std::string_view kWrongCredentials = "wrong username or password";
// Longest bearer token accepted for lookup; ours have 64 characters.
constexpr size_t kMaxTokenLength = 256;

std::string lowercase_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// What a failed login with this name may leave in rate-limit keys and the audit trail:
// bounded in size and valid UTF-8 (the audit detail is JSON).
std::string recordable(std::string_view name) {
  std::string out(name.substr(0, 64));
  while (!out.empty() && !auth_detail::utf8_length(out)) out.pop_back();  // cut mid-character
  return out;
}

Json login_detail(std::string_view username, std::string_view addr) {
  return JsonObject{{"username", username}, {"addr", addr}};
}

}  // namespace

RateLimits login_rate_limits() {
  RateLimits limits;
  BackoffPolicy per_address;
  per_address.free_attempts = 20;
  limits.backoff_by_kind.emplace(std::string(kLoginAddrKind), per_address);
  return limits;
}

AuthService::AuthService(UserStore& users, AuditStore& audit, const Clock& real_clock,
                         RateLimiter& limiter, AuthOptions options)
    : users_(users), audit_(audit), clock_(real_clock), limiter_(limiter), options_(options) {}

const std::string& AuthService::dummy_hash() {
  std::call_once(dummy_once_, [this] { dummy_hash_ = hash_password(new_session_token()); });
  return dummy_hash_;
}

void AuthService::audit(std::string actor, std::string what, Json detail) {
  AuditEntry e;
  e.at = clock_.now();
  e.actor = std::move(actor);
  e.what = std::move(what);
  e.detail = std::move(detail);
  audit_.append_audit(std::move(e));
}

Result<Login> AuthService::login(std::string_view username_given, std::string_view password,
                                 std::string_view remote_addr) {
  // Usernames are lowercase; accept "Alice" for "alice" rather than fail confusingly.
  const std::string username = lowercase_ascii(username_given);
  const std::string shown = recordable(username);
  const std::string user_key = std::string(kLoginUserKind) + ":" + shown;
  const std::string addr_key = std::string(kLoginAddrKind) + ":" + std::string(remote_addr);

  // Refused before the password is looked at: a blocked guess teaches the attacker nothing.
  const auto by_user = limiter_.check(user_key);
  const auto by_addr = limiter_.check(addr_key);
  if (!by_user || !by_addr) {
    Error e = err(ErrorCode::rate_limited, "too many failed logins; try again later");
    e.retry_after = std::max(by_user.retry_after, by_addr.retry_after);
    return e;
  }

  std::optional<User> user;
  if (username_valid(username)) user = users_.user(username);
  // Always verify (against a dummy hash for unknown users) so timing does not tell apart
  // unknown users, disabled users and wrong passwords.
  const bool password_ok =
      verify_password(user ? std::string_view(user->password_hash) : dummy_hash(), password);
  if (!user || user->disabled || !password_ok) {
    limiter_.record_failure(user_key);
    limiter_.record_failure(addr_key);
    audit("public", "session.login_failed", login_detail(shown, remote_addr));
    return err(ErrorCode::unauthenticated, std::string(kWrongCredentials));
  }
  // Only the username's failures are forgotten: a success from an address must not wipe
  // the failures that address piled up against other accounts.
  limiter_.record_success(user_key);

  const Instant now = clock_.now();
  Login out;
  out.token = new_session_token();
  out.csrf_token = new_csrf_token();
  Session s;
  s.token_hash = token_hash(out.token);
  s.username = user->username;
  s.csrf_token = out.csrf_token;
  s.created_at = now;
  s.last_seen = now;
  s.expires_at = now + options_.absolute_lifetime;
  if (auto stored = users_.insert_session(s); !stored) return stored.take_error();
  audit(user->username, "session.login", login_detail(user->username, remote_addr));

  user->password_hash.clear();
  out.user = std::move(*user);
  out.expires_at = s.expires_at;
  return out;
}

std::optional<AuthContext> AuthService::authenticate(std::string_view token) {
  if (token.empty() || token.size() > kMaxTokenLength) return std::nullopt;
  const std::string hash = token_hash(token);
  // One query for the session, its user and the grants (docs/adr/005).
  auto found = users_.session_user(hash);
  // Unknown, or its user is gone (the row then stays unusable until it expires).
  if (!found) return std::nullopt;
  auto& [session, user] = *found;

  const Instant now = clock_.now();
  if (now >= session.expires_at || now - session.last_seen >= options_.idle_timeout) {
    users_.delete_session(hash);
    return std::nullopt;
  }
  if (user.disabled) {
    users_.delete_session(hash);
    return std::nullopt;
  }
  if (now - session.last_seen >= options_.touch_interval) {
    users_.touch_session(hash, now);
    session.last_seen = now;
  }
  user.password_hash.clear();
  return AuthContext{std::move(user), std::move(session)};
}

void AuthService::logout(std::string_view token) {
  if (token.empty() || token.size() > kMaxTokenLength) return;
  const std::string hash = token_hash(token);
  auto session = users_.session(hash);
  if (!session) return;
  users_.delete_session(hash);
  audit(session->username, "session.logout", JsonObject{{"username", session->username}});
}

Result<User> AuthService::create_user(NewUser u, const std::string& actor) {
  return insert_new_user(users_, std::move(u), actor, clock_.now());
}

Status AuthService::ensure_admin(std::string_view password) {
  if (users_.user("admin")) return ok_status();
  NewUser admin;
  admin.username = "admin";
  admin.password = std::string(password);
  admin.display_name = "系统管理员";
  admin.grants = {RoleGrant{"admin", "000000"}};
  auto created = create_user(std::move(admin), "system");
  // Another server sharing the database may have created it a moment ago.
  if (!created && created.error().code != ErrorCode::already_exists) return created.take_error();
  return ok_status();
}

}  // namespace qc
