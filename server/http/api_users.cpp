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

Response patch_user(Request& req, Api& api) {
  auto a = staff_caller(req, api, {});
  if (!a) return error_response(a.error());
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  auto patch = patch_of(*body);
  if (!patch) return error_response(patch.error());
  auto u = api.users.update(req.params["username"], std::move(*patch), a->username);
  return from_result(u, [](const User& x) { return to_json(x); });
}

Response reset_password(Request& req, Api& api) {
  auto a = staff_caller(req, api, {});
  if (!a) return error_response(a.error());
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  auto password = str_member(*body, "password", true);
  if (!password) return error_response(password.error());
  auto s = api.users.reset_password(req.params["username"], *password, a->username);
  return from_result(s, [](Unit) { return json::object{{"ok", true}}; });
}

Response revoke(Request& req, Api& api, std::optional<std::string> id) {
  auto a = staff_caller(req, api, {});
  if (!a) return error_response(a.error());
  auto n = api.users.revoke_sessions(req.params["username"], id, a->username);
  return from_result(n, [](int64_t x) { return json::object{{"revoked", x}}; });
}

}  // namespace

void add_user_routes(Router& r, Api& api) {
  r.add("GET", "/api/v1/users/{username}", [&api](Request& req) {
    auto a = staff_caller(req, api, {});
    if (!a) return error_response(a.error());
    auto u = api.users.user(req.params["username"]);
    return from_result(u, [](const User& x) { return to_json(x); });
  });
  r.add("PATCH", "/api/v1/users/{username}", [&api](Request& req) { return patch_user(req, api); });
  r.add("POST", "/api/v1/users/{username}/password",
        [&api](Request& req) { return reset_password(req, api); });
  r.add("GET", "/api/v1/users/{username}/sessions", [&api](Request& req) {
    auto a = staff_caller(req, api, {});
    if (!a) return error_response(a.error());
    auto s = api.users.sessions(req.params["username"]);
    return from_result(s, [](const std::vector<SessionInfo>& xs) {
      json::array items;
      for (const auto& x : xs) items.push_back(session_json(x));
      const auto n = static_cast<int64_t>(items.size());
      return json::object{{"items", std::move(items)}, {"total", n}};
    });
  });
  r.add("DELETE", "/api/v1/users/{username}/sessions",
        [&api](Request& req) { return revoke(req, api, std::nullopt); });
  r.add("DELETE", "/api/v1/users/{username}/sessions/{id}",
        [&api](Request& req) { return revoke(req, api, req.params["id"]); });
}

}  // namespace qc::http
