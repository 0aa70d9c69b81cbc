// Procedures: what is loaded, their graphs, and reload (API.md "Procedures").
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\"";
}

std::string mermaid(const ProcedureDef& d) {
  std::string out = "flowchart TD\n";
  for (const auto& s : d.stages) out += "  " + s.id + "[" + quoted(s.title) + "]\n";
  for (const auto& s : d.stages)
    for (const auto& a : s.actions)
      for (const auto& t : a.to)
        out += "  " + s.id + " -->|" + quoted(a.title.empty() ? a.id : a.title) + "| " + t + "\n";
  return out;
}

std::string dot(const ProcedureDef& d) {
  std::string out = "digraph " + quoted(d.id) + " {\n  rankdir=TB;\n";
  for (const auto& s : d.stages)
    out += "  " + quoted(s.id) + " [label=" + quoted(s.title) +
           (s.terminal ? ", shape=doublecircle" : ", shape=box") + "];\n";
  for (const auto& s : d.stages)
    for (const auto& a : s.actions)
      for (const auto& t : a.to)
        out += "  " + quoted(s.id) + " -> " + quoted(t) +
               " [label=" + quoted(a.title.empty() ? a.id : a.title) + "];\n";
  return out + "}\n";
}

// The newest version unless ?version= names another.
const ProcedureDef* find_def(const ProcedureSet& set, const Request& req) {
  const auto& id = req.params.at("id");
  if (auto v = query(req, "version")) {
    try {
      return set.find(id, std::stoi(*v));
    } catch (const std::exception&) {
      return nullptr;
    }
  }
  return set.latest(id);
}

}  // namespace

void add_procedure_routes(Router& r, Api& api) {
  add_authed(r, api, "POST", "/api/v1/procedures/reload", [&api](Request&, const Actor& a) {
    auto loaded = api.procedures.reload(a);
    if (!loaded) return error_response(loaded.error());
    json::array items;
    for (const auto* d : *loaded) items.push_back(procedure_summary(*d));
    const auto n = static_cast<int64_t>(items.size());
    return ok_json(json::object{{"items", std::move(items)}, {"total", n}});
  });

  add_authed(r, api, "GET", "/api/v1/procedures", [&api](Request&, const Actor&) {
    json::array items;
    if (auto set = api.procedures.current())
      for (const auto* d : set->all()) items.push_back(procedure_summary(*d));
    const auto n = static_cast<int64_t>(items.size());
    return ok_json(json::object{{"items", std::move(items)}, {"total", n}});
  });

  add_authed(r, api, "GET", "/api/v1/procedures/{id}", [&api](Request& req, const Actor&) {
    auto set = api.procedures.current();
    const auto* d = set ? find_def(*set, req) : nullptr;
    if (!d) return error_response(ErrorCode::not_found, "no procedure " + req.params["id"]);
    return ok_json(procedure_detail(*d));
  });

  add_authed(r, api, "GET", "/api/v1/procedures/{id}/graph", [&api](Request& req, const Actor&) {
    auto set = api.procedures.current();
    const auto* d = set ? find_def(*set, req) : nullptr;
    if (!d) return error_response(ErrorCode::not_found, "no procedure " + req.params["id"]);
    const auto format = query(req, "format").value_or("mermaid");
    if (format != "mermaid" && format != "dot")
      return error_response(err(ErrorCode::validation, "format must be mermaid or dot", "format"));
    Response resp;
    resp.content_type =
        format == "dot" ? "text/vnd.graphviz; charset=utf-8" : "text/plain; charset=utf-8";
    resp.body = format == "dot" ? dot(*d) : mermaid(*d);
    return resp;
  });
}

}  // namespace qc::http
