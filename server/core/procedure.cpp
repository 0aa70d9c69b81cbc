#include "core/procedure.hpp"

#include <algorithm>
#include <array>

namespace qc {

bool role_known(std::string_view role) {
  static constexpr std::array<std::string_view, 9> kRoles = {
      "admin", "samr", "drc", "expert", "enterprise", "organizer", "activity_office", "public",
      "system"};
  for (auto r : kRoles)
    if (r == role) return true;
  return false;
}

bool ActionDef::takes(std::string_view field) const {
  return std::find(fields.begin(), fields.end(), field) != fields.end() ||
         std::find(requires_fields.begin(), requires_fields.end(), field) !=
             requires_fields.end();
}

bool ProcedureDef::opening_takes(std::string_view name) const {
  const FieldDef* f = field(name);
  if (!f) return false;
  if (f->required) return true;
  bool some_action_takes = false;
  for (const auto& s : stages)
    for (const auto& a : s.actions) {
      if (!a.takes(name)) continue;
      if (s.id == start) return true;
      some_action_takes = true;
    }
  return !some_action_takes;
}

}  // namespace qc
