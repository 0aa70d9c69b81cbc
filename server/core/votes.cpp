#include "core/votes.hpp"

namespace qc {

VoteTally tally(const std::vector<Vote>& votes, std::string_view username) {
  VoteTally t;
  for (const auto& v : votes) {
    (v.pass ? t.pass : t.fail)++;
    t.voted = t.voted || v.username == username;
  }
  return t;
}

std::string vote_decision(const VotesDef& d, const VoteTally& t) {
  if (t.pass >= d.pass) return d.passed;
  if (t.fail > d.of - d.pass) return d.failed;
  return {};
}

}  // namespace qc
