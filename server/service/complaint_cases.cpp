// Opening a case from a public complaint. The complainant is not a starter of the
// procedure: the procedure itself said, with `complaints = { listed_in = … }`, that a
// complaint about an enterprise listed in that activity opens it (ADR 020).
#include "service/case_context.hpp"
#include "service/case_service.hpp"
#include "service/data_validation.hpp"

namespace qc {

Result<Case> CaseService::open_for_complaint(const std::string& procedure, const std::string& uscc,
                                             JsonObject data) {
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->latest(procedure) : nullptr;
  if (!def) return err(ErrorCode::unavailable, "procedure " + procedure + " is not loaded");
  auto ent = ports_.archive.enterprise(uscc);
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
  const CaseContext ctx(ports_, set, *def, calendar_, pub, std::move(ent), now, beijing_date(now));
  if (def->has_guard) {
    auto g = set->guard(*def, "", "", view_of(t.next), ctx.q());
    if (!g) return g.take_error();
    if (!g->ok) return err(ErrorCode::guard_failed, g->reason);
  }
  // The event shows the complaint's content, never the complainant's contact.
  if (auto s = plan_move(ctx.plan(), t, 0, pub.username, "open", def->start, data, ""); !s)
    return s.take_error();
  t.audit = audit_entry(now, pub.username, "case.open",
                        boost::json::object{{"procedure", def->id},
                                            {"action", "open"},
                                            {"from", ""},
                                            {"to", def->start},
                                            {"complaint", true}});
  return store_transition(std::move(t), true);
}

}  // namespace qc
