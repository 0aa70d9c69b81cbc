#include <charconv>

#include "core/region.hpp"
#include "engine/convert_parts.hpp"

namespace qc::engine {

bool simple_id(std::string_view s) {
  if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool dotted_id(std::string_view s) {
  if (s.size() > 128) return false;
  size_t start = 0;
  while (true) {
    const auto dot = s.find('.', start);
    if (!simple_id(s.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

void write_function_key(std::string& key, std::string_view id, int version, std::string_view stage,
                        std::string_view action, std::string_view kind) {
  key.assign(id);
  key += '@';
  char digits[16];
  const auto end = std::to_chars(digits, digits + sizeof digits, version).ptr;
  key.append(digits, end);
  for (auto part : {stage, action, kind}) {
    key += '/';
    key += part;
  }
}

std::string function_key(std::string_view id, int version, std::string_view stage,
                         std::string_view action, std::string_view kind) {
  std::string key;
  write_function_key(key, id, version, stage, action, kind);
  return key;
}

namespace {

void convert_header(ConvertContext& cx, const ScriptValue& root, ProcedureDef& def) {
  const Path top;
  if (auto id = cx.string(root, "id", top, true)) {
    if (!dotted_id(*id))
      cx.error(top / "id",
               "procedure id '" + *id +
                   "' must be lowercase words joined by dots, e.g. national.commitment");
    def.id = *id;
  }
  if (auto version = cx.integer(root, "version", top, true)) {
    if (*version <= 0 || *version > 1'000'000)
      cx.error(top / "version", "version must be a positive integer");
    else
      def.version = static_cast<int>(*version);
  }
  if (auto title = cx.string(root, "title", top, true)) def.title = *title;
  if (auto region = cx.string(root, "region", top, true)) {
    if (!region_code_valid(*region))
      cx.error(top / "region", "region '" + *region + "' must be a six-digit GB/T 2260 code");
    def.region = *region;
  }
  if (auto family = cx.string(root, "family", top, true)) {
    if (!dotted_id(*family))
      cx.error(top / "family", "family '" + *family + "' must be lowercase words joined by dots");
    def.family = *family;
  }
  if (auto basis = cx.string(root, "basis", top, false)) def.basis = *basis;
  if (auto n = cx.integer(root, "max_open", top, false)) {
    if (*n <= 0 || *n > 100'000)
      cx.error(top / "max_open", "max_open must be a positive integer");
    else
      def.max_open = static_cast<int>(*n);
  }
  if (auto n = cx.integer(root, "max_data_kb", top, false)) {
    if (*n <= 0 || *n > 65'536)
      cx.error(top / "max_data_kb", "max_data_kb must be a positive integer (KiB, at most 65536)");
    else
      def.max_data_kb = static_cast<int>(*n);
  }
}

// complaints = { listed_in = "national.commitment" } (docs/adr/020-complaints-open-procedures.md).
void convert_complaints(ConvertContext& cx, const ScriptValue& root, ProcedureDef& def) {
  const ScriptValue* c = root.get("complaints");
  if (!c) return;
  const Path at = Path{} / "complaints";
  if (!c->is(ScriptValue::Type::table)) {
    cx.error(at, "complaints must be a table { listed_in = \"<activity>\" }");
    return;
  }
  cx.check_keys(*c, {"listed_in"}, at, "complaints");
  if (auto activity = cx.string(*c, "listed_in", at, true)) {
    if (!dotted_id(*activity))
      cx.error(at / "listed_in", "listed_in '" + *activity +
                                     "' must be an activity (a family), e.g. national.commitment");
    def.complaints_listed_in = *activity;
  }
}

// params = { name = "value", … }: simple ids to strings.
void convert_params(ConvertContext& cx, const ScriptValue& root, ProcedureDef& def) {
  const ScriptValue* params = root.get("params");
  if (!params) return;
  const Path at = Path() / "params";
  if (!params->is(ScriptValue::Type::table)) {
    cx.error(at, "params must be a table of names to strings");
    return;
  }
  for (const auto& e : params->entries) {
    if (e.key.kind != ScriptKey::Kind::string || !simple_id(e.key.string)) {
      cx.error(at, "params keys must be lowercase ids");
      continue;
    }
    if (!e.value.is(ScriptValue::Type::string)) {
      cx.error(at / e.key.string,
               "param '" + e.key.string + "' must be a string, not a " + e.value.type_name());
      continue;
    }
    def.params.emplace_back(e.key.string, e.value.string);
  }
}

}  // namespace

std::optional<Converted> convert_procedure(const ScriptValue& root, const std::string& file,
                                           std::string_view source,
                                           std::vector<LoadError>& errors) {
  if (!root.is(ScriptValue::Type::table) || root.procedure_line == 0) {
    errors.push_back(LoadError{
        file, 1,
        "the file must return procedure { … } (it returned " +
            (root.is(ScriptValue::Type::table) ? std::string("a plain table") : root.type_name()) +
            ")"});
    return std::nullopt;
  }
  ConvertContext cx(file, source, root.procedure_line, errors);
  const Path top;
  cx.check_keys(root,
                {"id", "version", "title", "region", "family", "basis", "fields", "starters",
                 "guard", "start", "stages", "complaints", "params", "max_open", "max_data_kb"},
                top, "procedure");
  ProcedureDef def;
  def.file = file;
  convert_header(cx, root, def);
  convert_fields(cx, root, def);
  convert_complaints(cx, root, def);
  convert_params(cx, root, def);

  const auto starters = cx.strings(root, "starters", top, false);
  if (starters) {
    if (starters->empty()) cx.error(top / "starters", "starters must name at least one role");
    for (const auto& role : *starters)
      if (!role_known(role)) cx.error(top / "starters", "unknown role '" + role + "' in starters");
    def.starters = *starters;
  }
  def.has_guard =
      cx.function(root, "guard", top, {}, function_key(def.id, def.version, "", "", "guard"));
  if (auto start = cx.string(root, "start", top, true)) def.start = *start;

  const ScriptValue* stages = root.get("stages");
  if (!stages) {
    cx.error(top, "missing required key 'stages'");
  } else {
    const auto list = cx.id_map(root, "stages", top, "stage");
    if (stages->is(ScriptValue::Type::table) && stages->entries.empty())
      cx.error(top / "stages", "stages must declare at least one stage");
    for (const auto& [id, table] : list) convert_stage(cx, def, id, *table);
  }
  validate_graph(cx, def, starters.has_value());
  if (cx.error_count() > 0) return std::nullopt;
  return Converted{std::move(def), std::move(cx.functions)};
}

}  // namespace qc::engine
