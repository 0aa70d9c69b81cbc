#include "core/case_view.hpp"

#include <algorithm>

#include "core/access.hpp"

namespace qc {

namespace {

void add_unique(std::vector<RoleAtLevel>& out, const std::string& role, Level level) {
  if (std::none_of(out.begin(), out.end(),
                   [&](const RoleAtLevel& r) { return r.role == role && r.level == level; }))
    out.push_back({role, level});
}

bool is_objection(const CaseEvent& e, const ProcedureDef* def) {
  if (e.actor != "public") return false;
  if (!def) return true;
  const StageDef* from = def->stage(e.from_stage);
  return from && from->notice.has_value();
}

}  // namespace

std::vector<RoleAtLevel> deciding_roles(const ProcedureDef& def) {
  std::vector<RoleAtLevel> out;
  for (const auto& s : def.stages) {
    for (const auto& a : s.actions)
      if (a.role != "system" && a.role != "public" && a.role != "enterprise")
        add_unique(out, a.role, a.level);
    if (s.votes) add_unique(out, s.votes->role, s.votes->level);
  }
  return out;
}

std::vector<RoleAtLevel> objection_deciders(const ProcedureDef& def) {
  std::vector<RoleAtLevel> out;
  for (const auto& s : def.stages) {
    if (!s.notice) continue;
    for (const auto& objection : s.actions) {
      if (objection.role != "public") continue;
      for (const auto& to : objection.to) {
        const StageDef* review = def.stage(to);
        if (!review) continue;
        for (const auto& a : review->actions)
          if (a.role != "system" && a.role != "public") add_unique(out, a.role, a.level);
      }
    }
  }
  return out;
}

bool may_see_objectors(const Actor& a, const ProcedureDef* def, const std::string& region,
                       const std::string& uscc) {
  if (is_admin(a)) return true;
  if (!def) return false;
  return std::ranges::any_of(objection_deciders(*def), [&](const RoleAtLevel& r) {
    return r.role != "enterprise" && may_act(a, r.role, r.level, region, uscc);
  });
}

bool may_see_votes(const Actor& a, const ProcedureDef* def) {
  if (is_admin(a)) return true;
  if (!def) return false;
  return std::ranges::any_of(deciding_roles(*def),
                             [&](const RoleAtLevel& r) { return has_role(a, r.role); });
}

void strip_objector(JsonObject& data) {
  auto* o = data.if_contains("objection");
  if (!o || !o->is_object()) return;
  JsonObject kept;
  for (const char* key : {"content", "at"})
    if (const auto* v = o->as_object().if_contains(key)) kept[key] = *v;
  *o = std::move(kept);
}

void shown_event(CaseEvent& e, const ProcedureDef* def, bool sees_votes) {
  if (is_objection(e, def) && e.payload.is_object()) {
    e.payload.as_object().erase("name");
    e.payload.as_object().erase("contact");
  }
  if (sees_votes || e.action != "vote") return;
  const StageDef* stage = def ? def->stage(e.from_stage) : nullptr;
  if (def && (!stage || !stage->votes)) return;  // an action named vote, not a ballot
  e.actor = stage ? stage->votes->role : "expert";
  e.payload = JsonObject{};
  e.comment.clear();
}

}  // namespace qc
