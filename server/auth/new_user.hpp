#pragma once
// What an administrator submits to create an account, and the rules it must meet.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"
#include "ports/user_store.hpp"

namespace qc {

struct NewUser {
  std::string username;
  std::string password;
  std::string display_name;
  std::vector<RoleGrant> grants;
  std::optional<std::string> enterprise;  // USCC; required with, and only with, role enterprise
};

// [a-z0-9_.-]{3,64}
bool username_valid(std::string_view username);
// Names that stand for no one or for someone else (docs/security.md "Accounts"): system,
// public, anonymous, root, nobody and the role names other than admin.
bool username_reserved(std::string_view username);

// Checks `u` and normalises it in place (display name trimmed, blank -> the username;
// duplicate grants dropped).
// validation with `field` set ("username", "password", "display_name", "grants",
// "enterprise"), or invalid_uscc (field "enterprise") for a malformed USCC.
Status validate_new_user(NewUser& u);

// Validates `u`, hashes its password and inserts it with its audit entry (user.create by
// `actor`): validation, invalid_uscc or already_exists. The hash is cleared in the result.
Result<User> insert_new_user(UserStore& users, NewUser u, const std::string& actor, Instant now);

// The same checks without the username and password (an account edited by an admin):
// display name, grants and enterprise binding.
Status validate_profile(NewUser& u);

}  // namespace qc
