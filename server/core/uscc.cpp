#include "core/uscc.hpp"

#include <array>

#include "core/region.hpp"

namespace qc {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // no I O Z S V
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};

int value_of(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

char uscc_check_char(std::string_view first17) {
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += value_of(first17[i]) * kWeights[i];
  return kAlphabet[(31 - sum % 31) % 31];
}

std::string uscc_problem(std::string_view code) {
  if (code.size() != 18) return "a USCC has 18 characters";
  for (size_t i = 0; i < code.size(); ++i) {
    if (value_of(code[i]) < 0)
      return "character " + std::to_string(i + 1) +
             " is not allowed in a USCC (0-9, A-Y without I O S V Z)";
  }
  for (size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') return "characters 3-8 must be a six-digit region code";
  }
  if (uscc_check_char(code.substr(0, 17)) != code[17])
    return "the check character does not match (GB 32100-2015)";
  return {};
}

std::string uscc_region_problem(std::string_view code, std::string_view region) {
  const std::string digits = uscc_region(code);
  if (!region_code_known(digits))
    return "characters 3-8 of the USCC (" + digits + ") name no GB/T 2260 region";
  if (!region_contains(digits, region) && !region_contains(region, digits))
    return "characters 3-8 of the USCC (" + digits + ") disagree with the region " +
           std::string(region);
  return {};
}

}  // namespace qc
