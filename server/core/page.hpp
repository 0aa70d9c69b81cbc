#pragma once
// Paging and visibility, the two things every list read takes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qc {

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

struct PageRequest {
  int64_t page = 1;       // from 1
  int64_t per_page = 50;  // capped at 500 by the caller
};

// What a caller may see: everything, a set of region prefixes ("32" covers 32xxxx, "3201"
// covers 3201xx, "320102" itself), and/or one enterprise. Empty and !all = nothing.
struct Scope {
  bool all = false;
  std::vector<std::string> region_prefixes;
  std::optional<std::string> enterprise;

  static Scope everything() {
    Scope s;
    s.all = true;
    return s;
  }
};

}  // namespace qc
