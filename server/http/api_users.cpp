// Account management for admins (docs/api.md "Additions"): read and edit a user, disable
// it, reset its password, list and revoke its sessions.
#include "auth/user_admin.hpp"
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

Result<std::vector<RoleGrant>> grants_member(const json::value& v) {
  const auto bad = [] {
    return err(ErrorCode::validation, "grants must be a list of {role, region}", "grants");
  };
  if (!v.is_array()) return bad();
  std::vector<RoleGrant> out;
  for (const auto& g : v.as_array()) {
    if (!g.is_object()) return bad();
    auto role = str_member(g.as_object(), "role", true);
    auto region = str_member(g.as_object(), "region", true);
    if (!role || !region) return bad();
    out.push_back(RoleGrant{*role, *region});
  }
  return out;
}

// Absent members stay as they are; "enterprise": null unbinds.
Result<UserPatch> patch_of(const json::object& body) {
  UserPatch p;
  for (const auto& [key, value] : body) {
    if (key == "display_name") {
      if (!value.is_string())
        return err(ErrorCode::validation, "display_name must be a string", "display_name");
      p.display_name = std::string(value.as_string());
    } else if (key == "grants") {
      auto g = grants_member(value);
      if (!g) return g.take_error();
      p.grants = std::move(*g);
    } else if (key == "enterprise") {
      if (!value.is_null() && !value.is_string())
        return err(ErrorCode::validation, "enterprise must be a USCC or null", "enterprise");
      p.enterprise =
          value.is_null() ? std::nullopt : std::optional<std::string>(value.as_string().c_str());
    } else if (key == "disabled") {
      if (!value.is_bool())
        return err(ErrorCode::validation, "disabled must be true or false", "disabled");
      p.disabled = value.as_bool();
    } else {
      return err(ErrorCode::validation,
                 "unknown member " + std::string(key) + " (password: use …/password)",
                 std::string(key));
    }
  }
  return p;
}

json::object session_json(const SessionInfo& s) {
  return {{"id", s.id},
          {"created_at", format_instant(s.created_at)},
          {"last_seen", format_instant(s.last_seen)},
          {"expires_at", format_instant(s.expires_at)}};
}

}  // namespace

void add_user_routes(Router& r, Api& api) {
  add_authed(r, api, "GET", "/api/v1/users/{username}", [&api](Request& req, const Actor& a) {
    return from_result(api.users.user(a, req.params["username"]),
                       [](const User& x) { return to_json(x); });
  });
  add_authed_json(r, api, "PATCH", "/api/v1/users/{username}",
                  [&api](Request& req, const Actor& a, const json::object& body) {
                    auto patch = patch_of(body);
                    if (!patch) return error_response(patch.error());
                    return from_result(
                        api.users.update(a, req.params["username"], std::move(*patch)),
                        [](const User& x) { return to_json(x); });
                  });
  add_authed_json(r, api, "POST", "/api/v1/users/{username}/password",
                  [&api](Request& req, const Actor& a, const json::object& body) {
                    auto password = str_member(body, "password", false);
                    if (!password) return error_response(password.error());
                    return from_result(
                        api.users.reset_password(a, req.params["username"], *password), [](Unit) {
                          return json::object{{"ok", true}};
                        });
                  });
  add_authed(r, api, "GET", "/api/v1/users/{username}/sessions",
             [&api](Request& req, const Actor& a) {
               return from_result(api.users.sessions(a, req.params["username"]),
                                  [](const std::vector<SessionInfo>& xs) {
                                    json::array items;
                                    for (const auto& x : xs) items.push_back(session_json(x));
                                    const auto n = static_cast<int64_t>(items.size());
                                    return json::object{{"items", std::move(items)}, {"total", n}};
                                  });
             });
  auto revoke = [&api](Request& req, const Actor& a, std::optional<std::string> id) {
    return from_result(api.users.revoke_sessions(a, req.params["username"], id), [](int64_t x) {
      return json::object{{"revoked", x}};
    });
  };
  add_authed(r, api, "DELETE", "/api/v1/users/{username}/sessions",
             [revoke](Request& req, const Actor& a) { return revoke(req, a, std::nullopt); });
  add_authed(r, api, "DELETE", "/api/v1/users/{username}/sessions/{id}",
             [revoke](Request& req, const Actor& a) { return revoke(req, a, req.params["id"]); });
}

}  // namespace qc::http
