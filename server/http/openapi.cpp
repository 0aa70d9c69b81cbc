// GET /api/v1/openapi.json: the machine-readable form of the routes, generated from the
// router itself so it cannot drift from what the server serves.
#include <boost/json.hpp>

#include "http/api_support.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

json::object error_schema() {
  return {{"type", "object"},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", json::array{"code", "message"}},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"message", {{"type", "string"}}},
                {"field", {{"type", "string"}}},
                {"details", {{"type", "array"}}},
                {"until", {{"type", "string"}, {"format", "date"}}}}}}}}}};
}

json::object operation(const std::string& method, const std::string& pattern) {
  json::array params;
  for (size_t i = pattern.find('{'); i != std::string::npos; i = pattern.find('{', i + 1)) {
    const auto name = pattern.substr(i + 1, pattern.find('}', i) - i - 1);
    params.push_back(json::object{
        {"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  }
  // Lists: every GET without path parameters, and a case's history.
  const bool list = pattern.find('{') == std::string::npos || pattern.ends_with("/history");
  if (method == "GET" && pattern.find("/api/v1/") == 0 && list) {
    for (const char* p : {"page", "per_page"})
      params.push_back(json::object{{"name", p},
                                    {"in", "query"},
                                    {"required", false},
                                    {"schema", {{"type", "integer"}, {"minimum", 1}}}});
  }
  json::object responses{
      {"200", {{"description", "success"}}},
      {"default",
       {{"description", "error"},
        {"content",
         {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}};
  json::object op{{"operationId", method + " " + pattern},
                  {"parameters", std::move(params)},
                  {"responses", std::move(responses)}};
  if (method == "POST" || method == "PATCH" || method == "PUT")
    op["requestBody"] =
        json::object{{"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
  if (pattern.find("/public/") == std::string::npos && pattern.find("/api/v1/") == 0 &&
      !(method == "POST" && pattern == "/api/v1/session"))
    op["security"] = json::array{json::object{{"bearer", json::array{}}}};
  return op;
}

}  // namespace

void add_openapi_route(Router& r) {
  r.add("GET", "/api/v1/openapi.json", [&r](Request&) {
    json::object paths;
    for (const auto& [method, pattern] : r.routes()) {
      std::string m = method;
      for (auto& ch : m) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      auto& entry = paths[pattern];
      if (!entry.is_object()) entry.emplace_object();
      entry.as_object()[m] = operation(method, pattern);
    }
    json::object doc{
        {"openapi", "3.0.3"},
        {"info", {{"title", "qcredit API"}, {"version", "1"}}},
        {"paths", std::move(paths)},
        {"components",
         {{"schemas", {{"Error", error_schema()}}},
          {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
    return ok_json(doc);
  });
}

}  // namespace qc::http
