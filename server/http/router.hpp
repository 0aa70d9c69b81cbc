#pragma once
// Method + path-pattern routing: "/api/v1/cases/{id}/actions/{action}".
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace qc::http {

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  // A route whose body may be large: the handler runs as soon as the head is in and reads
  // the body from req.body_stream as it arrives (POST /api/v1/import).
  void add_streaming(std::string method, std::string pattern, Handler handler);

  struct Match {
    const Handler* handler = nullptr;
    std::string pattern;
    bool path_known = false;  // some route has this path, with another method (405)
    bool streaming = false;   // the handler reads req.body_stream
  };
  // Binds path parameters into req.params on success.
  Match match(Request& req) const;

  // Every route as (method, pattern), in registration order (for the OpenAPI document).
  std::vector<std::pair<std::string, std::string>> routes() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& r : routes_) out.emplace_back(r.method, r.pattern);
    return out;
  }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    bool streaming = false;
  };
  std::vector<Route> routes_;
};

}  // namespace qc::http
