// Operations: health, readiness, metrics, the simulated clock, the audit trail.
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

Response move_clock(Request& req, Api& api) {
  auto a = staff_caller(req, api, {});
  if (!a) return error_response(a.error());
  if (!api.sim_clock)
    return error_response(ErrorCode::not_found,
                          "the simulated clock is off (start with --simulated-clock)");
  auto body = json_body(req);
  if (!body) return error_response(body.error());
  Instant to{};
  if (const auto* adv = body->if_contains("advance_days")) {
    if (!adv->is_int64())
      return error_response(
          err(ErrorCode::validation, "advance_days must be an integer", "advance_days"));
    to = api.clock.now() + std::chrono::days(adv->as_int64());
  } else if (const auto* set = body->if_contains("set")) {
    auto t = set->is_string() ? parse_instant(set->as_string()) : std::nullopt;
    if (!t)
      return error_response(err(ErrorCode::validation, "set must be an RFC 3339 instant", "set"));
    to = *t;
  } else {
    return error_response(err(ErrorCode::validation, "give advance_days or set", "advance_days"));
  }
  api.sim_clock->set(to, a->username);
  const int fired = api.timers.fire_due();  // due timers fire before the answer
  return ok_json(json::object{{"now", format_instant(api.clock.now())}, {"fired", fired}});
}

}  // namespace

void add_ops_routes(Router& r, Api& api) {
  r.add("GET", "/healthz", [](Request&) { return ok_json(json::object{{"ok", true}}); });

  r.add("GET", "/readyz", [&api](Request&) {
    const bool db = api.store.ping();
    const bool procs = api.procedures.loaded();
    return ok_json(json::object{{"ok", db && procs}, {"database", db}, {"procedures", procs}},
                   db && procs ? 200 : 503);
  });

  r.add("GET", "/metrics", [&api](Request&) {
    const StoreStats s = api.store.stats();
    api.metrics.set_db_pool(s.pool_in_use, s.pool_size);
    api.metrics.set_write_batches(s.write_batches, s.batched_writes);
    return metrics_response(api.metrics);
  });

  r.add("POST", "/api/v1/admin/clock", [&api](Request& req) { return move_clock(req, api); });
  r.add("GET", "/api/v1/admin/clock", [&api](Request& req) {
    auto a = caller(req, api);
    if (!a) return error_response(a.error());
    return ok_json(json::object{{"now", format_instant(api.clock.now())},
                                {"simulated", api.sim_clock != nullptr}});
  });

  r.add("GET", "/api/v1/audit/verify", [&api](Request& req) {
    auto a = staff_caller(req, api, {});
    if (!a) return error_response(a.error());
    auto v = api.store.verify_audit();
    auto ev = api.store.verify_events();
    json::object o{{"ok", v.ok && ev.ok}, {"entries", v.entries}};
    if (!v.ok) o["broken"] = json::object{{"seq", v.broken_seq}, {"reason", v.reason}};
    json::object events{{"ok", ev.ok}, {"cases", ev.cases}, {"entries", ev.events}};
    if (!ev.ok)
      events["broken"] =
          json::object{{"case_id", ev.broken_case}, {"seq", ev.broken_seq}, {"reason", ev.reason}};
    o["events"] = std::move(events);
    return ok_json(o);
  });
}

}  // namespace qc::http
