#pragma once
// k-of-n collective decisions (votes = { of, pass, passed, failed }): the tally of a round
// and what it decides, as plain rules.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/procedure.hpp"

namespace qc {

struct VoteTally {
  int pass = 0;
  int fail = 0;
  bool voted = false;  // the user asked about has voted in this round
};

VoteTally tally(const std::vector<Vote>& votes, std::string_view username);
// The system action the round decides: `passed` once `pass` votes are in, `failed` once
// `pass` can no longer be reached; empty while undecided.
std::string vote_decision(const VotesDef& d, const VoteTally& t);

}  // namespace qc
