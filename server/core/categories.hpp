#pragma once
// The fixed quality-record categories of API.md "Enterprises and records".
#include <string_view>

namespace qc {

// "bad", "good", or "" for an unknown category.
std::string_view record_kind_of(std::string_view category);

}  // namespace qc
