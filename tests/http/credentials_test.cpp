// The one parser of session tokens (http/credentials.hpp), shared by authentication,
// logout and the transport's connection budget.
#include "http/credentials.hpp"

#include <gtest/gtest.h>

#include <string>

namespace qc::http {
namespace {

const std::string kToken(64, 'a');

TEST(CookieValue, NamesCompareExactlyNotAsSubstrings) {
  EXPECT_EQ(cookie_value("xqc_session=evil; qc_session=good", "qc_session"), "good");
  EXPECT_EQ(cookie_value("qc_session_old=1;qc_session=2", "qc_session"), "2");
  EXPECT_EQ(cookie_value("a=qc_session=3; b=4", "qc_session"), "");
  EXPECT_EQ(cookie_value("xqc_session=evil", "qc_session"), "");
  EXPECT_EQ(cookie_value("", "qc_session"), "");
}

TEST(CookieValue, SpacesAroundPairsAreOptionalAndTheFirstOfRepeatedNamesWins) {
  EXPECT_EQ(cookie_value("  qc_session=abc  ;other=1", "qc_session"), "abc");
  EXPECT_EQ(cookie_value("other=1;\tqc_session=abc", "qc_session"), "abc");
  EXPECT_EQ(cookie_value("qc_session=first; qc_session=second", "qc_session"), "first");
  EXPECT_EQ(cookie_value("novalue; qc_session=x", "qc_session"), "x");
  EXPECT_EQ(cookie_value("qc_session=", "qc_session"), "");
}

TEST(BearerToken, SchemeIsCaseInsensitiveAndOtherSchemesGiveNothing) {
  EXPECT_EQ(bearer_token("Bearer " + kToken), kToken);
  EXPECT_EQ(bearer_token("bearer " + kToken), kToken);
  EXPECT_EQ(bearer_token("Basic YWRtaW46eA=="), "");
  EXPECT_EQ(bearer_token("Bearer"), "");
  EXPECT_EQ(bearer_token("Bearerx " + kToken), "");
}

TEST(CredentialOf, BearerFirstThenTheCookie) {
  const Credential bearer = credential_of("Bearer b", "qc_session=c");
  EXPECT_EQ(bearer.token, "b");
  EXPECT_FALSE(bearer.by_cookie);
  const Credential cookie = credential_of("", "xqc_session=x; qc_session=c");
  EXPECT_EQ(cookie.token, "c");
  EXPECT_TRUE(cookie.by_cookie);
  EXPECT_EQ(credential_of("Basic x", "qc_session=c").token, "c");
  EXPECT_TRUE(credential_of("", "").token.empty());
}

TEST(LooksLikeSessionToken, SixtyFourLowercaseHexDigits) {
  EXPECT_TRUE(looks_like_session_token(kToken));
  EXPECT_TRUE(looks_like_session_token(std::string(32, '0') + std::string(32, 'f')));
  EXPECT_FALSE(looks_like_session_token(std::string(63, 'a')));
  EXPECT_FALSE(looks_like_session_token(std::string(65, 'a')));
  EXPECT_FALSE(looks_like_session_token(std::string(64, 'A')));
  EXPECT_FALSE(looks_like_session_token(std::string(64, 'g')));
  EXPECT_FALSE(looks_like_session_token(""));
}

}  // namespace
}  // namespace qc::http
