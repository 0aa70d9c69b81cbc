#pragma once
// Action and case data checked against the procedure's declared fields.
#include "core/procedure.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace qc {

// Each declared key must have its field's type; undeclared keys are stored as given.
Status validate_fields(const ProcedureDef& def, const JsonObject& data);
// Each named field must be present and non-empty in `data`.
Status check_required(const std::vector<std::string>& names, const JsonObject& data,
                      const ProcedureDef& def);
bool json_non_empty(const Json* v);
// Shallow merge: keys of `from` replace those of `into`.
void merge_into(JsonObject& into, const JsonObject& from);

}  // namespace qc
