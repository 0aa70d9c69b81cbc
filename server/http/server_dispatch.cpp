#include "http/server_dispatch.hpp"

#include <boost/json/object.hpp>
#include <exception>

#include <spdlog/spdlog.h>

#include "http/errors.hpp"
#include "http/url.hpp"
#include "ports/unavailable.hpp"

namespace qc::http {

namespace {

constexpr std::string_view kApiPrefix = "/api/";

Response method_not_allowed() {
  boost::json::object inner{{"code", "method_not_allowed"},
                            {"message", "method not allowed on this resource"}};
  return json_response(405, boost::json::object{{"error", std::move(inner)}});
}

}  // namespace

Response Dispatcher::dispatch(Request& req) const {
  req.route = "unmatched";
  auto target = parse_target(req.target);
  if (!target) return error_response(target.error());
  req.path = std::move(target->path);
  req.query = std::move(target->query);

  const Router::Match match = router_.match(req);
  if (match.handler != nullptr) {
    req.route = match.pattern;
    try {
      return (*match.handler)(req);
    } catch (const StoreUnavailable& e) {
      // The database is unreachable, read-only or full: nothing was written.
      spdlog::warn("store unavailable method={} route={} error={}", req.method, req.route,
                   e.what());
      return error_response(ErrorCode::unavailable, "the database is unavailable; try again later");
    } catch (const std::exception& e) {
      spdlog::error("handler failed method={} route={} error={}", req.method, req.route, e.what());
    } catch (...) {
      spdlog::error("handler failed method={} route={} error=unknown", req.method, req.route);
    }
    return error_response(ErrorCode::internal, "internal error");
  }
  if (match.path_known) return method_not_allowed();
  if (req.path == "/api" || req.path.starts_with(kApiPrefix) ||
      (req.method != "GET" && req.method != "HEAD"))
    return error_response(ErrorCode::not_found, "no such resource");
  req.route = "static";
  try {
    return files_.serve(req);
  } catch (const std::exception& e) {
    // Filesystem errors are reported through error codes; this is the last resort.
    spdlog::error("static file failed error={}", e.what());
    return error_response(ErrorCode::internal, "internal error");
  }
}

std::string Dispatcher::route_of(const std::string& method, std::string_view target) const {
  Request probe;
  probe.method = method;
  auto parsed = parse_target(target);
  if (!parsed) return "unmatched";
  probe.path = std::move(parsed->path);
  const Router::Match match = router_.match(probe);
  return match.handler != nullptr ? match.pattern : "unmatched";
}

bool Dispatcher::streams_body(const std::string& method, std::string_view target) const {
  Request probe;
  probe.method = method;
  auto parsed = parse_target(target);
  if (!parsed) return false;
  probe.path = std::move(parsed->path);
  return router_.match(probe).streaming;
}

}  // namespace qc::http
