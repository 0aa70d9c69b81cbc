#include "core/stats.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

TEST(Percentile, NearestRankOfUnsortedValues) {
  const std::vector<int> days{7, 1, 3, 10, 5};
  EXPECT_EQ(percentile(days, 50), 5);
  EXPECT_EQ(percentile(days, 90), 10);
  EXPECT_EQ(percentile(days, 100), 10);
  EXPECT_EQ(percentile(days, 1), 1);
}

TEST(Percentile, EvenCountsTakeTheLowerMiddle) {
  EXPECT_EQ(percentile({4, 2}, 50), 2);
  EXPECT_EQ(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
  EXPECT_EQ(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90), 10);
}

TEST(Percentile, NoValuesOrBadRankHaveNoAnswer) {
  EXPECT_FALSE(percentile({}, 50).has_value());
  EXPECT_FALSE(percentile({1}, 0).has_value());
  EXPECT_FALSE(percentile({1}, 101).has_value());
  EXPECT_EQ(percentile({3}, 90), 3);
}

}  // namespace
}  // namespace qc
