#include "auth/tokens.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

#include <set>

namespace qc {
namespace {

bool lower_hex(const std::string& s) {
  return s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST(Tokens, SessionTokensAre256RandomBits) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = new_session_token();
    EXPECT_EQ(t.size(), 64u);
    EXPECT_TRUE(lower_hex(t)) << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_NE(new_csrf_token(), new_csrf_token());
  EXPECT_EQ(new_csrf_token().size(), 64u);
}

TEST(Tokens, HashIsSha256Hex) {
  EXPECT_EQ(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string t = new_session_token();
  EXPECT_EQ(token_hash(t), token_hash(t));
  EXPECT_NE(token_hash(t), t);
  EXPECT_EQ(token_hash(t).size(), 64u);
}

TEST(Tokens, EqualityComparesWholeSecrets) {
  const std::string t = new_csrf_token();
  EXPECT_TRUE(tokens_equal(t, std::string(t)));
  EXPECT_FALSE(tokens_equal(t, t.substr(0, 63)));
  std::string other = t;
  other[63] = other[63] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(tokens_equal(t, other));
  EXPECT_FALSE(tokens_equal(t, ""));
  EXPECT_FALSE(tokens_equal("", ""));  // a missing secret never matches a missing secret
}

}  // namespace
}  // namespace qc
