// Registers: grants, bans, listings, written only by procedures (API.md "Registers").
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

void add_register_routes(Router& r, Api& api) {
  add_authed(r, api, "GET", "/api/v1/grants", [&api](Request& req, const Actor& a) {
    GrantQuery q;
    q.family = query(req, "family");
    q.grade = query(req, "grade");
    q.status = query(req, "status");
    q.region = query(req, "region");
    q.uscc = query(req, "enterprise");
    q.page = page_of(req);
    return ok_json(page_json(api.registry.grants(a, q)));
  });

  add_authed(r, api, "GET", "/api/v1/bans", [&api](Request& req, const Actor& a) {
    BanQuery q;
    q.uscc = query(req, "enterprise");
    q.family = query(req, "family");
    if (query(req, "active") == "1") q.active_on = api.registry.today();
    q.page = page_of(req);
    return ok_json(page_json(api.registry.bans(a, q)));
  });

  add_authed(r, api, "GET", "/api/v1/listings", [&api](Request& req, const Actor& a) {
    ListingQuery q;
    q.activity = query(req, "activity");
    q.status = query(req, "status");
    q.uscc = query(req, "enterprise");
    q.page = page_of(req);
    return ok_json(page_json(api.registry.listings(a, q)));
  });
}

}  // namespace qc::http
