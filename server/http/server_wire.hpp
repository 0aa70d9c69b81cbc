#pragma once
// The transport's conversions between Beast and the plain values handlers see: an answer
// to its wire form (with the headers every answer carries), a parsed head to a Request
// and to the framing check's input, a peer to the key the connection budget counts.
// Internal to server.cpp; Beast types are fine here.
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

#include "http/framing.hpp"
#include "http/message.hpp"
#include "http/server_dispatch.hpp"
#include "http/server_stream.hpp"

namespace qc::http {

using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Takes one off `n` when it goes out of scope: a coroutine counted up when it was spawned
// counts itself down however it ends.
class CountDownOnExit {
 public:
  explicit CountDownOnExit(std::atomic<size_t>& n) : n_(n) {}
  CountDownOnExit(const CountDownOnExit&) = delete;
  CountDownOnExit& operator=(const CountDownOnExit&) = delete;
  ~CountDownOnExit() { --n_; }

 private:
  std::atomic<size_t>& n_;
};

// The completion of every detached coroutine: logs what escaped it.
void log_exception(std::exception_ptr e);

// `route` is the request's route label ("static" for the web UI, "unmatched" for
// refusals): with the content type it picks the Content-Security-Policy
// (http/security_headers.hpp). Adds Server, X-Content-Type-Options, X-Frame-Options,
// Referrer-Policy, and Cache-Control: no-store unless the handler set one.
BeastResponse to_beast(Response res, bool head, bool keep_alive, unsigned version,
                       std::string_view route);

// 431 too_large. Built outside the coroutines: GCC 12 miscompiles brace-initialised JSON
// there.
Response header_too_large();

// A malformed message (400), as opposed to a timeout, a reset or an early EOF.
bool is_protocol_error(const boost::beast::error_code& ec);

// The handler's answer, run on a worker; carries whether the caller authenticated.
boost::asio::awaitable<Dispatched> dispatch_on_worker(const Dispatcher& dispatcher, Request req);

// The head's fields into req.headers, names lower-cased.
void copy_headers(const boost::beast::http::fields& head, Request& req);

// Every Transfer-Encoding and Content-Length field the parser kept (it keeps repeats).
// The views point into `head`.
FramingFields framing_of(const boost::beast::http::fields& head, unsigned version);

// The peer as the connection budget counts it: an IPv4 address (also when mapped into
// IPv6), the IPv6 loopback, or else an IPv6 /64, the block one subscriber usually holds.
std::string address_key(const boost::asio::ip::address& a);

}  // namespace qc::http
