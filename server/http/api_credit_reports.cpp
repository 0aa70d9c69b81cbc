// Yearly quality-credit reports: the public register (GET /api/v1/public/reports) and the
// yearly submission package staff download (API.md, docs/api.md "Additions").
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

json::object report_json(const PublishedReport& r) {
  return {{"case_id", r.case_id},
          {"enterprise", json::object{{"uscc", r.enterprise.uscc}, {"name", r.enterprise.name}}},
          {"region", r.enterprise.region},
          {"year", r.year},
          {"period_from", r.period_from},
          {"period_to", r.period_to},
          {"published_on", r.published_on},
          {"typical", r.typical},
          {"typical_reason", r.typical_reason},
          {"html", "/api/v1/public/reports/" + std::to_string(r.case_id)}};
}

std::optional<int64_t> year_param(const Request& req) {
  auto y = query(req, "year");
  if (!y) return std::nullopt;
  try {
    size_t used = 0;
    const int64_t v = std::stoll(*y, &used);
    if (used == y->size()) return v;
  } catch (const std::exception&) {
  }
  return -1;  // refused by the service as out of range
}

json::object submission_json(const ReportSubmission& s, bool with_manifest) {
  json::object o{{"id", s.id},
                 {"procedure", s.procedure},
                 {"year", s.year},
                 {"region", s.region},
                 {"submitted_by", s.submitted_by},
                 {"submitted_as", s.submitted_as},
                 {"submitted_at", format_instant(s.submitted_at)},
                 {"due_on", s.due_on},
                 {"status", s.status},
                 {"total", s.total},
                 {"typical", s.typical},
                 {"sha256", s.sha256}};
  if (with_manifest) {
    boost::system::error_code ec;
    o["manifest"] = json::parse(s.manifest, ec);
  }
  return o;
}

// POST …/submissions {"year": 2026, "region": "320000"}
Response post_submission(Request& req, Api& api, const Actor& a) {
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  const auto* year = body->if_contains("year");
  if (!year || !year->is_int64())
    return error_response(err(ErrorCode::validation, "year must be an integer", "year"));
  auto region = str_member(*body, "region", true);
  if (!region) return error_response(region.error());
  return from_result(
      api.reports.submit(a, year->as_int64(), *region),
      [](const ReportSubmission& s) { return submission_json(s, true); }, 201);
}

Result<ReportPackage> package_of(Request& req, Api& api, const Actor& a) {
  const auto year = year_param(req);
  if (!year) return err(ErrorCode::validation, "year is required", "year");
  return api.reports.package(a, *year, query(req, "region").value_or(""));
}

}  // namespace

void add_credit_report_routes(Router& r, Api& api) {
  r.add("GET", "/api/v1/public/reports", [&api](Request& req) {
    ReportFilter f;
    f.year = year_param(req);
    f.region = query(req, "region");
    f.q = query(req, "q");
    f.page = page_of(req);
    auto page = api.reports.published(f);
    if (!page) return error_response(page.error());
    json::array items;
    for (const auto& rep : page->items) items.push_back(report_json(rep));
    return ok_json(json::object{{"items", std::move(items)}, {"total", page->total}});
  });

  r.add("GET", "/api/v1/public/reports/{id}", [&api](Request& req) {
    auto id = id_param(req, "id");
    auto d = id ? api.reports.published_html(*id)
                : Result<Document>(err(ErrorCode::not_found, "no such report"));
    if (!d) return error_response(d.error());
    Response resp;
    resp.content_type = "text/html; charset=utf-8";
    resp.body = d->html;
    return resp;
  });

  add_authed(r, api, "GET", "/api/v1/reports/package", [&api](Request& req, const Actor& a) {
    auto p = package_of(req, api, a);
    if (!p) return error_response(p.error());
    Response resp;
    resp.content_type = "application/zip";
    std::string disposition = "attachment; filename=\"";
    disposition += p->filename;
    disposition += '"';
    resp.set("Content-Disposition", disposition);
    resp.body = std::move(p->zip);
    return resp;
  });

  add_authed(r, api, "POST", "/api/v1/reports/package/submissions",
             [&api](Request& req, const Actor& a) { return post_submission(req, api, a); });

  add_authed(r, api, "GET", "/api/v1/reports/package/submissions",
             [&api](Request& req, const Actor& a) {
               auto year = year_param(req);
               if (year && (*year < 2000 || *year > 2100))
                 return error_response(err(ErrorCode::validation, "year is out of range", "year"));
               auto page = api.reports.submissions(a, year, query(req, "region"), page_of(req));
               if (!page) return error_response(page.error());
               json::array items;
               for (const auto& s : page->items) items.push_back(submission_json(s, false));
               return ok_json(json::object{{"items", std::move(items)}, {"total", page->total}});
             });

  add_authed(
      r, api, "GET", "/api/v1/reports/package/submissions/{id}",
      [&api](Request& req, const Actor& a) {
        auto id = id_param(req, "id");
        auto s =
            id ? api.reports.submission(a, *id)
               : Result<ReportSubmission>(err(ErrorCode::not_found, "no such package submission"));
        return from_result(s, [](const ReportSubmission& x) { return submission_json(x, true); });
      });

  add_authed(r, api, "GET", "/api/v1/reports/package/manifest",
             [&api](Request& req, const Actor& a) {
               auto p = package_of(req, api, a);
               if (!p) return error_response(p.error());
               return ok_json(p->manifest);
             });
}

}  // namespace qc::http
