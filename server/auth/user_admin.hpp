#pragma once
// What an administrator does to accounts after creating them: edit the profile and grants,
// disable, reset the password, list and revoke sessions. Every change is audited; a
// disabled account, a reset password and a revocation end the sessions at once.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "store/store.hpp"

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
  UserAdmin(Store& store, const Clock& real_clock) : store_(store), clock_(real_clock) {}

  // The account (password hash cleared), or not_found.
  Result<User> user(const std::string& username);
  // validation (with field) as for a new user, invalid_uscc, not_found; an admin may not
  // disable their own account or drop their own admin grant (field "disabled"/"grants").
  Result<User> update(const std::string& username, UserPatch patch, const std::string& actor);
  // validation (field "password") when the policy refuses it; ends the user's sessions.
  Status reset_password(const std::string& username, const std::string& password,
                        const std::string& actor);
  Result<std::vector<SessionInfo>> sessions(const std::string& username);
  // Revokes one session (by SessionInfo::id; not_found if it is not the user's) or all of
  // them; returns how many ended.
  Result<int64_t> revoke_sessions(const std::string& username,
                                  const std::optional<std::string>& session_id,
                                  const std::string& actor);

  static std::string session_id(const Session& s);

 private:
  Result<User> stored(const std::string& username);
  AuditEntry audit(const std::string& actor, std::string what, Json detail) const;

  Store& store_;
  const Clock& clock_;
};

}  // namespace qc
