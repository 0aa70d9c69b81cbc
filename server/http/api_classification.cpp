// The national A/B/C/D classification (internal) and the archive import (API.md
// "Additions in this server"). B and C appear only here, behind samr/admin.
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

json::object run_json(const ClassificationRun& r) {
  json::object o{{"id", r.id},
                 {"status", r.status},
                 {"done", r.done},
                 {"total", r.total},
                 {"as_of", format_date(r.as_of)},
                 {"region", r.region},
                 {"started_by", r.started_by},
                 {"started_at", format_instant(r.started_at)},
                 {"what_if", r.what_if}};
  o["finished_at"] = r.finished_at ? json::value(format_instant(*r.finished_at)) : nullptr;
  if (!r.error.empty()) o["error"] = r.error;
  return o;
}

json::object classification_json(const Named<Classification>& named) {
  const Classification& c = named.item;
  json::array reasons;
  for (const auto& r : c.reasons) {
    json::array ids;
    for (auto id : r.records) ids.push_back(id);
    reasons.push_back(json::object{{"criterion", r.criterion}, {"records", std::move(ids)}});
  }
  return {{"enterprise", json::object{{"uscc", c.uscc},
                                      {"name", named.enterprise_name},
                                      {"region", named.enterprise_region}}},
          {"grade", c.grade ? json::value(*c.grade) : nullptr},
          {"as_of", format_date(c.as_of)},
          {"reasons", std::move(reasons)},
          {"run_id", c.run_id ? json::value(c.run_id) : nullptr},
          {"graded_at", format_instant(c.graded_at)}};
}

json::object report_json(const ImportReport& r) {
  json::array items;
  for (const auto& row : r.items) {
    json::object o{{"row", row.row}, {"line", row.line}, {"ok", row.ok}};
    if (row.ok) {
      o["enterprise_created"] = row.enterprise_created;
    } else {
      json::object e{{"code", to_string(row.error.code)}, {"message", row.error.message}};
      if (!row.error.field.empty()) e["field"] = row.error.field;
      o["error"] = std::move(e);
    }
    items.push_back(std::move(o));
  }
  json::object o{{"rows", r.rows},
                 {"imported", r.imported},
                 {"failed", r.failed},
                 {"items", std::move(items)},
                 {"items_complete", r.items_complete}};
  if (!r.error.empty()) o["error"] = r.error;
  return o;
}

Response start_run(Request& req, Api& api, const Actor& a) {
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  auto as_of = str_member(*body, "as_of", true);
  if (!as_of) return error_response(as_of.error());
  auto d = parse_date(*as_of);
  if (!d)
    return error_response(err(ErrorCode::validation, "as_of must be a date YYYY-MM-DD", "as_of"));
  auto region = str_member(*body, "region", false);
  if (!region) return error_response(region.error());
  auto r = api.classification.start_run(
      a, *d, region->empty() ? std::nullopt : std::optional<std::string>(*region));
  return from_result(
      r,
      [](const ClassificationRun& x) {
        return json::object{{"id", x.id}, {"status", x.status}};
      },
      202);
}

}  // namespace

void add_classification_routes(Router& r, Api& api) {
  add_authed(r, api, "POST", "/api/v1/classification/runs",
             [&api](Request& req, const Actor& a) { return start_run(req, api, a); });

  add_authed(r, api, "GET", "/api/v1/classification/runs/{id}",
             [&api](Request& req, const Actor& a) {
               auto id = id_param(req, "id");
               if (!id) return error_response(err(ErrorCode::not_found, "no such run"));
               return from_result(api.classification.run(a, *id), run_json);
             });

  add_authed(r, api, "GET", "/api/v1/classification", [&api](Request& req, const Actor& a) {
    ClassificationQuery q;
    q.grade = query(req, "grade");
    q.region = query(req, "region");
    q.page = page_of(req);
    auto run = id_query(req, "run_id");
    if (!run) return error_response(run.error());
    q.run_id = *run;
    auto page = api.classification.results(a, q);
    return from_result(page, [](const Page<Named<Classification>>& p) {
      json::array items;
      for (const auto& c : p.items) items.push_back(classification_json(c));
      return json::object{{"items", std::move(items)}, {"total", p.total}};
    });
  });

  // The body is the CSV text itself (Content-Type text/csv), read and imported while it
  // arrives: the caller is checked before a byte of it is read.
  r.add_streaming("POST", "/api/v1/import", [&api](Request& req) {
    auto caller_of = caller(req, api);
    if (!caller_of) return error_response(caller_of.error());
    const Actor& a = *caller_of;
    if (!req.body_stream)
      return from_result(api.archive_import.import_csv(a, req.body), report_json);
    return from_result(api.archive_import.import_csv(a, *req.body_stream), report_json);
  });
}

}  // namespace qc::http
