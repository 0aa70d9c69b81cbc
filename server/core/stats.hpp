#pragma once
// Order statistics for reports (time to close a complaint, in days).
#include <optional>
#include <vector>

namespace qc {

// The nearest-rank percentile (0 < p <= 100): the smallest value with at least p % of the
// values at or below it. nullopt for no values. The median is percentile(v, 50).
std::optional<int> percentile(std::vector<int> values, int p);

}  // namespace qc
