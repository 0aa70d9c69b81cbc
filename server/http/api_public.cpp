// The public portal's data (no login). Only what the rules allow is public: open notices,
// active published grades (never national B or C), listings, announcements.
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

template <typename T>
json::object public_enterprise(const Named<T>& n, const std::string& uscc) {
  return {{"uscc", uscc}, {"name", n.enterprise_name}};
}

template <typename T, typename Render>
json::object public_page(const Page<Named<T>>& page, Render render) {
  json::array items;
  for (const auto& n : page.items) items.push_back(render(n));
  return {{"items", std::move(items)}, {"total", page.total}};
}

json::object announcement_json(const Named<Announcement>& n) {
  auto o = to_json(n.item);
  o["enterprise"] = public_enterprise(n, n.item.uscc);
  return o;
}

Response post_objection(Request& req, Api& api) {
  if (auto limit = within_public_limit(req, api, "objection-addr", "objections"); !limit)
    return error_response(limit.error());
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  Objection o;
  for (auto [key, into] :
       {std::pair{"name", &o.name}, {"contact", &o.contact}, {"content", &o.content}}) {
    auto v = str_member(*body, key, true);
    if (!v) return error_response(v.error());
    *into = *v;
  }
  auto id = id_param(req, "id");
  auto r = id ? api.cases.object(*id, std::move(o))
              : Result<Objection>(err(ErrorCode::not_found, "no such notice"));
  if (!r) return error_response(r.error());
  // The objector's contact is never echoed: only staff handling the case see it.
  return ok_json(json::object{{"notice_id", r->notice_id}, {"received_at", format_instant(r->at)}},
                 201);
}

}  // namespace

void add_public_routes(Router& r, Api& api) {
  r.add("GET", "/api/v1/public/notices", [&api](Request& req) {
    return ok_json(public_page(api.portal.notices(page_of(req)), [](const auto& named) {
      const Notice& n = named.item.notice;
      json::object o{
          {"id", n.id},
          {"case_id", n.case_id},
          {"kind", n.kind},
          {"title", n.title},
          {"enterprise", public_enterprise(named, named.item.enterprise)},
          {"opens", format_instant(n.opens)},
          {"closes", n.closes ? json::value(format_instant(*n.closes)) : json::value(nullptr)},
          {"outcome", n.outcome}};
      if (!named.item.procedure.empty()) o["procedure"] = named.item.procedure;
      return o;
    }));
  });

  r.add("POST", "/api/v1/public/notices/{id}/objections",
        [&api](Request& req) { return post_objection(req, api); });

  r.add("GET", "/api/v1/public/grades", [&api](Request& req) {
    const GradeFilter f{query(req, "family"), query(req, "grade"), query(req, "region")};
    return ok_json(public_page(api.portal.grades(f, page_of(req)), [](const Named<Grant>& n) {
      const Grant& g = n.item;
      return json::object{{"enterprise", public_enterprise(n, g.uscc)},
                          {"family", g.family},
                          {"grade", g.grade},
                          {"valid_from", format_date(g.valid_from)},
                          {"valid_to", format_date(g.valid_to)}};
    }));
  });

  r.add("GET", "/api/v1/public/listings", [&api](Request& req) {
    return ok_json(public_page(
        api.portal.listings(query(req, "activity"), page_of(req)), [](const Named<Listing>& n) {
          return json::object{{"enterprise", public_enterprise(n, n.item.uscc)},
                              {"activity", n.item.activity},
                              {"since", format_date(n.item.since)}};
        }));
  });

  r.add("GET", "/api/v1/public/announcements", [&api](Request& req) {
    return ok_json(public_page(
        api.portal.announcements(query(req, "kind"), query(req, "family"), page_of(req)),
        announcement_json));
  });
  r.add("GET", "/api/v1/public/blacklist", [&api](Request& req) {
    return ok_json(public_page(api.portal.blacklist(page_of(req)), announcement_json));
  });
}

}  // namespace qc::http
