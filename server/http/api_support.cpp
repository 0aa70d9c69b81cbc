#include "http/api_support.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "auth/tokens.hpp"
#include "http/credentials.hpp"
#include "http/proxy.hpp"

namespace qc::http {

namespace json = boost::json;

Actor to_actor(const User& u) { return Actor{u.username, u.display_name, u.grants, u.enterprise}; }

Status within_public_limit(const Request& req, Api& api, const std::string& kind,
                           const std::string& what) {
  const auto d = api.limiter.hit(kind + ":" + client_addr(req));
  if (d.allowed) return ok_status();
  Error e =
      err(ErrorCode::rate_limited, "too many " + what + " from this address; try again later");
  e.retry_after = d.retry_after;
  return e;
}

std::string client_addr(const Request& req) {
  const bool loopback = is_loopback_proxy(req.remote_addr);
  std::string_view xff = req.header("x-forwarded-for");
  if (!loopback || xff.empty()) return req.remote_addr;
  // The proxy appends the address it saw; anything before it came from the client.
  if (const auto comma = xff.rfind(','); comma != std::string_view::npos)
    xff.remove_prefix(comma + 1);
  while (!xff.empty() && xff.front() == ' ') xff.remove_prefix(1);
  while (!xff.empty() && xff.back() == ' ') xff.remove_suffix(1);
  // An IP address or nothing: it becomes a rate-limit key and an audit detail.
  const bool ip_like =
      !xff.empty() && xff.size() <= 45 && std::all_of(xff.begin(), xff.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':';
      });
  return ip_like ? std::string(xff) : req.remote_addr;
}

std::string session_token(const Request& req, bool* by_cookie) {
  const Credential c = credential_of(req.header("authorization"), req.header("cookie"));
  if (by_cookie) *by_cookie = c.by_cookie;
  return std::string(c.token);
}

Result<Actor> caller(const Request& req, Api& api) {
  bool by_cookie = false;
  const std::string token = session_token(req, &by_cookie);
  if (token.empty()) return err(ErrorCode::unauthenticated, "log in first");
  auto ctx = api.auth.authenticate(token);
  if (!ctx)
    return err(ErrorCode::unauthenticated, "the session has expired or is unknown; log in again");
  if (by_cookie && req.method != "GET" && req.method != "HEAD" &&
      !tokens_equal(req.header("x-csrf-token"), ctx->session.csrf_token))
    return err(ErrorCode::forbidden,
               "a write authenticated by cookie needs the X-CSRF-Token header");
  req.authenticated = true;
  return to_actor(ctx->user);
}

void add_authed(Router& r, Api& api, std::string method, std::string pattern, AuthedHandler h) {
  r.add(std::move(method), std::move(pattern), [&api, h = std::move(h)](Request& req) {
    auto a = caller(req, api);
    if (!a) return error_response(a.error());
    return h(req, *a);
  });
}

void add_authed_json(Router& r, Api& api, std::string method, std::string pattern,
                     AuthedJsonHandler h) {
  add_authed(r, api, std::move(method), std::move(pattern),
             [h = std::move(h)](Request& req, const Actor& a) {
               auto body = json_body(req);
               if (!body) return error_response(body.error());
               return h(req, a, *body);
             });
}

Result<json::object> json_body(const Request& req) {
  if (req.body.empty()) return json::object{};
  boost::system::error_code ec;
  auto v = json::parse(req.body, ec);
  if (ec) return err(ErrorCode::bad_json, "the body is not valid JSON: " + ec.message());
  if (!v.is_object()) return err(ErrorCode::bad_request, "the body must be a JSON object");
  return std::move(v.as_object());
}

Result<std::string> str_member(const json::object& o, const char* key, bool required) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (required) return err(ErrorCode::validation, std::string(key) + " is required", key);
    return std::string();
  }
  if (!v->is_string())
    return err(ErrorCode::validation, std::string(key) + " must be a string", key);
  if (required && v->as_string().empty())
    return err(ErrorCode::validation, std::string(key) + " is required", key);
  return std::string(v->as_string());
}

std::optional<Date> date_param(const std::string& s) { return parse_date(s); }

namespace {
int64_t to_int(const std::string& s, int64_t fallback) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : fallback;
}
}  // namespace

PageRequest page_of(const Request& req) {
  PageRequest p;
  if (auto v = req.query_param("page")) p.page = std::max<int64_t>(1, to_int(*v, 1));
  if (auto v = req.query_param("per_page"))
    p.per_page = std::clamp<int64_t>(to_int(*v, 50), 1, 500);
  // Keep OFFSET within what every backend accepts.
  p.page = std::min<int64_t>(p.page, 1'000'000'000 / p.per_page);
  return p;
}

std::optional<std::string> query(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

std::optional<int64_t> id_param(const Request& req, const char* name) {
  auto it = req.params.find(name);
  if (it == req.params.end()) return std::nullopt;
  int64_t v = to_int(it->second, -1);
  if (v <= 0) return std::nullopt;
  return v;
}

Result<std::optional<int64_t>> id_query(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<int64_t>();
  const int64_t id = to_int(std::string(*v), -1);
  if (id <= 0) return err(ErrorCode::validation, std::string(name) + " must be an id", name);
  return std::optional<int64_t>(id);
}

Response ok_json(const json::value& v, int status) { return json_response(status, v); }

void append_json(std::string& out, const json::value& v) {
  json::serializer sr;
  sr.reset(&v);
  char buf[4096];
  while (!sr.done()) out.append(sr.read(buf, sizeof buf));
}

}  // namespace qc::http
