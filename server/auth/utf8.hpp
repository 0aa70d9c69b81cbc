#pragma once
// Just enough UTF-8 for input policies: lengths are counted in code points, not bytes.
#include <cstddef>
#include <optional>
#include <string_view>

namespace qc::auth_detail {

// The number of code points in `s`, or nullopt when `s` is not well-formed UTF-8
// (overlong forms, surrogates and values past U+10FFFF are rejected).
std::optional<size_t> utf8_length(std::string_view s);

}  // namespace qc::auth_detail
