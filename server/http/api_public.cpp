// The public portal's data (no login). Only what the rules allow is public: open notices,
// active published grades (never national B or C), listings, announcements.
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

json::object public_enterprise(Store& store, const std::string& uscc) {
  auto e = store.enterprise(uscc);
  return {{"uscc", uscc}, {"name", e ? e->name : std::string()}};
}

// National B and C grades are internal: no public endpoint shows them.
bool publishable(const Grant& g) {
  return g.published && g.status == "active" &&
         !(g.family.rfind("national.", 0) == 0 && (g.grade == "B" || g.grade == "C"));
}

// A blacklist entry of a procedure that granted a grade (national.d_recheck) stands while
// that grant is active; entries of other procedures stand as announced.
bool blacklist_entry_stands(Store& store, const Announcement& a) {
  GrantQuery q;
  q.scope.all = true;
  q.uscc = a.uscc;
  q.family = a.family;
  q.page.per_page = 500;
  bool granted = false;
  for (const auto& g : store.grants(q).items) {
    if (g.case_id != a.case_id) continue;
    if (g.status == "active") return true;
    granted = true;
  }
  return !granted;
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
    auto page = api.store.open_notices(page_of(req));
    json::array items;
    for (const auto& n : page.items) {
      auto c = api.store.case_by_id(n.case_id);
      json::object o{
          {"id", n.id},
          {"case_id", n.case_id},
          {"kind", n.kind},
          {"title", n.title},
          {"enterprise", public_enterprise(api.store, c ? c->enterprise : "")},
          {"opens", format_instant(n.opens)},
          {"closes", n.closes ? json::value(format_instant(*n.closes)) : json::value(nullptr)},
          {"outcome", n.outcome}};
      if (c) o["procedure"] = c->procedure;
      items.push_back(std::move(o));
    }
    return ok_json(json::object{{"items", std::move(items)}, {"total", page.total}});
  });

  r.add("POST", "/api/v1/public/notices/{id}/objections",
        [&api](Request& req) { return post_objection(req, api); });

  r.add("GET", "/api/v1/public/grades", [&api](Request& req) {
    GrantQuery q;
    q.scope.all = true;
    q.family = query(req, "family");
    q.grade = query(req, "grade");
    q.region = query(req, "region");
    q.status = "active";
    q.published_only = true;
    q.page = page_of(req);
    auto page = api.store.grants(q);
    json::array items;
    int64_t hidden = 0;
    for (const auto& g : page.items) {
      if (!publishable(g)) {
        ++hidden;
        continue;
      }
      items.push_back(json::object{{"enterprise", public_enterprise(api.store, g.uscc)},
                                   {"family", g.family},
                                   {"grade", g.grade},
                                   {"valid_from", format_date(g.valid_from)},
                                   {"valid_to", format_date(g.valid_to)}});
    }
    return ok_json(json::object{{"items", std::move(items)}, {"total", page.total - hidden}});
  });

  r.add("GET", "/api/v1/public/listings", [&api](Request& req) {
    ListingQuery q;
    q.scope.all = true;
    q.activity = query(req, "activity");
    q.status = "listed";
    q.page = page_of(req);
    auto page = api.store.listings(q);
    json::array items;
    for (const auto& l : page.items)
      items.push_back(json::object{{"enterprise", public_enterprise(api.store, l.uscc)},
                                   {"activity", l.activity},
                                   {"since", format_date(l.since)}});
    return ok_json(json::object{{"items", std::move(items)}, {"total", page.total}});
  });

  auto announcements = [&api](Request& req, std::optional<std::string> kind) {
    AnnouncementQuery q;
    q.kind = kind ? kind : query(req, "kind");
    q.family = query(req, "family");
    q.page = page_of(req);
    auto page = api.store.announcements(q);
    json::array items;
    for (const auto& a : page.items) {
      auto o = to_json(a);
      o["enterprise"] = public_enterprise(api.store, a.uscc);
      items.push_back(std::move(o));
    }
    return ok_json(json::object{{"items", std::move(items)}, {"total", page.total}});
  };
  r.add("GET", "/api/v1/public/announcements",
        [announcements](Request& req) { return announcements(req, std::nullopt); });
  r.add("GET", "/api/v1/public/blacklist", [&api](Request& req) {
    // A blacklist entry stands while the grade its case granted stands: a re-grade that
    // no longer gives D withdraws it (national classification, 三(五) 动态管理).
    AnnouncementQuery q;
    q.kind = "blacklisted";
    q.page = page_of(req);
    auto page = api.store.announcements(q);
    json::array items;
    int64_t withdrawn = 0;
    for (const auto& a : page.items) {
      if (!blacklist_entry_stands(api.store, a)) {
        ++withdrawn;
        continue;
      }
      auto o = to_json(a);
      o["enterprise"] = public_enterprise(api.store, a.uscc);
      items.push_back(std::move(o));
    }
    return ok_json(json::object{{"items", std::move(items)}, {"total", page.total - withdrawn}});
  });
}

}  // namespace qc::http
