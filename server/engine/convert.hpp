#pragma once
// Turns what a procedure file returned into a validated ProcedureDef, collecting every
// error with file:line. The functions stay in Lua; the def only says which exist, and
// FunctionSite says where each one is so a prepared state can find it again.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/procedure.hpp"
#include "engine/engine.hpp"
#include "engine/script_value.hpp"

namespace qc::engine {

struct FunctionSite {
  std::string key;                // function_key(...)
  std::vector<std::string> path;  // keys from the returned table down to the function
  std::string where;              // "jiangsu/grade_recognition.lua:42"
};

struct Converted {
  ProcedureDef def;
  std::vector<FunctionSite> functions;
};

// `file` is relative to the workflows directory; `source` is the file's text (for lines).
// Appends to `errors` and returns nothing when the file has any.
std::optional<Converted> convert_procedure(const ScriptValue& root, const std::string& file,
                                           std::string_view source, std::vector<LoadError>& errors);

// Kinds: guard, route, effects, on_enter, on_exit. The procedure guard has empty stage
// and action; stage hooks have an empty action.
std::string function_key(std::string_view id, int version, std::string_view stage,
                         std::string_view action, std::string_view kind);
// The same key written into `key` (cleared first), for lookups that reuse a buffer.
void write_function_key(std::string& key, std::string_view id, int version, std::string_view stage,
                        std::string_view action, std::string_view kind);

// [a-z][a-z0-9_]* — stage and action ids.
bool simple_id(std::string_view s);
// simple ids joined by dots — procedure ids and families ("national.commitment_workplan").
bool dotted_id(std::string_view s);

}  // namespace qc::engine
