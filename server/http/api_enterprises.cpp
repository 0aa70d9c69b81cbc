// Enterprises and their quality archive (API.md "Enterprises and records").
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

Response create_enterprise(Request& req, Api& api, const Actor& a) {
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  Enterprise e;
  for (auto [key, into] : {std::pair{"uscc", &e.uscc}, {"name", &e.name}, {"region", &e.region}}) {
    auto v = str_member(*body, key, true);
    if (!v) return error_response(v.error());
    *into = *v;
  }
  auto est = str_member(*body, "established_on", true);
  if (!est) return error_response(est.error());
  auto d = parse_date(*est);
  if (!d)
    return error_response(
        err(ErrorCode::validation, "established_on must be a date YYYY-MM-DD", "established_on"));
  e.established_on = *d;
  auto r = api.registry.create_enterprise(a, std::move(e));
  return from_result(
      r, [](const Enterprise& x) { return to_json(x); }, 201);
}

Response add_record(Request& req, Api& api, const Actor& a) {
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  QualityRecord rec;
  for (auto [key, into] :
       {std::pair{"kind", &rec.kind}, {"category", &rec.category}, {"source", &rec.source}}) {
    auto v = str_member(*body, key, true);
    if (!v) return error_response(v.error());
    *into = *v;
  }
  auto detail = str_member(*body, "detail", false);
  if (!detail) return error_response(detail.error());
  rec.detail = *detail;
  auto on = str_member(*body, "occurred_on", true);
  if (!on) return error_response(on.error());
  auto d = parse_date(*on);
  if (!d)
    return error_response(
        err(ErrorCode::validation, "occurred_on must be a date YYYY-MM-DD", "occurred_on"));
  rec.occurred_on = *d;
  auto r = api.registry.add_record(a, req.params["uscc"], std::move(rec));
  return from_result(
      r, [](const QualityRecord& x) { return to_json(x); }, 201);
}

Response correct_record(Request& req, Api& api, const Actor& a) {
  auto id = id_param(req, "id");
  if (!id) return error_response(err(ErrorCode::not_found, "no such record"));
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  auto reason = str_member(*body, "reason", false);  // checked after jurisdiction
  if (!reason) return error_response(reason.error());
  auto r = api.registry.correct_record(a, req.params["uscc"], *id, *reason);
  return from_result(r, [](const QualityRecord& x) { return to_json(x); });
}

template <typename T>
json::object items_json(const std::vector<T>& xs) {
  json::array items;
  for (const auto& x : xs) items.push_back(to_json(x));
  const auto n = static_cast<int64_t>(items.size());
  return {{"items", std::move(items)}, {"total", n}};
}

}  // namespace

void add_enterprise_routes(Router& r, Api& api) {
  add_authed(r, api, "POST", "/api/v1/enterprises",
             [&api](Request& req, const Actor& a) { return create_enterprise(req, api, a); });

  add_authed(r, api, "GET", "/api/v1/enterprises", [&api](Request& req, const Actor& a) {
    EnterpriseQuery q;
    q.region = query(req, "region");
    q.q = query(req, "q");
    q.page = page_of(req);
    return ok_json(page_json(api.registry.enterprises(a, q)));
  });

  add_authed(r, api, "GET", "/api/v1/enterprises/{uscc}", [&api](Request& req, const Actor& a) {
    auto e = api.registry.enterprise(a, req.params["uscc"]);
    return from_result(e, [](const Enterprise& x) { return to_json(x); });
  });

  add_authed(r, api, "POST", "/api/v1/enterprises/{uscc}/records",
             [&api](Request& req, const Actor& a) { return add_record(req, api, a); });

  add_authed(r, api, "GET", "/api/v1/enterprises/{uscc}/records",
             [&api](Request& req, const Actor& a) {
               // ?corrected=0 leaves out corrected records (those that no longer count).
               const auto corrected = query(req, "corrected");
               auto recs = api.registry.records(a, req.params["uscc"], corrected != "0");
               return from_result(recs, [](const auto& xs) { return items_json(xs); });
             });

  add_authed(r, api, "POST", "/api/v1/enterprises/{uscc}/records/{id}/correction",
             [&api](Request& req, const Actor& a) { return correct_record(req, api, a); });

  // The enterprise's registers: the same reads as /api/v1/grants etc., for one enterprise.
  add_authed(r, api, "GET", "/api/v1/enterprises/{uscc}/grants",
             [&api](Request& req, const Actor& a) {
               if (auto e = api.registry.enterprise(a, req.params["uscc"]); !e)
                 return error_response(e.error());
               GrantQuery q;
               q.uscc = req.params["uscc"];
               q.page = page_of(req);
               return ok_json(page_json(api.registry.grants(a, q)));
             });
  add_authed(r, api, "GET", "/api/v1/enterprises/{uscc}/bans",
             [&api](Request& req, const Actor& a) {
               if (auto e = api.registry.enterprise(a, req.params["uscc"]); !e)
                 return error_response(e.error());
               BanQuery q;
               q.uscc = req.params["uscc"];
               q.page = page_of(req);
               return ok_json(page_json(api.registry.bans(a, q)));
             });
  add_authed(r, api, "GET", "/api/v1/enterprises/{uscc}/listings",
             [&api](Request& req, const Actor& a) {
               if (auto e = api.registry.enterprise(a, req.params["uscc"]); !e)
                 return error_response(e.error());
               ListingQuery q;
               q.uscc = req.params["uscc"];
               q.page = page_of(req);
               return ok_json(page_json(api.registry.listings(a, q)));
             });
}

}  // namespace qc::http
