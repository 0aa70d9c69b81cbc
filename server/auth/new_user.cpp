#include "auth/new_user.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "auth/passwords.hpp"
#include "auth/utf8.hpp"
#include "core/procedure.hpp"
#include "core/region.hpp"
#include "core/uscc.hpp"

namespace qc {

namespace {

constexpr size_t kMaxDisplayName = 100;  // code points

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

Status validate_grants(NewUser& u) {
  if (u.grants.empty())
    return err(ErrorCode::validation, "a user needs at least one role", "grants");
  bool enterprise_role = false;
  bool organizer_role = false;  // an organiser's account is bound to its organisation's entry
  for (const auto& g : u.grants) {
    // public and system are stand-ins for anonymous callers and timers, never held by a user.
    if (!role_known(g.role) || g.role == "public" || g.role == "system")
      return err(ErrorCode::validation, "unknown role: " + g.role, "grants");
    if (!region_code_valid(g.region))
      return err(ErrorCode::validation, "a region is a six-digit GB/T 2260 code: " + g.region,
                 "grants");
    enterprise_role = enterprise_role || g.role == "enterprise";
    organizer_role = organizer_role || g.role == "organizer";
  }
  std::vector<RoleGrant> unique;
  for (auto& g : u.grants)
    if (std::find(unique.begin(), unique.end(), g) == unique.end()) unique.push_back(std::move(g));
  u.grants = std::move(unique);

  if (enterprise_role && !u.enterprise)
    return err(ErrorCode::validation, "an enterprise user must name its enterprise (USCC)",
               "enterprise");
  if (!enterprise_role && !organizer_role && u.enterprise)
    return err(ErrorCode::validation,
               "only a user with role enterprise or organizer is bound to a registry entry",
               "enterprise");
  if (u.enterprise) {
    if (auto problem = uscc_problem(*u.enterprise); !problem.empty())
      return err(ErrorCode::invalid_uscc, problem, "enterprise");
  }
  return ok_status();
}

}  // namespace

bool username_valid(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) return false;
  return std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

bool username_reserved(std::string_view username) {
  // system and public are the actors of timers and of anonymous callers in events and the
  // audit trail; the role names stand for a person the record withholds (an expert's vote
  // as the applicant sees it); anonymous, root and nobody impersonate no one either. admin
  // stays: it is the first start's account (QCREDIT_ADMIN_PASSWORD).
  static constexpr std::string_view kReserved[] = {
      "system", "public", "anonymous",  "root",      "nobody",          "samr",
      "drc",    "expert", "enterprise", "organizer", "activity_office",
  };
  return std::find(std::begin(kReserved), std::end(kReserved), username) != std::end(kReserved);
}

Status validate_new_user(NewUser& u) {
  if (!username_valid(u.username))
    return err(ErrorCode::validation,
               "a username has 3 to 64 characters: lowercase letters, digits, '_', '.', '-'",
               "username");
  if (username_reserved(u.username))
    return err(ErrorCode::validation, "the username " + u.username + " is reserved", "username");
  if (auto problem = password_problem(u.username, u.password); !problem.empty())
    return err(ErrorCode::validation, problem, "password");
  return validate_profile(u);
}

Status validate_profile(NewUser& u) {
  u.display_name = trimmed(u.display_name);
  if (u.display_name.empty()) u.display_name = u.username;  // the form may leave it blank
  const auto chars = auth_detail::utf8_length(u.display_name);
  if (!chars || *chars > kMaxDisplayName || has_control_characters(u.display_name))
    return err(ErrorCode::validation,
               "a display name has at most 100 characters and no control characters",
               "display_name");
  return validate_grants(u);
}

Result<User> insert_new_user(UserStore& users, NewUser u, const std::string& actor, Instant now) {
  if (auto valid = validate_new_user(u); !valid) return valid.take_error();

  User user;
  user.username = u.username;
  user.display_name = u.display_name;
  user.password_hash = hash_password(u.password);
  user.grants = u.grants;
  user.enterprise = u.enterprise;
  user.created_at = now;

  boost::json::array grants;
  for (const auto& g : user.grants)
    grants.push_back(JsonObject{{"role", g.role}, {"region", g.region}});
  JsonObject detail{{"username", user.username},
                    {"display_name", user.display_name},
                    {"grants", std::move(grants)}};
  if (user.enterprise) detail["enterprise"] = *user.enterprise;
  AuditEntry audit;
  audit.at = user.created_at;
  audit.actor = actor;
  audit.what = "user.create";
  audit.detail = std::move(detail);

  auto inserted = users.insert_user(std::move(user), std::move(audit));
  if (!inserted) return inserted.take_error();
  User out = std::move(inserted).value();
  out.password_hash.clear();
  return out;
}

}  // namespace qc
