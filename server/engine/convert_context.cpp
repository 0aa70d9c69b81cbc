#include "engine/convert_context.hpp"

namespace qc::engine {

Path operator/(Path base, std::string_view key) {
  base.push_back(Anchor{Anchor::Kind::key, std::string(key)});
  return base;
}

Path literal(Path base, std::string_view text) {
  base.push_back(Anchor{Anchor::Kind::literal, std::string(text)});
  return base;
}

ConvertContext::ConvertContext(std::string file, std::string_view source, int procedure_line,
                               std::vector<LoadError>& errors)
    : file_(std::move(file)),
      source_(source),
      procedure_line_(procedure_line > 0 ? procedure_line : 1),
      errors_(errors),
      first_error_(errors.size()) {}

int ConvertContext::line(const Path& at) const {
  const int found = source_.find(at);
  return found > 0 ? found : procedure_line_;
}

void ConvertContext::error(const Path& at, std::string message) {
  errors_.push_back(LoadError{file_, line(at), std::move(message)});
}

void ConvertContext::check_keys(const ScriptValue& table,
                                std::initializer_list<std::string_view> allowed, const Path& at,
                                std::string_view what) {
  for (const auto& e : table.entries) {
    if (e.key.kind != ScriptKey::Kind::string) {
      error(at, std::string(what) + " has a " +
                    (e.key.kind == ScriptKey::Kind::integer ? "positional" : e.key.string) +
                    " entry; only named keys are allowed");
      continue;
    }
    bool known = false;
    for (auto a : allowed) known = known || a == e.key.string;
    if (!known) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : " ") + std::string(a);
      error(at / e.key.string, "unknown key '" + e.key.string + "' in " + std::string(what) +
                                   " (allowed: " + list + ")");
    }
  }
}

std::optional<std::string> ConvertContext::string(const ScriptValue& table, std::string_view key,
                                                  const Path& at, bool required) {
  const ScriptValue* v = table.get(key);
  if (!v) {
    if (required) error(at, "missing required key '" + std::string(key) + "'");
    return std::nullopt;
  }
  if (!v->is(ScriptValue::Type::string) || (required && v->string.empty())) {
    error(at / key, "'" + std::string(key) + "' must be a non-empty string, not " +
                        (v->is(ScriptValue::Type::string) ? "empty" : v->type_name()));
    return std::nullopt;
  }
  return v->string;
}

std::optional<int64_t> ConvertContext::integer(const ScriptValue& table, std::string_view key,
                                               const Path& at, bool required) {
  const ScriptValue* v = table.get(key);
  if (!v) {
    if (required) error(at, "missing required key '" + std::string(key) + "'");
    return std::nullopt;
  }
  if (!v->is(ScriptValue::Type::integer)) {
    error(at / key, "'" + std::string(key) + "' must be an integer, not " + v->type_name());
    return std::nullopt;
  }
  return v->integer;
}

std::optional<bool> ConvertContext::boolean(const ScriptValue& table, std::string_view key,
                                            const Path& at) {
  const ScriptValue* v = table.get(key);
  if (!v) return std::nullopt;
  if (!v->is(ScriptValue::Type::boolean)) {
    error(at / key, "'" + std::string(key) + "' must be true or false, not " + v->type_name());
    return std::nullopt;
  }
  return v->boolean;
}

std::optional<std::vector<std::string>> ConvertContext::strings(const ScriptValue& table,
                                                                std::string_view key,
                                                                const Path& at, bool single_ok) {
  const ScriptValue* v = table.get(key);
  if (!v) return std::nullopt;
  if (single_ok && v->is(ScriptValue::Type::string)) return std::vector<std::string>{v->string};
  std::vector<const ScriptValue*> items;
  bool ok = v->sequence(items);
  std::vector<std::string> out;
  for (const auto* item : items) {
    if (!item->is(ScriptValue::Type::string))
      ok = false;
    else
      out.push_back(item->string);
  }
  if (!ok) {
    error(at / key, "'" + std::string(key) + "' must be a list of strings" +
                        (single_ok ? " (or one string)" : ""));
    return std::nullopt;
  }
  return out;
}

bool ConvertContext::function(const ScriptValue& table, std::string_view key, const Path& at,
                              std::vector<std::string> lua_path, std::string fn_key) {
  const ScriptValue* v = table.get(key);
  if (!v) return false;
  if (!v->is(ScriptValue::Type::function)) {
    error(at / key, "'" + std::string(key) + "' must be a function, not " + v->type_name());
    return false;
  }
  lua_path.emplace_back(key);
  functions.push_back(FunctionSite{std::move(fn_key), std::move(lua_path),
                                   v->source + ":" + std::to_string(v->line)});
  return true;
}

std::vector<std::pair<std::string, const ScriptValue*>> ConvertContext::id_map(
    const ScriptValue& table, std::string_view key, const Path& at, std::string_view what) {
  std::vector<std::pair<std::string, const ScriptValue*>> out;
  const ScriptValue* v = table.get(key);
  if (!v) return out;
  if (!v->is(ScriptValue::Type::table)) {
    error(at / key, "'" + std::string(key) + "' must be a table of " + std::string(what) +
                        "s by id, not " + v->type_name());
    return out;
  }
  for (const auto& e : v->entries) {
    if (e.key.kind != ScriptKey::Kind::string || !simple_id(e.key.string)) {
      error(e.key.kind == ScriptKey::Kind::string ? at / key / e.key.string : at / key,
            std::string(what) + " ids must match [a-z][a-z0-9_]*, not " +
                (e.key.kind == ScriptKey::Kind::string    ? "'" + e.key.string + "'"
                 : e.key.kind == ScriptKey::Kind::integer ? "a positional entry"
                                                          : "a " + e.key.string + " key"));
      continue;
    }
    if (!e.value.is(ScriptValue::Type::table)) {
      error(at / key / e.key.string, std::string(what) + " '" + e.key.string +
                                         "' must be a table, not " + e.value.type_name());
      continue;
    }
    out.emplace_back(e.key.string, &e.value);
  }
  return out;
}

}  // namespace qc::engine
