#pragma once
// Unified Social Credit Code (GB 32100-2015).
#include <string>
#include <string_view>

namespace qc {

// Empty when `code` is a well-formed USCC with a correct check character; otherwise the
// reason it is not, in words a user can act on.
std::string uscc_problem(std::string_view code);
inline bool uscc_valid(std::string_view code) { return uscc_problem(code).empty(); }

// The check character that completes the first 17 characters (which must be valid).
char uscc_check_char(std::string_view first17);

// Characters 3-8: the registration authority's GB/T 2260 region code.
inline std::string uscc_region(std::string_view code) { return std::string(code.substr(2, 6)); }

// Empty when the USCC (well-formed) agrees with the region an enterprise is registered in:
// its region digits name a known place (region_code_known) on the same branch as
// `region`, the one containing the other (a city authority's 320100 for an enterprise of
// 320102, or the county's own 320102 under a city-level 320100); otherwise the reason.
std::string uscc_region_problem(std::string_view code, std::string_view region);

}  // namespace qc
