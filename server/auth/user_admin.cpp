#include "auth/user_admin.hpp"

#include <algorithm>

#include "auth/new_user.hpp"
#include "auth/passwords.hpp"
#include "core/access.hpp"
#include "core/hash.hpp"

namespace qc {

namespace {

boost::json::array grants_json(const std::vector<RoleGrant>& grants) {
  boost::json::array out;
  for (const auto& g : grants) out.push_back(JsonObject{{"role", g.role}, {"region", g.region}});
  return out;
}

bool holds_admin(const std::vector<RoleGrant>& grants) {
  return std::any_of(grants.begin(), grants.end(),
                     [](const RoleGrant& g) { return g.role == "admin"; });
}

}  // namespace

std::string UserAdmin::session_id(const Session& s) {
  // A second hash: the listed id cannot be used to look a session up by its token hash.
  return sha256_hex("session-id:" + s.token_hash).substr(0, 24);
}

AuditEntry UserAdmin::audit(const std::string& actor, std::string what, Json detail) const {
  AuditEntry e;
  e.at = clock_.now();
  e.actor = actor;
  e.what = std::move(what);
  e.detail = std::move(detail);
  return e;
}

Result<User> UserAdmin::stored(const std::string& username) {
  auto u = users_.user(username);
  if (!u) return err(ErrorCode::not_found, "no user " + username, "username");
  return std::move(*u);
}

Result<User> UserAdmin::create(const Actor& actor, NewUser u) {
  if (auto s = require_role(actor, {}); !s) return s.take_error();
  return insert_new_user(users_, std::move(u), actor.username, clock_.now());
}

Result<Page<User>> UserAdmin::list(const Actor& actor, const PageRequest& page) {
  if (auto s = require_role(actor, {}); !s) return s.take_error();
  return users_.users(page);
}

Result<User> UserAdmin::me(const Actor& actor) {
  auto u = users_.user(actor.username);
  if (!u) return err(ErrorCode::unauthenticated, "log in first");
  u->password_hash.clear();
  return std::move(*u);
}

Result<User> UserAdmin::user(const Actor& actor, const std::string& username) {
  if (auto s = require_role(actor, {}); !s) return s.take_error();
  auto u = stored(username);
  if (u) u->password_hash.clear();
  return u;
}

Result<User> UserAdmin::update(const Actor& who, const std::string& username, UserPatch patch) {
  if (auto s = require_role(who, {}); !s) return s.take_error();
  const std::string& actor = who.username;
  auto found = stored(username);
  if (!found) return found;
  User u = std::move(found).value();

  NewUser profile{u.username, "", u.display_name, u.grants, u.enterprise};
  if (patch.display_name) profile.display_name = *patch.display_name;
  if (patch.grants) profile.grants = *patch.grants;
  if (patch.enterprise) profile.enterprise = *patch.enterprise;
  if (auto valid = validate_profile(profile); !valid) return valid.take_error();

  // Locking oneself out is never what was meant; another admin can do it if it is.
  if (username == actor) {
    if (patch.disabled.value_or(false))
      return err(ErrorCode::validation, "you cannot disable your own account", "disabled");
    if (holds_admin(u.grants) && !holds_admin(profile.grants))
      return err(ErrorCode::validation, "you cannot remove your own admin role", "grants");
  }

  const bool disabling = patch.disabled.value_or(u.disabled) && !u.disabled;
  const bool enabling = !patch.disabled.value_or(u.disabled) && u.disabled;
  JsonObject detail{{"username", u.username}};
  if (profile.display_name != u.display_name) detail["display_name"] = profile.display_name;
  if (profile.grants != u.grants) {
    detail["grants_before"] = grants_json(u.grants);
    detail["grants"] = grants_json(profile.grants);
  }
  if (profile.enterprise != u.enterprise)
    detail["enterprise"] = profile.enterprise ? Json(*profile.enterprise) : Json(nullptr);
  if (disabling || enabling) detail["disabled"] = disabling;

  u.display_name = profile.display_name;
  u.grants = profile.grants;
  u.enterprise = profile.enterprise;
  u.disabled = patch.disabled.value_or(u.disabled);
  const char* what = disabling ? "user.disable" : enabling ? "user.enable" : "user.update";
  if (auto saved = users_.update_user(u, audit(actor, what, std::move(detail))); !saved)
    return saved.take_error();
  // authenticate() already refuses a disabled user's sessions; deleting them as well means
  // nothing of them is left to revive by re-enabling the account.
  if (disabling) users_.delete_sessions_of(u.username);
  u.password_hash.clear();
  return u;
}

Status UserAdmin::reset_password(const Actor& who, const std::string& username,
                                 const std::string& password) {
  if (auto s = require_role(who, {}); !s) return s;
  const std::string& actor = who.username;
  auto found = stored(username);
  if (!found) return found.take_error();
  User u = std::move(found).value();
  if (auto problem = password_problem(u.username, password); !problem.empty())
    return err(ErrorCode::validation, problem, "password");
  u.password_hash = hash_password(password);
  if (auto saved = users_.update_user(
          u, audit(actor, "user.password_reset", JsonObject{{"username", u.username}}));
      !saved)
    return saved;
  // Whoever knew the old password may hold a session: it ends with the password.
  users_.delete_sessions_of(u.username);
  return ok_status();
}

Result<std::vector<SessionInfo>> UserAdmin::sessions(const Actor& actor,
                                                     const std::string& username) {
  if (auto s = require_role(actor, {}); !s) return s.take_error();
  if (auto u = stored(username); !u) return u.take_error();
  std::vector<SessionInfo> out;
  const Instant now = clock_.now();
  for (const auto& s : users_.sessions_of(username)) {
    if (s.expires_at <= now) continue;  // ended; deleted when next presented
    out.push_back(SessionInfo{session_id(s), s.created_at, s.last_seen, s.expires_at});
  }
  return out;
}

Result<int64_t> UserAdmin::revoke_sessions(const Actor& who, const std::string& username,
                                           const std::optional<std::string>& id) {
  if (auto s = require_role(who, {}); !s) return s.take_error();
  const std::string& actor = who.username;
  if (auto u = stored(username); !u) return u.take_error();
  int64_t ended = 0;
  for (const auto& s : users_.sessions_of(username)) {
    if (id && session_id(s) != *id) continue;
    users_.delete_session(s.token_hash);
    ++ended;
  }
  if (id && ended == 0) return err(ErrorCode::not_found, "no such session of " + username);
  JsonObject detail{{"username", username}, {"sessions", ended}};
  if (id) detail["session"] = *id;
  audit_.append_audit(audit(actor, "sessions.revoke", std::move(detail)));
  return ended;
}

}  // namespace qc
