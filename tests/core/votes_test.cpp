#include "core/votes.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

TEST(Votes, TallyCountsPassAndFailAndWhetherTheUserVoted) {
  const std::vector<Vote> v{{1, 2, "a", true}, {1, 2, "b", false}, {1, 2, "c", true}};
  const VoteTally t = tally(v, "b");
  EXPECT_EQ(t.pass, 2);
  EXPECT_EQ(t.fail, 1);
  EXPECT_TRUE(t.voted);
  EXPECT_FALSE(tally(v, "d").voted);
}

TEST(Votes, ARoundIsDecidedOnceKPassOrKCanNoLongerBeReached) {
  const VotesDef three_of_five{"expert", Level::province, 5, 3, "passed", "failed"};
  EXPECT_EQ(vote_decision(three_of_five, {2, 2, false}), "") << "3 of 5 still reachable";
  EXPECT_EQ(vote_decision(three_of_five, {3, 0, false}), "passed");
  EXPECT_EQ(vote_decision(three_of_five, {2, 3, false}), "failed") << "at most 2 passes left";
  const VotesDef unanimous{"expert", Level::province, 3, 3, "passed", "failed"};
  EXPECT_EQ(vote_decision(unanimous, {2, 1, false}), "failed");
}

}  // namespace
}  // namespace qc
