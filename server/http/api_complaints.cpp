// Public complaints (API.md "Public": POST /api/v1/public/complaints) and the staff inbox
// that triages the ones no procedure took at once (docs/api.md "Additions in this server").
#include "http/api_support.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

json::value opt_instant(const std::optional<Instant>& t) {
  return t ? json::value(format_instant(*t)) : json::value(nullptr);
}

// For staff handling complaints only: it carries the complainant's contact.
json::object staff_view(const Complaint& c, Store& store) {
  auto e = store.enterprise(c.uscc);
  return {{"id", c.id},
          {"enterprise", json::object{{"uscc", c.uscc},
                                      {"name", e ? json::value(e->name) : json::value(nullptr)}}},
          {"region", c.region},
          {"content", c.content},
          {"contact", c.contact},
          {"status", c.status},
          {"case_id", c.case_id ? json::value(*c.case_id) : json::value(nullptr)},
          {"procedure", c.procedure.empty() ? json::value(nullptr) : json::value(c.procedure)},
          {"close_reason", c.close_reason},
          {"handled_by", c.handled_by},
          {"received_at", format_instant(c.received_at)},
          {"handled_at", opt_instant(c.handled_at)}};
}

Response post_complaint(Request& req, Api& api) {
  if (auto limit = within_public_limit(req, api, "complaint-addr", "complaints"); !limit)
    return error_response(limit.error());
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  ComplaintForm form;  // a missing uscc is answered like a wrong one: invalid_uscc
  for (auto [key, into, required] :
       {std::tuple{"uscc", &form.uscc, false}, std::tuple{"content", &form.content, true},
        std::tuple{"contact", &form.contact, false}}) {
    auto v = str_member(*body, key, required);
    if (!v) return error_response(v.error());
    *into = *v;
  }
  auto r = api.complaints->receive(form);
  if (!r) return error_response(r.error());
  // The complainant's contact is never echoed.
  return ok_json(
      json::object{
          {"id", r->id}, {"status", r->status}, {"received_at", format_instant(r->received_at)}},
      201);
}

Result<Actor> inbox_caller(const Request& req, Api& api) {
  return staff_caller(req, api, {"activity_office", "organizer", "samr"});
}

}  // namespace

void add_complaint_routes(Router& r, Api& api) {
  r.add("POST", "/api/v1/public/complaints",
        [&api](Request& req) { return post_complaint(req, api); });

  r.add("GET", "/api/v1/complaints", [&api](Request& req) {
    auto a = inbox_caller(req, api);
    if (!a) return error_response(a.error());
    ComplaintQuery q;
    q.status = query(req, "status");
    q.uscc = query(req, "enterprise");
    q.page = page_of(req);
    auto page = api.complaints->inbox(*a, q);
    json::array items;
    for (const auto& c : page.items) items.push_back(staff_view(c, api.store));
    return ok_json(json::object{{"items", std::move(items)}, {"total", page.total}});
  });

  r.add("GET", "/api/v1/complaints/{id}", [&api](Request& req) {
    auto a = inbox_caller(req, api);
    if (!a) return error_response(a.error());
    auto id = id_param(req, "id");
    auto c = id ? api.complaints->get(*a, *id)
                : Result<Complaint>(err(ErrorCode::not_found, "no such complaint"));
    return from_result(c, [&api](const Complaint& x) { return staff_view(x, api.store); });
  });

  r.add("POST", "/api/v1/complaints/{id}/route", [&api](Request& req) {
    auto a = inbox_caller(req, api);
    if (!a) return error_response(a.error());
    auto body = json_body(req);
    if (!body) return error_response(body.error());
    auto procedure = str_member(*body, "procedure", true);
    if (!procedure) return error_response(procedure.error());
    auto id = id_param(req, "id");
    auto c = id ? api.complaints->route(*a, *id, *procedure)
                : Result<Complaint>(err(ErrorCode::not_found, "no such complaint"));
    return from_result(c, [&api](const Complaint& x) { return staff_view(x, api.store); });
  });

  r.add("POST", "/api/v1/complaints/{id}/close", [&api](Request& req) {
    auto a = inbox_caller(req, api);
    if (!a) return error_response(a.error());
    auto body = json_body(req);
    if (!body) return error_response(body.error());
    auto reason = str_member(*body, "reason", true);
    if (!reason) return error_response(reason.error());
    auto id = id_param(req, "id");
    auto c = id ? api.complaints->close(*a, *id, *reason)
                : Result<Complaint>(err(ErrorCode::not_found, "no such complaint"));
    return from_result(c, [&api](const Complaint& x) { return staff_view(x, api.store); });
  });
}

}  // namespace qc::http
