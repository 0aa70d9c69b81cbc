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
json::object staff_view(const Named<Complaint>& named) {
  const Complaint& c = named.item;
  return {{"id", c.id},
          {"enterprise", json::object{{"uscc", c.uscc},
                                      {"name", named.known ? json::value(named.enterprise_name)
                                                           : json::value(nullptr)}}},
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
  auto r = api.complaints.receive(form);
  if (!r) return error_response(r.error());
  // The complainant's contact is never echoed.
  return ok_json(
      json::object{
          {"id", r->id}, {"status", r->status}, {"received_at", format_instant(r->received_at)}},
      201);
}

}  // namespace

void add_complaint_routes(Router& r, Api& api) {
  r.add("POST", "/api/v1/public/complaints",
        [&api](Request& req) { return post_complaint(req, api); });

  add_authed(r, api, "GET", "/api/v1/complaints", [&api](Request& req, const Actor& a) {
    ComplaintQuery q;
    q.status = query(req, "status");
    q.uscc = query(req, "enterprise");
    q.page = page_of(req);
    return from_result(api.complaints.inbox(a, q), [](const Page<Named<Complaint>>& page) {
      json::array items;
      for (const auto& c : page.items) items.push_back(staff_view(c));
      return json::object{{"items", std::move(items)}, {"total", page.total}};
    });
  });

  // One complaint, after an action on it or alone: the staff view with its enterprise.
  auto one = [&api](Result<Complaint> c) {
    if (!c) return error_response(c.error());
    return ok_json(staff_view(api.complaints.named(std::move(*c))));
  };
  const auto no_such = [] { return err(ErrorCode::not_found, "no such complaint"); };

  add_authed(r, api, "GET", "/api/v1/complaints/{id}",
             [&api, one, no_such](Request& req, const Actor& a) {
               auto id = id_param(req, "id");
               return one(id ? api.complaints.get(a, *id) : Result<Complaint>(no_such()));
             });

  add_authed_json(
      r, api, "POST", "/api/v1/complaints/{id}/route",
      [&api, one, no_such](Request& req, const Actor& a, const json::object& body) {
        auto procedure = str_member(body, "procedure", false);
        if (!procedure) return error_response(procedure.error());
        auto id = id_param(req, "id");
        return one(id ? api.complaints.route(a, *id, *procedure) : Result<Complaint>(no_such()));
      });

  add_authed_json(
      r, api, "POST", "/api/v1/complaints/{id}/close",
      [&api, one, no_such](Request& req, const Actor& a, const json::object& body) {
        auto reason = str_member(body, "reason", false);
        if (!reason) return error_response(reason.error());
        auto id = id_param(req, "id");
        return one(id ? api.complaints.close(a, *id, *reason) : Result<Complaint>(no_such()));
      });
}

}  // namespace qc::http
