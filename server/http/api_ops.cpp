// Operations: health, readiness, metrics, the simulated clock, chain verification.
#include "http/api_support.hpp"
#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

Response move_clock(Api& api, const Actor& a, const json::object& body) {
  std::optional<int64_t> days;
  std::optional<Instant> to;
  if (const auto* adv = body.if_contains("advance_days")) {
    if (!adv->is_int64())
      return error_response(
          err(ErrorCode::validation, "advance_days must be an integer", "advance_days"));
    days = adv->as_int64();
  } else if (const auto* set = body.if_contains("set")) {
    to = set->is_string() ? parse_instant(set->as_string()) : std::nullopt;
    if (!to)
      return error_response(err(ErrorCode::validation, "set must be an RFC 3339 instant", "set"));
  }
  return from_result(api.clock.move(a, to, days), [](const ClockMove& m) {
    return json::object{{"now", format_instant(m.now)}, {"fired", m.fired}};
  });
}

json::object verification_json(const ChainVerification& c) {
  const auto& v = c.audit;
  const auto& ev = c.events;
  json::object o{{"ok", v.ok && ev.ok}, {"entries", v.entries}};
  if (!v.ok) o["broken"] = json::object{{"seq", v.broken_seq}, {"reason", v.reason}};
  json::object events{{"ok", ev.ok}, {"cases", ev.cases}, {"entries", ev.events}};
  if (!ev.ok)
    events["broken"] =
        json::object{{"case_id", ev.broken_case}, {"seq", ev.broken_seq}, {"reason", ev.reason}};
  o["events"] = std::move(events);
  return o;
}

}  // namespace

void add_ops_routes(Router& r, Api& api) {
  r.add("GET", "/healthz", [](Request&) { return ok_json(json::object{{"ok", true}}); });

  r.add("GET", "/readyz", [&api](Request&) {
    const Readiness ready = api.operations.readiness();
    return ok_json(
        json::object{
            {"ok", ready.ok()}, {"database", ready.database}, {"procedures", ready.procedures}},
        ready.ok() ? 200 : 503);
  });

  r.add("GET", "/metrics", [&api](Request&) {
    const StoreStats s = api.operations.stats();
    api.metrics.set_db_pool(s.pool_in_use, s.pool_size);
    api.metrics.set_write_batches(s.write_batches, s.batched_writes);
    return metrics_response(api.metrics);
  });

  add_authed_json(r, api, "POST", "/api/v1/admin/clock",
                  [&api](Request&, const Actor& a, const json::object& body) {
                    return move_clock(api, a, body);
                  });
  add_authed(r, api, "GET", "/api/v1/admin/clock", [&api](Request&, const Actor&) {
    return ok_json(json::object{{"now", format_instant(api.clock.now())},
                                {"simulated", api.clock.simulated()}});
  });

  add_authed(r, api, "GET", "/api/v1/audit/verify", [&api](Request&, const Actor& a) {
    return from_result(api.operations.verify(a), verification_json);
  });
}

}  // namespace qc::http
