// GET /api/v1/audit?actor=&case=&from=&to= (docs/api.md "Additions"): the audit trail,
// newest first, for admins and (one case at a time) provincial supervisors.
#include <charconv>
#include <tuple>

#include "http/api_support.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

json::object entry_json(const AuditEntry& e) {
  return {{"seq", e.seq},       {"at", format_instant(e.at)}, {"actor", e.actor}, {"what", e.what},
          {"detail", e.detail}, {"prev_hash", e.prev_hash},   {"hash", e.hash}};
}

// An instant, or a date meaning that Beijing day (from its start, to its end).
std::optional<Instant> bound_param(const std::string& s, bool end) {
  if (auto t = parse_instant(s)) return t;
  if (auto d = parse_date(s))
    return end ? end_of_beijing_day(*d) - std::chrono::seconds{1} : start_of_beijing_day(*d);
  return std::nullopt;
}

Result<AuditQuery> audit_query(const Request& req) {
  AuditQuery q;
  q.actor = query(req, "actor");
  if (auto c = query(req, "case")) {
    int64_t id = 0;
    auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), id);
    if (ec != std::errc() || p != c->data() + c->size() || id <= 0)
      return err(ErrorCode::validation, "case must be a case id", "case");
    q.case_id = id;
  }
  for (auto [name, into, end] : {std::tuple{"from", &q.from, false}, {"to", &q.to, true}}) {
    if (auto v = query(req, name)) {
      *into = bound_param(*v, end);
      if (!*into)
        return err(ErrorCode::validation,
                   std::string(name) + " must be a date YYYY-MM-DD or an RFC 3339 instant", name);
    }
  }
  q.page = page_of(req);
  return q;
}

}  // namespace

void add_audit_routes(Router& r, Api& api) {
  add_authed(r, api, "GET", "/api/v1/audit", [&api](Request& req, const Actor& a) {
    auto q = audit_query(req);
    if (!q) return error_response(q.error());
    auto page = api.audit_reads.entries(a, std::move(*q));
    return from_result(page, [](const Page<AuditEntry>& p) {
      json::array items;
      for (const auto& e : p.items) items.push_back(entry_json(e));
      return json::object{{"items", std::move(items)}, {"total", p.total}};
    });
  });
}

}  // namespace qc::http
