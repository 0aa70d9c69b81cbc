// Opening a case from a public complaint. The complainant is not a starter of the
// procedure: the procedure itself said, with `complaints = { listed_in = … }`, that a
// complaint about an enterprise listed in that activity opens it (ADR 020).
#include "service/case_service.hpp"
#include "service/data_validation.hpp"
#include "service/store_query.hpp"
#include "service/transition_plan.hpp"

namespace qc {

Result<Case> CaseService::open_for_complaint(const std::string& procedure, const std::string& uscc,
                                             JsonObject data) {
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->latest(procedure) : nullptr;
  if (!def) return err(ErrorCode::unavailable, "procedure " + procedure + " is not loaded");
  auto ent = store_.enterprise(uscc);
  if (!ent) return err(ErrorCode::not_found, "no enterprise " + uscc);
  if (auto s = validate_fields(*def, data); !s) return s.take_error();

  const Instant now = clock_.now();
  const Actor pub{"public", "public", {}, std::nullopt};
  Transition t;
  t.next.procedure = def->id;
  t.next.version = def->version;
  t.next.enterprise = ent->uscc;
  t.next.region = ent->region;
  t.next.data = data;
  t.next.opened_by = pub.username;
  t.next.created_at = now;
  StoreQuery q(store_, calendar_, pub, now);
  if (def->has_guard) {
    auto g = set->guard(*def, "", "", view_of(t.next), q);
    if (!g) return g.take_error();
    if (!g->ok) return err(ErrorCode::guard_failed, g->reason);
  }
  const PlanContext ctx{store_, *set, *def, calendar_, q, &*ent, now, beijing_date(now)};
  // The event shows the complaint's content, never the complainant's contact.
  if (auto s = plan_move(ctx, t, 0, pub.username, "open", def->start, data, ""); !s)
    return s.take_error();
  t.audit = AuditEntry{0,
                       now,
                       pub.username,
                       "case.open",
                       boost::json::object{{"procedure", def->id},
                                           {"action", "open"},
                                           {"from", ""},
                                           {"to", def->start},
                                           {"complaint", true}},
                       {},
                       {}};
  return store_transition(std::move(t), true);
}

}  // namespace qc
