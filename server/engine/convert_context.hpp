#pragma once
// Shared by the converter's parts: typed reads of a ScriptValue table that report a
// LoadError (with the best source line) instead of failing.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/convert.hpp"
#include "engine/source_index.hpp"

namespace qc::engine {

using Path = std::vector<Anchor>;

Path operator/(Path base, std::string_view key);  // path to a key below `base`
Path literal(Path base, std::string_view text);   // path to a string literal below `base`

class ConvertContext {
 public:
  ConvertContext(std::string file, std::string_view source, int procedure_line,
                 std::vector<LoadError>& errors);

  const std::string& file() const { return file_; }
  int line(const Path& at) const;
  void error(const Path& at, std::string message);
  size_t error_count() const { return errors_.size() - first_error_; }

  // Reports keys of `table` outside `allowed` (and non-string keys) as errors.
  void check_keys(const ScriptValue& table, std::initializer_list<std::string_view> allowed,
                  const Path& at, std::string_view what);

  // Each reads table[key]; absent → nullopt (an error when `required`); wrong type → error.
  std::optional<std::string> string(const ScriptValue& table, std::string_view key, const Path& at,
                                    bool required);
  std::optional<int64_t> integer(const ScriptValue& table, std::string_view key, const Path& at,
                                 bool required);
  std::optional<bool> boolean(const ScriptValue& table, std::string_view key, const Path& at);
  // A list of strings; a single string is accepted when `single_ok`.
  std::optional<std::vector<std::string>> strings(const ScriptValue& table, std::string_view key,
                                                  const Path& at, bool single_ok);
  // Records the function at table[key] (if any) under `fn_key`; true when one is there.
  bool function(const ScriptValue& table, std::string_view key, const Path& at,
                std::vector<std::string> lua_path, std::string fn_key);
  // A map of simple ids to tables, sorted by id (ScriptValue keeps string keys sorted).
  std::vector<std::pair<std::string, const ScriptValue*>> id_map(const ScriptValue& table,
                                                                 std::string_view key,
                                                                 const Path& at,
                                                                 std::string_view what);

  std::vector<FunctionSite> functions;

 private:
  std::string file_;
  SourceIndex source_;
  int procedure_line_;
  std::vector<LoadError>& errors_;
  size_t first_error_;
};

}  // namespace qc::engine
