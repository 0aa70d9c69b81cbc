#pragma once
// The converter's parts, in the order convert_procedure runs them.
#include <string>

#include "engine/convert_context.hpp"

namespace qc::engine {

// fields = { name = field{…} } (ordered by name) or { {name = …, …}, … } (as declared).
void convert_fields(ConvertContext& cx, const ScriptValue& root, ProcedureDef& def);

// One entry of `stages` with its actions, timer, votes and notice (checks local to it).
void convert_stage(ConvertContext& cx, ProcedureDef& def, const std::string& id,
                   const ScriptValue& table);

// Cross-stage rules: targets exist, reachability, `on`, requires/fields, default starters;
// then puts the stages in their final order.
void validate_graph(ConvertContext& cx, ProcedureDef& def, bool starters_given);

inline Path stage_path(const std::string& stage) { return Path{} / "stages" / stage; }
inline Path action_path(const std::string& stage, const std::string& action) {
  return stage_path(stage) / "actions" / action;
}

}  // namespace qc::engine
