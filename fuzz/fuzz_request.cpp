// libFuzzer target: raw bytes as an HTTP/1.1 request through the parser the server uses
// (Beast, with the server's header and body limits), the body-framing check
// (http/framing.cpp), the session-token and cookie parser (http/credentials.cpp) and the
// connection budget's request classes (http/connection_limits.cpp), the request-target
// checks (http/url.cpp) and the router with the API's route patterns. Nothing may crash,
// hang or leak. Besides:
//  - a head the framing check accepts has exactly one body length, the one the parser
//    reads (no smuggling);
//  - the session cookie found is the value of a cookie named exactly qc_session;
//  - only GET or HEAD of /healthz or /readyz may use the reserve with a body still to come;
//  - a target that passes the checks never holds "..", NUL or a backslash.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/connection_limits.hpp"
#include "http/credentials.hpp"
#include "http/framing.hpp"
#include "http/router.hpp"
#include "http/url.hpp"

namespace {

namespace http = boost::beast::http;

const qc::http::Router& router() {
  static const qc::http::Router r = [] {
    qc::http::Router out;
    for (const char* pattern :
         {"/api/v1/session", "/api/v1/me", "/api/v1/users", "/api/v1/users/{username}",
          "/api/v1/users/{username}/sessions/{id}", "/api/v1/enterprises/{uscc}/records",
          "/api/v1/cases/{id}/actions/{action}", "/api/v1/cases/{id}/documents/{name}",
          "/api/v1/procedures/{id}/graph", "/api/v1/public/notices/{id}/objections",
          "/api/v1/audit", "/healthz"})
      for (const char* method : {"GET", "POST", "PATCH", "DELETE"})
        out.add(method, pattern, [](qc::http::Request&) { return qc::http::Response{}; });
    return out;
  }();
  return r;
}

// A Content-Length the framing check accepted: 1 to 18 digits, maybe padded.
std::uint64_t decimal(std::string_view s) {
  std::uint64_t v = 0;
  for (char c : s)
    if (c >= '0' && c <= '9') v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

// What the server accepts, the parser must read one way only: chunked when the head says
// Transfer-Encoding, exactly the one Content-Length otherwise, else no body at all.
void check_framing(const http::request_parser<http::string_body>& parser) {
  qc::http::FramingFields fields;
  fields.version = parser.get().version();
  for (const auto& field : parser.get()) {
    if (field.name() == http::field::transfer_encoding)
      fields.transfer_encoding.push_back(field.value());
    else if (field.name() == http::field::content_length)
      fields.content_length.push_back(field.value());
  }
  if (!qc::http::framing_problem(fields).empty()) return;  // the server answers 400
  bool one_reading = false;
  if (!fields.transfer_encoding.empty())
    one_reading = parser.chunked() && !parser.content_length();
  else if (!fields.content_length.empty())
    one_reading = !parser.chunked() && parser.content_length() &&
                  *parser.content_length() == decimal(fields.content_length.front());
  else
    one_reading = !parser.chunked() && parser.content_length().value_or(0) == 0;
  if (!one_reading) std::abort();
}

std::string_view drop_blanks(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// What precedes the cookie value found must be `[…;] qc_session =`: never the tail of a
// longer name (`xqc_session=`), never the inside of another cookie's value.
void check_cookie(std::string_view header) {
  const std::string_view value = qc::http::cookie_value(header, qc::http::kSessionCookie);
  if (value.empty()) return;
  if (value.data() < header.data() || value.data() + value.size() > header.data() + header.size() ||
      value.find(';') != std::string_view::npos)
    std::abort();
  std::string_view before = drop_blanks(header.substr(0, value.data() - header.data()));
  if (!before.ends_with('=')) std::abort();
  before = drop_blanks(before.substr(0, before.size() - 1));
  if (!before.ends_with(qc::http::kSessionCookie)) std::abort();
  before = drop_blanks(before.substr(0, before.size() - qc::http::kSessionCookie.size()));
  if (!before.empty() && before.back() != ';') std::abort();
}

void check_privileged(const http::request_parser<http::string_body>& parser) {
  const auto& msg = parser.get();
  const std::string_view method = msg.method_string();
  const std::string_view target = msg.target();
  const bool with_body = qc::http::privileged_request(
      method, target, msg[http::field::authorization], msg[http::field::cookie], true);
  const std::string_view path = target.substr(0, target.find('?'));
  if (with_body &&
      !((method == "GET" || method == "HEAD") && (path == "/healthz" || path == "/readyz")))
    std::abort();
  (void)qc::http::privileged_request(method, target, msg[http::field::authorization],
                                     msg[http::field::cookie], false);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(8 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  size_t used = 0;
  while (used < size && !parser.is_done()) {
    const size_t n = parser.put(boost::asio::buffer(data + used, size - used), ec);
    if (ec || n == 0) break;
    used += n;
  }
  if (!parser.is_header_done()) return 0;
  const auto& msg = parser.get();
  check_framing(parser);
  check_cookie(msg[http::field::cookie]);
  check_privileged(parser);
  auto target = qc::http::parse_target(std::string_view(msg.target().data(), msg.target().size()));
  if (!target) return 0;
  const std::string& path = target->path;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos ||
      path == ".." || path.find("/../") != std::string::npos ||
      (path.size() >= 3 && path.compare(path.size() - 3, 3, "/..") == 0))
    std::abort();  // validate_path let a forbidden path through
  qc::http::Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  req.path = path;
  req.query = target->query;
  (void)router().match(req);
  return 0;
}
