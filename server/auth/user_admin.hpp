#pragma once
// What an administrator does to accounts after creating them: edit the profile and grants,
// disable, reset the password, list and revoke sessions. Every change is audited; a
// disabled account, a reset password and a revocation end the sessions at once.
#include <optional>
#include <string>
#include <vector>

#include "auth/new_user.hpp"
#include "core/model.hpp"
#include "core/query.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "ports/audit_store.hpp"
#include "ports/user_store.hpp"

namespace qc {

// The fields an admin may change; absent ones stay as they are.
struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<std::vector<RoleGrant>> grants;
  std::optional<std::optional<std::string>> enterprise;  // a USCC, or nullopt to unbind
  std::optional<bool> disabled;
};

// A session as an admin sees it: never the token, nor the hash it is looked up by.
struct SessionInfo {
  std::string id;  // derived from the token hash; names the session for revocation
  Instant created_at{};
  Instant last_seen{};
  Instant expires_at{};
};

class UserAdmin {
 public:
  // `real_clock`: account changes are dated like logins, on the real clock.
  UserAdmin(UserStore& users, AuditStore& audit, const Clock& real_clock)
      : users_(users), audit_(audit), clock_(real_clock) {}

  // Every call but me() is the admin's: forbidden for anyone else.
  // A new account (validation with field, invalid_uscc, already_exists), audited.
  Result<User> create(const Actor& actor, NewUser u);
  Result<Page<User>> list(const Actor& actor, const PageRequest& page);
  // The caller's own account; unauthenticated when it is gone.
  Result<User> me(const Actor& actor);
  // The account (password hash cleared), or not_found.
  Result<User> user(const Actor& actor, const std::string& username);
  // validation (with field) as for a new user, invalid_uscc, not_found; an admin may not
  // disable their own account or drop their own admin grant (field "disabled"/"grants").
  Result<User> update(const Actor& actor, const std::string& username, UserPatch patch);
  // validation (field "password") when the policy refuses it; ends the user's sessions.
  Status reset_password(const Actor& actor, const std::string& username,
                        const std::string& password);
  Result<std::vector<SessionInfo>> sessions(const Actor& actor, const std::string& username);
  // Revokes one session (by SessionInfo::id; not_found if it is not the user's) or all of
  // them; returns how many ended.
  Result<int64_t> revoke_sessions(const Actor& actor, const std::string& username,
                                  const std::optional<std::string>& session_id);

  static std::string session_id(const Session& s);

 private:
  Result<User> stored(const std::string& username);
  AuditEntry audit(const std::string& actor, std::string what, Json detail) const;

  UserStore& users_;
  AuditStore& audit_;
  const Clock& clock_;
};

}  // namespace qc
