#pragma once
// HTTP request and response as plain values: handlers never see Beast types.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text_source.hpp"

namespace qc::http {

struct Request {
  std::string method;                         // GET, POST, …
  std::string target;                         // raw request-target
  std::string path;                           // percent-decoded path, without the query
  std::map<std::string, std::string> query;   // decoded query parameters
  std::map<std::string, std::string> params;  // path parameters bound by the router
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  // Routes added with Router::add_streaming get their body here instead, read while it
  // arrives (the server's import limit, not its body limit); `body` stays empty.
  std::shared_ptr<TextSource> body_stream;
  std::string remote_addr;
  std::string route;  // the matched route pattern, for logs and metrics
  // Set by caller() (api_support.hpp) once the request's session checks out. The transport
  // then keeps the connection in the share of its budget reserved for signed-in clients
  // (connection_limits.hpp). Mutable: authentication reads the request, it does not edit it.
  mutable bool authenticated = false;

  // First value of a header (case-insensitive name), or "".
  std::string_view header(std::string_view name) const;
  std::optional<std::string> query_param(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
  }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  Response& set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// Handlers run on a worker pool and may block on the database.
using Handler = std::function<Response(Request&)>;

}  // namespace qc::http
