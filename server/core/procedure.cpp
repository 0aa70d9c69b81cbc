#include "core/procedure.hpp"

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

}  // namespace qc
