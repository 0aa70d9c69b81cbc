#pragma once
// A plain C++ copy of what a procedure file returned. The loader validates this copy, not
// the live Lua table: validation then needs no Lua calls (nothing that could raise), and
// the rules read as ordinary C++.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qc::engine {

struct ScriptEntry;

struct ScriptValue {
  enum class Type { nil, boolean, integer, number, string, function, table, other };
  Type type = Type::nil;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0;
  std::string string;  // strings; for `other`, the Lua type name
  // functions: where they were defined ("jiangsu/x.lua", 42)
  std::string source;
  int line = 0;
  // tables: integer keys ascending, then string keys ascending; other keys last
  std::vector<ScriptEntry> entries;
  int procedure_line = 0;  // the line of procedure{} for the table it made, else 0
  bool truncated = false;  // nested deeper than the snapshot follows

  bool is(Type t) const { return type == t; }
  const ScriptValue* get(std::string_view key) const;  // string key, or nullptr
  // The values of 1..n when the table is a sequence (no other keys), else false.
  bool sequence(std::vector<const ScriptValue*>& out) const;
  std::string type_name() const;
};

struct ScriptKey {
  enum class Kind { string, integer, other };
  Kind kind = Kind::other;
  std::string string;  // string keys; for `other`, the Lua type name
  int64_t integer = 0;
};

struct ScriptEntry {
  ScriptKey key;
  ScriptValue value;
};

}  // namespace qc::engine
