// Reading cases: every read is filtered by the caller's jurisdiction, and a case outside it
// is reported as not found (its existence is not confirmed).
#include <algorithm>

#include "core/access.hpp"
#include "core/case_view.hpp"
#include "service/case_service.hpp"

namespace qc {

Result<Case> CaseService::get(const Actor& actor, int64_t id) {
  auto c = ports_.cases.case_by_id(id);
  if (!c || !may_read(actor, c->region, c->enterprise))
    return err(ErrorCode::not_found, "no case " + std::to_string(id));
  strip_objector(c->data);
  return std::move(*c);
}

Page<Case> CaseService::list(const Actor& actor, CaseQuery q) {
  q.scope = scope_of(actor);
  auto page = ports_.cases.cases(q);
  for (auto& c : page.items) strip_objector(c.data);
  return page;
}

Result<Page<CaseEvent>> CaseService::history(const Actor& actor, int64_t id,
                                             const PageRequest& page) {
  auto c = get(actor, id);
  if (!c) return c.take_error();
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->find(c->procedure, c->version) : nullptr;
  const bool sees_votes = may_see_votes(actor, def);
  auto events = ports_.cases.events(id, page);
  for (auto& e : events.items) shown_event(e, def, sees_votes);
  return events;
}

Result<std::vector<Objection>> CaseService::objections(const Actor& actor, int64_t id) {
  auto c = get(actor, id);
  if (!c) return c.take_error();
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->find(c->procedure, c->version) : nullptr;
  if (!may_see_objectors(actor, def, c->region, c->enterprise))
    return err(ErrorCode::forbidden, "objectors are shown only to the staff who decide objections");
  return ports_.registers.objections(id);
}

Result<std::vector<Document>> CaseService::documents(const Actor& actor, int64_t id) {
  auto c = get(actor, id);
  if (!c) return c.take_error();
  return ports_.cases.documents(id);
}

Result<Document> CaseService::document(const Actor& actor, int64_t id, const std::string& name) {
  auto c = get(actor, id);
  if (!c) return c.take_error();
  auto d = ports_.cases.document(id, name);
  if (!d) return err(ErrorCode::not_found, "no document " + name);
  return std::move(*d);
}

std::vector<AvailableAction> CaseService::available_actions(const Actor& actor, const Case& c,
                                                            const ProcedureDef& def,
                                                            bool voted) const {
  std::vector<AvailableAction> out;
  const StageDef* stage = def.stage(c.stage);
  if (!stage || c.status != "active") return out;
  auto fields_of = [&](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<const FieldDef*> fs;
    for (const auto* names : {&b, &a})
      for (const auto& n : *names)
        if (const auto* f = def.field(n); f && std::find(fs.begin(), fs.end(), f) == fs.end())
          fs.push_back(f);
    return fs;
  };
  for (const auto& a : stage->actions) {
    if (a.role == "system" || a.role == "public") continue;
    if (!may_act(actor, a.role, a.level, c.region, c.enterprise)) continue;
    out.push_back({a.id, a.title.empty() ? a.id : a.title, fields_of(a.requires_fields, a.fields)});
  }
  if (stage->votes && !voted &&
      may_act(actor, stage->votes->role, stage->votes->level, c.region, c.enterprise))
    out.push_back({"vote", "投票", {}});
  return out;
}

bool CaseService::has_voted(const Actor& actor, const Case& c, const StageDef* stage) {
  if (!stage || !stage->votes) return false;
  for (const auto& v : ports_.cases.votes(c.id, c.stage_seq))
    if (v.username == actor.username) return true;
  return false;
}

CaseExtras CaseService::extras(const Actor& actor, const Case& c) {
  CaseExtras x;
  x.set = procedures_.current();
  const ProcedureDef* def = x.set ? x.set->find(c.procedure, c.version) : nullptr;
  if (!def) return x;
  const StageDef* stage = def->stage(c.stage);
  x.actions = available_actions(actor, c, *def, has_voted(actor, c, stage));
  x.deadline = ports_.timers.pending_timer(c.id);
  x.stage_title = stage ? stage->title : c.stage;
  return x;
}

CaseExtras CaseService::extras(const Actor& actor, const CaseOutcome& out) {
  if (!out.replayed) return extras(actor, out.c);
  // A replay shows the case as the first answer did: its deadline and vote then.
  CaseExtras x;
  x.set = procedures_.current();
  const ProcedureDef* def = x.set ? x.set->find(out.c.procedure, out.c.version) : nullptr;
  if (!def) return x;
  const StageDef* stage = def->stage(out.c.stage);
  x.actions = available_actions(actor, out.c, *def, out.voted);
  x.deadline = out.deadline;
  x.stage_title = stage ? stage->title : out.c.stage;
  return x;
}

}  // namespace qc
