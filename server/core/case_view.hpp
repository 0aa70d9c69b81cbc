#pragma once
// What of a case's record each reader sees (docs/security.md "Objectors and expert votes",
// ADR 046). Two things are withheld from readers who do not decide:
// - the objector's identity: case data and events carry only an objection's content and
//   time; the name and contact are kept with the objection and shown only to the staff
//   who decide objections (the actions of the stage a notice's objection leads to);
// - each expert's vote: readers outside the procedure's deciding roles see that an expert
//   voted, not who or how; the panel's outcome and tally (the `passed`/`failed` event's
//   pass and fail counts) stay visible to everyone who may read the case.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/procedure.hpp"
#include "core/query.hpp"

namespace qc {

struct RoleAtLevel {
  std::string role;
  Level level = Level::none;
};

// The roles that decide the procedure's stages: every action's role other than system,
// public and enterprise (the applicant), and the role that votes.
std::vector<RoleAtLevel> deciding_roles(const ProcedureDef& def);

// Who decides an objection: the actions other than system and public of every stage that
// a notice stage's public action (the objection) leads to.
std::vector<RoleAtLevel> objection_deciders(const ProcedureDef& def);

// Admin, or a holder of one of the objection deciders' roles at exactly that level above
// the enterprise's region (the may_act rule). `def` null (a version not loaded): admin only.
bool may_see_objectors(const Actor& a, const ProcedureDef* def, const std::string& region,
                       const std::string& uscc);

// Admin, or a holder of one of the procedure's deciding roles (at any level; reading the
// case at all is checked before). `def` null: admin only.
bool may_see_votes(const Actor& a, const ProcedureDef* def);

// Case data as every reader sees it: `objection` keeps only `content` and `at` (cases
// written before the identity was kept apart carried the objector's name there).
void strip_objector(JsonObject& data);

// An event as a reader sees it: the objector's name and contact are never shown (events
// written before they were kept apart); a vote, for a reader who may not see votes,
// names the voting role instead of the expert and drops the vote and comment.
void shown_event(CaseEvent& e, const ProcedureDef* def, bool sees_votes);

}  // namespace qc
