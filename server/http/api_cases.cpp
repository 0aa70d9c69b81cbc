// Cases: open, list, read, act, history, objections, documents (API.md "Cases").
#include "core/hash.hpp"
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

// The first answer and every Idempotency-Key replay are rendered from the same outcome.
Response outcome_response(const Result<CaseOutcome>& r, Api& api, const Actor& actor) {
  if (!r) return error_response(r.error());
  Response resp;
  resp.status = r->created ? 201 : 200;
  resp.body = json::serialize(to_json(r->c, api.cases.extras(actor, *r)));
  if (r->replayed)
    resp.set("Idempotent-Replayed", "true");
  else
    api.metrics.add_transitions(1);
  return resp;
}

std::string request_hash(const Request& req) {
  return sha256_hex(req.method + " " + req.path + "\n" + req.body);
}

Response open_case(Request& req, Api& api, const Actor& a) {
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  OpenRequest o;
  auto proc = str_member(*body, "procedure", true);
  if (!proc) return error_response(proc.error());
  auto ent = str_member(*body, "enterprise", true);
  if (!ent) return error_response(ent.error());
  o.procedure = *proc;
  o.enterprise = *ent;
  if (const auto* d = body->if_contains("data"); d && !d->is_null()) {
    if (!d->is_object())
      return error_response(err(ErrorCode::validation, "data must be an object", "data"));
    o.data = d->as_object();
  }
  o.idempotency_key = std::string(req.header("idempotency-key"));
  o.request_hash = request_hash(req);
  return outcome_response(api.cases.open(a, o), api, a);
}

Response take_action(Request& req, Api& api, const Actor& a) {
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  const auto id = id_param(req, "id");
  if (!id) return error_response(ErrorCode::not_found, "no such case");
  ActRequest act;
  if (const auto* rev = body->if_contains("rev")) {
    if (!rev->is_int64())
      return error_response(err(ErrorCode::validation, "rev must be an integer", "rev"));
    act.rev = rev->as_int64();
  }
  auto comment = str_member(*body, "comment", false);
  if (!comment) return error_response(comment.error());
  act.comment = *comment;
  if (const auto* d = body->if_contains("data"); d && !d->is_null()) {
    if (!d->is_object())
      return error_response(err(ErrorCode::validation, "data must be an object", "data"));
    act.data = d->as_object();
  }
  act.idempotency_key = std::string(req.header("idempotency-key"));
  act.request_hash = request_hash(req);
  return outcome_response(api.cases.act(a, *id, req.params["action"], act), api, a);
}

// Items carry a summary of each case's data unless `full=1` (docs/api.md "Cases"), and
// the page is written item by item (page_response): a page is held once, as its body.
Response list_cases(Request& req, Api& api, const Actor& a) {
  CaseQuery q;
  q.procedure = query(req, "procedure");
  q.stage = query(req, "stage");
  q.status = query(req, "status");
  q.enterprise = query(req, "enterprise");
  q.region = query(req, "region");
  if (query(req, "mine") == "1") q.opened_by = a.username;
  q.summary_only = query(req, "full") != "1";
  q.page = page_of(req);
  auto page = api.cases.list(a, q);
  return page_response(page.items, page.total, [&](const Case& c) {
    json::object o = to_json(c, api.cases.extras(a, c));
    o["data_complete"] = c.data_complete;
    return o;
  });
}

}  // namespace

void add_case_routes(Router& r, Api& api) {
  add_authed(r, api, "POST", "/api/v1/cases",
             [&api](Request& req, const Actor& a) { return open_case(req, api, a); });
  add_authed(r, api, "GET", "/api/v1/cases",
             [&api](Request& req, const Actor& a) { return list_cases(req, api, a); });

  add_authed(r, api, "GET", "/api/v1/cases/{id}", [&api](Request& req, const Actor& a) {
    auto id = id_param(req, "id");
    auto c = id ? api.cases.get(a, *id) : Result<Case>(err(ErrorCode::not_found, "no such case"));
    if (!c) return error_response(c.error());
    return ok_json(to_json(*c, api.cases.extras(a, *c)));
  });

  add_authed(r, api, "POST", "/api/v1/cases/{id}/actions/{action}",
             [&api](Request& req, const Actor& a) { return take_action(req, api, a); });

  add_authed(r, api, "GET", "/api/v1/cases/{id}/history", [&api](Request& req, const Actor& a) {
    auto id = id_param(req, "id");
    auto h = id ? api.cases.history(a, *id, page_of(req))
                : Result<Page<CaseEvent>>(err(ErrorCode::not_found, "no such case"));
    return from_result(h, [](const Page<CaseEvent>& es) { return page_json(es); });
  });

  // The objectors' identities: for the staff who decide objections (docs/security.md).
  add_authed(r, api, "GET", "/api/v1/cases/{id}/objections", [&api](Request& req, const Actor& a) {
    auto id = id_param(req, "id");
    auto os = id ? api.cases.objections(a, *id)
                 : Result<std::vector<Objection>>(err(ErrorCode::not_found, "no such case"));
    return from_result(os, [](const std::vector<Objection>& list) {
      json::array items;
      for (const auto& o : list)
        items.push_back(json::object{{"id", o.id},
                                     {"notice_id", o.notice_id},
                                     {"name", o.name},
                                     {"contact", o.contact},
                                     {"content", o.content},
                                     {"at", format_instant(o.at)}});
      const auto n = static_cast<int64_t>(items.size());
      return json::object{{"items", std::move(items)}, {"total", n}};
    });
  });

  add_authed(r, api, "GET", "/api/v1/cases/{id}/documents", [&api](Request& req, const Actor& a) {
    auto id = id_param(req, "id");
    auto docs = id ? api.cases.documents(a, *id)
                   : Result<std::vector<Document>>(err(ErrorCode::not_found, "no such case"));
    return from_result(docs, [](const std::vector<Document>& ds) {
      json::array items;
      for (const auto& d : ds)
        items.push_back(json::object{
            {"name", d.name}, {"title", d.title}, {"created_at", format_instant(d.created_at)}});
      const auto n = static_cast<int64_t>(items.size());
      return json::object{{"items", std::move(items)}, {"total", n}};
    });
  });

  add_authed(r, api, "GET", "/api/v1/cases/{id}/documents/{name}",
             [&api](Request& req, const Actor& a) {
               auto id = id_param(req, "id");
               auto d = id ? api.cases.document(a, *id, req.params["name"])
                           : Result<Document>(err(ErrorCode::not_found, "no such case"));
               if (!d) return error_response(d.error());
               Response resp;
               resp.content_type = "text/html; charset=utf-8";
               resp.body = d->html;
               return resp;
             });
}

}  // namespace qc::http
