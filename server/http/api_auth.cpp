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
  return "qc_session=" + token +
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
  const auto max_age = (r->expires_at - api.real_clock.now()).count();
  auto resp = ok_json(json::object{{"token", r->token},
                                   {"csrf_token", r->csrf_token},
                                   {"expires_at", format_instant(r->expires_at)},
                                   {"user", to_json(r->user)}});
  resp.set("Set-Cookie", session_cookie(r->token, over_tls(req, api), max_age));
  return resp;
}

}  // namespace

void add_auth_routes(Router& r, Api& api) {
  r.add("POST", "/api/v1/session", [&api](Request& req) { return login(req, api); });

  r.add("DELETE", "/api/v1/session", [&api](Request& req) {
    auto a = caller(req, api);
    if (!a) return error_response(a.error());
    std::string token(req.header("authorization").rfind("Bearer ", 0) == 0
                          ? req.header("authorization").substr(7)
                          : std::string_view());
    if (token.empty()) {
      std::string_view c = req.header("cookie");
      if (auto p = c.find("qc_session="); p != std::string_view::npos)
        token = std::string(c.substr(p + 11, c.find(';', p) - p - 11));
    }
    api.auth.logout(token);
    auto resp = ok_json(json::object{{"ok", true}});
    resp.set("Set-Cookie", session_cookie("", over_tls(req, api), 0));
    return resp;
  });

  r.add("GET", "/api/v1/me", [&api](Request& req) {
    auto a = caller(req, api);
    if (!a) return error_response(a.error());
    auto u = api.store.user(a->username);
    if (!u) return error_response(ErrorCode::unauthenticated, "log in first");
    auto o = to_json(*u);
    o.erase("disabled");
    return ok_json(o);
  });

  r.add("POST", "/api/v1/users", [&api](Request& req) {
    auto a = staff_caller(req, api, {});
    if (!a) return error_response(a.error());
    auto body = json_body(req);
    if (!body) return error_response(body.error());
    NewUser u;
    for (auto [key, into] : {std::pair{"username", &u.username},
                             {"password", &u.password},
                             {"display_name", &u.display_name}}) {
      auto v = str_member(*body, key, std::string_view(key) != "display_name");
      if (!v) return error_response(v.error());
      *into = *v;
    }
    auto ent = str_member(*body, "enterprise", false);
    if (!ent) return error_response(ent.error());
    if (!ent->empty()) u.enterprise = *ent;
    const auto* grants = body->if_contains("grants");
    if (!grants || !grants->is_array())
      return error_response(
          err(ErrorCode::validation, "grants must be a list of {role, region}", "grants"));
    for (const auto& g : grants->as_array()) {
      if (!g.is_object())
        return error_response(
            err(ErrorCode::validation, "grants must be a list of {role, region}", "grants"));
      auto role = str_member(g.as_object(), "role", true);
      auto region = str_member(g.as_object(), "region", true);
      if (!role || !region)
        return error_response(
            err(ErrorCode::validation, "each grant needs role and region", "grants"));
      u.grants.push_back(RoleGrant{*role, *region});
    }
    auto created = api.auth.create_user(std::move(u), a->username);
    return from_result(
        created, [](const User& x) { return to_json(x); }, 201);
  });

  r.add("GET", "/api/v1/users", [&api](Request& req) {
    auto a = staff_caller(req, api, {});
    if (!a) return error_response(a.error());
    return ok_json(page_json(api.store.users(page_of(req))));
  });
}

}  // namespace qc::http
