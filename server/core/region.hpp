#pragma once
// GB/T 2260 region codes: province pp0000, city ppcc00, county ppccdd; 000000 is national.
#include <optional>
#include <string>
#include <string_view>

namespace qc {

enum class Level { none, county, city, province, national };

std::string_view to_string(Level level);
std::optional<Level> parse_level(std::string_view s);

bool region_code_valid(std::string_view code);  // six digits
// A code that can name where an enterprise is registered: six digits under one of GB/T
// 2260's 34 provincial-level divisions (11 北京 … 82 澳门), a province itself when its city
// digits are 00. 000000 (national) and codes such as 999999 name no place. The full
// county list is not shipped: within a province any city and county digits are accepted.
bool region_code_known(std::string_view code);
Level region_level(std::string_view code);

// True when a grant held at `holder` covers `region` (000000 covers all; 320000 covers
// 32xxxx; 320100 covers 3201xx; a county code covers itself).
bool region_contains(std::string_view holder, std::string_view region);

// The code at `level` that contains `region` (320102 at city -> 320100). A region
// registered above `level` stands for itself (a city-level code at county level).
std::string region_at(std::string_view region, Level level);

}  // namespace qc
