#pragma once
// What happens to a request once its bytes are in: path validation, routing, the
// handler or the static UI, and exceptions turned into 500. No socket in sight, so it
// runs on the worker pool and can be reasoned about (and tested) on its own.
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace qc::http {

class Dispatcher {
 public:
  Dispatcher(const Router& router, const StaticFiles& files) : router_(router), files_(files) {}

  // Fills req.path, req.query, req.params and req.route from req.method and req.target,
  // then answers. Never throws: a throwing handler is logged and answered with 500.
  Response dispatch(Request& req) const;

  // The route label of a request refused before dispatch (e.g. too large), for logs and
  // metrics.
  std::string route_of(const std::string& method, std::string_view target) const;
  // Whether the request goes to a route added with Router::add_streaming.
  bool streams_body(const std::string& method, std::string_view target) const;

 private:
  const Router& router_;
  const StaticFiles& files_;
};

}  // namespace qc::http
