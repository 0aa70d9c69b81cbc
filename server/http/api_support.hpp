#pragma once
// What every handler needs: who is calling, the JSON body, paging, and error mapping.
#include <boost/json.hpp>

#include "http/api.hpp"
#include "http/credentials.hpp"
#include "http/errors.hpp"

namespace qc::http {

// The caller from `Authorization: Bearer` or the session cookie. A write authenticated by
// the cookie alone must carry X-CSRF-Token. Errors: unauthenticated, forbidden (CSRF).
// Sets req.authenticated on success.
Result<Actor> caller(const Request& req, Api& api);
// The session token the request carries, read by the one parser the transport and the
// fuzz target share (http/credentials.hpp): the bearer token, else the cookie named
// exactly qc_session (a cookie whose name merely ends in qc_session is not it). What
// caller() checks and what logout ends. `by_cookie` says which.
std::string session_token(const Request& req, bool* by_cookie = nullptr);

// Routes for signed-in callers: the caller is resolved once, before anything else (401,
// and the CSRF check for a cookie-authenticated write); the JSON variant then parses the
// body once (400 bad_json / bad_request). Role gates are the services'.
using AuthedHandler = std::function<Response(Request&, const Actor&)>;
using AuthedJsonHandler =
    std::function<Response(Request&, const Actor&, const boost::json::object&)>;
void add_authed(Router& r, Api& api, std::string method, std::string pattern, AuthedHandler h);
void add_authed_json(Router& r, Api& api, std::string method, std::string pattern,
                     AuthedJsonHandler h);
Actor to_actor(const User& u);
// The client's address for rate limits: the peer, or, when the peer is the TLS proxy on
// this host (loopback), the last address the proxy put in X-Forwarded-For.
std::string client_addr(const Request& req);
// The public write endpoints' limiter: a token bucket of `kind` per client address.
// Answers rate_limited (with its Retry-After) once the bucket is empty.
Status within_public_limit(const Request& req, Api& api, const std::string& kind,
                           const std::string& what);

// The body as a JSON object: bad_json when it is not JSON, bad_request when not an object.
Result<boost::json::object> json_body(const Request& req);
// Optional typed members; a present member of the wrong type is a validation error.
Result<std::string> str_member(const boost::json::object& o, const char* key, bool required);
std::optional<Date> date_param(const std::string& s);

PageRequest page_of(const Request& req);
std::optional<std::string> query(const Request& req, const char* name);  // absent or empty = none
std::optional<int64_t> id_param(const Request& req, const char* name);
// A query parameter holding an id: absent/empty -> nullopt; anything but a positive integer
// -> validation naming it.
Result<std::optional<int64_t>> id_query(const Request& req, const char* name);

Response ok_json(const boost::json::value& v, int status = 200);

// Appends v's JSON text to `out`, without a string of its own in between.
void append_json(std::string& out, const boost::json::value& v);

// 200 {"items":[…],"total":N}, written into the body one item at a time: an item's JSON
// exists only while it is written and the item is released right after, so a large page
// is not held three times over (values, their JSON, the text) but once, as the body.
template <typename T, typename Render>
Response page_response(std::vector<T>& items, int64_t total, Render&& render) {
  Response res;
  res.body = "{\"items\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) res.body += ',';
    append_json(res.body, render(items[i]));
    items[i] = T{};
  }
  res.body += "],\"total\":" + std::to_string(total) + "}";
  return res;
}
template <typename T>
Response from_result(const Result<T>& r, auto&& render, int status = 200) {
  if (!r) return error_response(r.error());
  return ok_json(render(r.value()), status);
}

}  // namespace qc::http
