#include "core/categories.hpp"

#include <array>

namespace qc {

std::string_view record_kind_of(std::string_view category) {
  static constexpr std::array<std::string_view, 26> kBad = {
      "spot_check_fail", "inspection_fail", "violation", "serious_violation", "counterfeit",
      "false_advertising", "false_advertising_major", "complaint_unresolved", "claim_return",
      "accident_general", "accident_major", "license_missing", "license_rectification",
      "license_rectification_failed", "no_standard_production", "below_standard_production",
      "aftersales_breach", "export_nonconformity", "export_nonconformity_serious",
      "commitment_breach", "abnormal_operation", "serious_dishonesty_list",
      // Written by procedure outcomes (fx.record), also by staff.
      "false_materials", "grade_revoked", "d_confirmed", "complaint_upheld"};
  static constexpr std::array<std::string_view, 3> kGood = {"award", "certification",
                                                            "pass_rate_100"};
  for (auto c : kBad)
    if (c == category) return "bad";
  for (auto c : kGood)
    if (c == category) return "good";
  return "";
}

}  // namespace qc
