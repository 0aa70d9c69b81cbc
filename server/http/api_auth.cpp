// Sessions, the current user, and user management (API.md "Auth").
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

// Secure when served over TLS: configured, or said by the TLS-terminating proxy. (A forged
// header only makes the cookie stricter.)
bool over_tls(const Request& req, const Api& api) {
  return api.secure_cookies || req.header("x-forwarded-proto") == "https";
}

std::string session_cookie(const std::string& token, bool secure, int64_t max_age) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

Response login(Request& req, Api& api) {
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  auto user = str_member(*body, "username", true);
  if (!user) return error_response(user.error());
  auto pass = str_member(*body, "password", true);
  if (!pass) return error_response(pass.error());
  auto r = api.auth.login(*user, *pass, client_addr(req));
  if (!r) return error_response(r.error());
  req.authenticated = true;  // the password checked out: as good as a session
  const auto max_age = (r->expires_at - api.real_clock.now()).count();
  auto resp = ok_json(json::object{{"token", r->token},
                                   {"csrf_token", r->csrf_token},
                                   {"expires_at", format_instant(r->expires_at)},
                                   {"user", to_json(r->user)}});
  resp.set("Set-Cookie", session_cookie(r->token, over_tls(req, api), max_age));
  return resp;
}

Result<NewUser> new_user_of(const json::object& body) {
  NewUser u;
  for (auto [key, into] : {std::pair{"username", &u.username},
                           {"password", &u.password},
                           {"display_name", &u.display_name}}) {
    auto v = str_member(body, key, false);  // presence is checked after the admin gate
    if (!v) return v.take_error();
    *into = *v;
  }
  auto ent = str_member(body, "enterprise", false);
  if (!ent) return ent.take_error();
  if (!ent->empty()) u.enterprise = *ent;
  const auto bad = [] {
    return err(ErrorCode::validation, "grants must be a list of {role, region}", "grants");
  };
  const auto* grants = body.if_contains("grants");
  if (!grants || grants->is_null()) return u;  // none: refused by the account rules
  if (!grants->is_array()) return bad();
  for (const auto& g : grants->as_array()) {
    if (!g.is_object()) return bad();
    auto role = str_member(g.as_object(), "role", true);
    auto region = str_member(g.as_object(), "region", true);
    if (!role || !region)
      return err(ErrorCode::validation, "each grant needs role and region", "grants");
    u.grants.push_back(RoleGrant{*role, *region});
  }
  return u;
}

}  // namespace

void add_auth_routes(Router& r, Api& api) {
  r.add("POST", "/api/v1/session", [&api](Request& req) { return login(req, api); });

  add_authed(r, api, "DELETE", "/api/v1/session", [&api](Request& req, const Actor&) {
    // The token that authenticated this request, found as authentication found it.
    api.auth.logout(session_token(req));
    auto resp = ok_json(json::object{{"ok", true}});
    resp.set("Set-Cookie", session_cookie("", over_tls(req, api), 0));
    return resp;
  });

  add_authed(r, api, "GET", "/api/v1/me", [&api](Request&, const Actor& a) {
    return from_result(api.users.me(a), [](const User& u) {
      auto o = to_json(u);
      o.erase("disabled");
      return o;
    });
  });

  add_authed_json(
      r, api, "POST", "/api/v1/users", [&api](Request&, const Actor& a, const json::object& body) {
        auto u = new_user_of(body);
        if (!u) return error_response(u.error());
        return from_result(
            api.users.create(a, std::move(*u)), [](const User& x) { return to_json(x); }, 201);
      });

  add_authed(r, api, "GET", "/api/v1/users", [&api](Request& req, const Actor& a) {
    return from_result(api.users.list(a, page_of(req)),
                       [](const Page<User>& p) { return page_json(p); });
  });
}

}  // namespace qc::http
