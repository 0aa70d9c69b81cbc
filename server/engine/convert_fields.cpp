#include <algorithm>
#include <array>

#include "engine/convert_parts.hpp"

namespace qc::engine {

namespace {

constexpr std::array<std::string_view, 9> kFieldTypes = {
    "string", "text", "enum", "number", "integer", "boolean", "date", "object", "array"};

void convert_field(ConvertContext& cx, const ScriptValue& t, const Path& at, FieldDef& f) {
  cx.check_keys(t, {"name", "type", "label", "required", "options", "max_length", "max_items"},
                at, "field '" + f.name + "'");
  if (auto type = cx.string(t, "type", at, true)) {
    if (std::find(kFieldTypes.begin(), kFieldTypes.end(), *type) == kFieldTypes.end())
      cx.error(at / "type", "unknown field type '" + *type +
                                "' (string text enum number integer boolean date object array)");
    f.type = *type;
  }
  if (auto label = cx.string(t, "label", at, false)) f.label = *label;
  if (auto required = cx.boolean(t, "required", at)) f.required = *required;
  if (auto options = cx.strings(t, "options", at, false)) f.options = *options;
  if (f.type == "enum" && f.options.empty())
    cx.error(at, "enum field '" + f.name + "' needs its options: enum { \"A\", \"B\", … }");
  if (f.type != "enum" && !f.options.empty() && !f.type.empty())
    cx.error(at / "options", "only enum fields take options");
  if (auto n = cx.integer(t, "max_length", at, false)) {
    if (f.type != "string" && f.type != "text")
      cx.error(at / "max_length", "only string and text fields take max_length");
    else if (*n <= 0 || *n > 1'000'000)
      cx.error(at / "max_length", "max_length must be a positive integer (code points)");
    else
      f.max_length = static_cast<int>(*n);
  }
  if (auto n = cx.integer(t, "max_items", at, false)) {
    if (f.type != "array")
      cx.error(at / "max_items", "only array fields take max_items");
    else if (*n <= 0 || *n > 100'000)
      cx.error(at / "max_items", "max_items must be a positive integer");
    else
      f.max_items = static_cast<int>(*n);
  }
}

}  // namespace

void convert_fields(ConvertContext& cx, const ScriptValue& root, ProcedureDef& def) {
  const ScriptValue* v = root.get("fields");
  if (!v) return;
  const Path at = Path{} / "fields";
  if (!v->is(ScriptValue::Type::table)) {
    cx.error(at, "'fields' must be a table, not " + v->type_name());
    return;
  }
  std::vector<const ScriptValue*> items;
  if (v->sequence(items)) {  // an array of fields with `name`, in declaration order
    for (const auto* item : items) {
      const ScriptValue* name = item->is(ScriptValue::Type::table) ? item->get("name") : nullptr;
      if (!name || !name->is(ScriptValue::Type::string) || !simple_id(name->string)) {
        cx.error(at, "each field in a list of fields needs name = \"…\" ([a-z][a-z0-9_]*)");
        continue;
      }
      const Path fat = literal(at, name->string);
      if (def.field(name->string)) {
        cx.error(fat, "field '" + name->string + "' is declared twice");
        continue;
      }
      FieldDef f;
      f.name = name->string;
      convert_field(cx, *item, fat, f);
      def.fields.push_back(std::move(f));
    }
    return;
  }
  for (const auto& [name, table] : cx.id_map(root, "fields", Path{}, "field")) {
    const Path fat = at / name;
    if (const auto* given = table->get("name");
        given && !(given->is(ScriptValue::Type::string) && given->string == name))
      cx.error(fat / "name", "field '" + name + "' names itself differently");
    FieldDef f;
    f.name = name;
    convert_field(cx, *table, fat, f);
    def.fields.push_back(std::move(f));
  }
}

}  // namespace qc::engine
