#include "core/region.hpp"

namespace qc {

std::string_view to_string(Level level) {
  switch (level) {
    case Level::county:
      return "county";
    case Level::city:
      return "city";
    case Level::province:
      return "province";
    case Level::national:
      return "national";
    case Level::none:
      break;
  }
  return "";
}

std::optional<Level> parse_level(std::string_view s) {
  if (s == "county") return Level::county;
  if (s == "city") return Level::city;
  if (s == "province") return Level::province;
  if (s == "national") return Level::national;
  return std::nullopt;
}

bool region_code_valid(std::string_view code) {
  if (code.size() != 6) return false;
  for (char c : code)
    if (c < '0' || c > '9') return false;
  return true;
}

bool region_code_known(std::string_view code) {
  static constexpr std::string_view kProvinces[] = {
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
      "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
      "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"};
  if (!region_code_valid(code)) return false;
  bool province = false;
  for (auto p : kProvinces) province = province || code.substr(0, 2) == p;
  // xx00yy: a county directly under the province is coded under a city part (e.g. 4290yy).
  return province && !(code.substr(2, 2) == "00" && code.substr(4) != "00");
}

Level region_level(std::string_view code) {
  if (code == "000000") return Level::national;
  if (code.substr(2) == "0000") return Level::province;
  if (code.substr(4) == "00") return Level::city;
  return Level::county;
}

bool region_contains(std::string_view holder, std::string_view region) {
  if (!region_code_valid(holder) || !region_code_valid(region)) return false;
  switch (region_level(holder)) {
    case Level::national:
      return true;
    case Level::province:
      return holder.substr(0, 2) == region.substr(0, 2);
    case Level::city:
      return holder.substr(0, 4) == region.substr(0, 4);
    default:
      return holder == region;
  }
}

std::string region_at(std::string_view region, Level level) {
  std::string code(region);
  switch (level) {
    case Level::national:
      return "000000";
    case Level::province:
      return code.substr(0, 2) + "0000";
    case Level::city:
      return region_level(code) == Level::province ? code : code.substr(0, 4) + "00";
    default:
      return code;
  }
}

}  // namespace qc
