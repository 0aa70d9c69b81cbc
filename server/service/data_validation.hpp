#pragma once
// Action and case data checked against the procedure's declared fields.
#include "core/model.hpp"
#include "core/procedure.hpp"
#include "core/result.hpp"

namespace qc {

// Each declared key must have its field's type.
Status validate_fields(const ProcedureDef& def, const JsonObject& data);
// What a request may write: taking `action`, only the fields the action takes
// (ActionDef::takes); opening, ProcedureDef::opening_takes. Any other key, undeclared ones
// included, is `validation` naming every such key (`field` is the first, `details`
// lists each), so that no request writes what another role or the procedure decides.
Status check_writable(const ProcedureDef& def, const ActionDef& action, const JsonObject& data);
Status check_opening_writable(const ProcedureDef& def, const JsonObject& data);
// Each named field must be present and non-empty in `data`.
Status check_required(const std::vector<std::string>& names, const JsonObject& data,
                      const ProcedureDef& def);
bool json_non_empty(const Json* v);
// The case's data, serialised, within the procedure's max_data_kb: else too_large.
Status check_data_size(const ProcedureDef& def, const JsonObject& data);
// Shallow merge: keys of `from` replace those of `into`.
void merge_into(JsonObject& into, const JsonObject& from);

}  // namespace qc
