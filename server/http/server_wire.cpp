#include "http/server_wire.hpp"

#include <algorithm>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/address_v6.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <cctype>

#include <spdlog/spdlog.h>

#include "http/errors.hpp"
#include "http/security_headers.hpp"

namespace qc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::awaitable;

void log_exception(std::exception_ptr e) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    spdlog::error("http coroutine failed error={}", ex.what());
  } catch (...) {
    spdlog::error("http coroutine failed error=unknown");
  }
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

BeastResponse to_beast(Response res, bool head, bool keep_alive, unsigned version,
                       std::string_view route) {
  BeastResponse out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "qcredit");
  if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
  out.set("X-Content-Type-Options", "nosniff");
  out.set("X-Frame-Options", kFrameOptions);
  out.set("Referrer-Policy", kReferrerPolicy);
  bool cache_control = false;
  bool csp = false;
  for (const auto& [name, value] : res.headers) {
    out.insert(name, value);
    cache_control = cache_control || beast::iequals(name, "cache-control");
    csp = csp || beast::iequals(name, "content-security-policy");
  }
  // API answers depend on who asks: no shared cache may keep them.
  if (!cache_control) out.set(bhttp::field::cache_control, "no-store");
  if (!csp) out.set("Content-Security-Policy", content_security_policy(route, res.content_type));
  out.keep_alive(keep_alive);
  const bool bodiless = res.status < 200 || res.status == 204 || res.status == 304;
  if (bodiless) return out;
  if (head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  return out;
}

Response header_too_large() {
  boost::json::object inner{{"code", "too_large"}, {"message", "request header too large"}};
  return json_response(431, boost::json::object{{"error", std::move(inner)}});
}

bool is_protocol_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

awaitable<Dispatched> dispatch_on_worker(const Dispatcher& dispatcher, Request req) {
  Dispatched out;
  out.response = dispatcher.dispatch(req);
  out.route = std::move(req.route);
  out.authenticated = req.authenticated;
  co_return out;
}

void copy_headers(const bhttp::fields& head, Request& req) {
  for (const auto& field : head)
    req.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
}

FramingFields framing_of(const bhttp::fields& head, unsigned version) {
  FramingFields out;
  out.version = version;
  for (const auto& field : head) {
    if (field.name() == bhttp::field::transfer_encoding)
      out.transfer_encoding.push_back(field.value());
    else if (field.name() == bhttp::field::content_length)
      out.content_length.push_back(field.value());
  }
  return out;
}

std::string address_key(const asio::ip::address& a) {
  if (!a.is_v6()) return a.to_string();
  const auto v6 = a.to_v6();
  if (v6.is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_string();
  if (v6.is_loopback()) return v6.to_string();
  auto bytes = v6.to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return asio::ip::address_v6(bytes).to_string() + "/64";
}

}  // namespace qc::http
