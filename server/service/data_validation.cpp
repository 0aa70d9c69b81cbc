#include "service/data_validation.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "core/time.hpp"

namespace qc {

namespace {
std::string label_of(const FieldDef& f) { return f.label.empty() ? f.name : f.label; }

Status type_error(const FieldDef& f, const std::string& expected) {
  return err(ErrorCode::validation, label_of(f) + " (" + f.name + ") must be " + expected, f.name);
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Status check_type(const FieldDef& f, const Json& v) {
  if (v.is_null()) return ok_status();  // clears the field
  const auto& t = f.type;
  if (t == "string" || t == "text") {
    if (!v.is_string()) return type_error(f, "a string");
    if (code_points(v.as_string()) > static_cast<size_t>(f.length_limit()))
      return type_error(f, "at most " + std::to_string(f.length_limit()) + " characters");
  } else if (t == "enum") {
    if (!v.is_string()) return type_error(f, "one of the listed values");
    for (const auto& o : f.options)
      if (v.as_string() == o) return ok_status();
    std::string list;
    for (const auto& o : f.options) list += (list.empty() ? "" : ", ") + o;
    return type_error(f, "one of " + list);
  } else if (t == "number") {
    if (!v.is_number()) return type_error(f, "a number");
  } else if (t == "integer") {
    if (!(v.is_int64() || v.is_uint64() ||
          (v.is_double() && std::floor(v.as_double()) == v.as_double())))
      return type_error(f, "an integer");
  } else if (t == "boolean") {
    if (!v.is_bool()) return type_error(f, "true or false");
  } else if (t == "date") {
    if (!v.is_string() || !parse_date(v.as_string())) return type_error(f, "a date YYYY-MM-DD");
  } else if (t == "object") {
    if (!v.is_object()) return type_error(f, "an object");
  } else if (t == "array") {
    if (!v.is_array()) return type_error(f, "a list");
    if (v.as_array().size() > static_cast<size_t>(f.items_limit()))
      return type_error(f, "a list of at most " + std::to_string(f.items_limit()) + " items");
  }
  return ok_status();
}
template <typename Takes>
Status only_taken(const JsonObject& data, Takes takes, const std::string& what,
                  const std::string& allowed) {
  boost::json::array details;
  std::string first, list;
  for (const auto& [key, value] : data) {
    if (takes(key)) continue;
    const std::string k(key);
    if (first.empty()) first = k;
    list += (list.empty() ? "" : ", ") + k;
    details.push_back(boost::json::object{{"field", k}, {"message", what + " does not take " + k}});
  }
  if (first.empty()) return ok_status();
  Error e = err(ErrorCode::validation,
                what + " does not take " + list + " (it takes " +
                    (allowed.empty() ? std::string("no data") : allowed) + ")",
                first);
  e.details = std::move(details);
  return e;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}
}  // namespace

Status check_writable(const ProcedureDef&, const ActionDef& action, const JsonObject& data) {
  std::vector<std::string> allowed = action.fields;
  for (const auto& r : action.requires_fields)
    if (std::find(allowed.begin(), allowed.end(), r) == allowed.end()) allowed.push_back(r);
  const std::string what =
      "action " + action.id + (action.title.empty() || action.title == action.id
                                   ? std::string()
                                   : " (" + action.title + ")");
  return only_taken(
      data, [&](std::string_view k) { return action.takes(k); }, what, joined(allowed));
}

Status check_opening_writable(const ProcedureDef& def, const JsonObject& data) {
  std::vector<std::string> allowed;
  for (const auto& f : def.fields)
    if (def.opening_takes(f.name)) allowed.push_back(f.name);
  return only_taken(
      data, [&](std::string_view k) { return def.opening_takes(k); },
      "opening a case of " + def.id, joined(allowed));
}

bool json_non_empty(const Json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_string()) return !v->as_string().empty();
  if (v->is_array()) return !v->as_array().empty();
  if (v->is_object()) return !v->as_object().empty();
  return true;
}

Status validate_fields(const ProcedureDef& def, const JsonObject& data) {
  for (const auto& [key, value] : data) {
    if (const auto* f = def.field(key)) {
      if (auto s = check_type(*f, value); !s) return s;
    }
  }
  return ok_status();
}

Status check_required(const std::vector<std::string>& names, const JsonObject& data,
                      const ProcedureDef& def) {
  for (const auto& name : names) {
    if (!json_non_empty(data.if_contains(name))) {
      const auto* f = def.field(name);
      const std::string label = f && !f->label.empty() ? f->label + " (" + name + ")" : name;
      return err(ErrorCode::validation, label + " is required", name);
    }
  }
  return ok_status();
}

Status check_data_size(const ProcedureDef& def, const JsonObject& data) {
  const size_t limit = static_cast<size_t>(def.max_data_kb) * 1024;
  // Counted through a small buffer: the text is never held whole.
  boost::json::serializer sr;
  sr.reset(&data);
  char buf[4096];
  size_t size = 0;
  while (!sr.done()) size += sr.read(buf, sizeof buf).size();
  if (size <= limit) return ok_status();
  return err(ErrorCode::too_large,
             "the case's data would be " + std::to_string(size / 1024) + " KiB; " + def.id +
                 " keeps at most " + std::to_string(def.max_data_kb) + " KiB (max_data_kb)",
             "data");
}

void merge_into(JsonObject& into, const JsonObject& from) {
  for (const auto& [k, v] : from) into[k] = v;
}

}  // namespace qc
