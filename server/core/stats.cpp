#include "core/stats.hpp"

#include <algorithm>

namespace qc {

std::optional<int> percentile(std::vector<int> values, int p) {
  if (values.empty() || p <= 0 || p > 100) return std::nullopt;
  std::sort(values.begin(), values.end());
  // rank = ceil(p / 100 * n), from 1.
  const size_t n = values.size();
  const size_t rank = (static_cast<size_t>(p) * n + 99) / 100;
  return values[std::max<size_t>(rank, 1) - 1];
}

}  // namespace qc
