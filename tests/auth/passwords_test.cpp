#include "auth/passwords.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

namespace qc {
namespace {

TEST(Passwords, HashVerifiesTheRightPasswordOnly) {
  const std::string hash = hash_password("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST(Passwords, HashesAreSalted) {
  const std::string a = hash_password("same password here");
  const std::string b = hash_password("same password here");
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_password(b, "same password here"));
}

TEST(Passwords, ChinesePasswordsRoundTrip) {
  const std::string hash = hash_password("企业质量信用等级认定");
  EXPECT_TRUE(verify_password(hash, "企业质量信用等级认定"));
  EXPECT_FALSE(verify_password(hash, "企业质量信用等级认證"));
}

TEST(Passwords, MalformedHashesNeverVerify) {
  EXPECT_FALSE(verify_password("", "anything at all"));
  EXPECT_FALSE(verify_password("not a hash", "not a hash"));
  EXPECT_FALSE(verify_password(std::string(500, '$'), "x"));
  // A hash with an embedded NUL must not be read as its prefix.
  std::string hash = hash_password("correct horse battery");
  hash.insert(hash.size() / 2, 1, '\0');
  EXPECT_FALSE(verify_password(hash, "correct horse battery"));
}

TEST(PasswordPolicy, AcceptsLongEnoughPasswords) {
  EXPECT_EQ(password_problem("alice", "0123456789"), "");
  EXPECT_EQ(password_problem("alice", "a much longer pass phrase"), "");
}

TEST(PasswordPolicy, RejectsShortPasswords) {
  EXPECT_NE(password_problem("alice", ""), "");
  EXPECT_NE(password_problem("alice", "012345678"), "");  // 9
  EXPECT_NE(password_problem("alice", "012345678").find("10"), std::string::npos);
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  // Ten Chinese characters are 30 bytes of UTF-8 and exactly long enough; nine are not,
  // although their 27 bytes are more than ten.
  EXPECT_EQ(password_problem("alice", "质量信用等级认定管理"), "");
  EXPECT_NE(password_problem("alice", "质量信用等级认定管"), "");
  EXPECT_EQ(password_problem("alice", "质量信用等级认定管x"), "");
}

TEST(PasswordPolicy, RejectsTheUsernameInAnyCase) {
  EXPECT_NE(password_problem("inspector01", "inspector01"), "");
  EXPECT_NE(password_problem("inspector01", "INSPECTOR01"), "");
  EXPECT_NE(password_problem("inspector01", "Inspector01"), "");
  EXPECT_NE(password_problem("inspector01", "Inspector01").find("username"), std::string::npos);
  EXPECT_EQ(password_problem("inspector01", "inspector012"), "");
}

TEST(PasswordPolicy, RejectsInvalidUtf8AndOverlongPasswords) {
  EXPECT_NE(password_problem("alice", std::string("0123456789\xff")), "");
  EXPECT_NE(password_problem("alice", std::string("012345678\xe8\xb4")), "");       // truncated
  EXPECT_NE(password_problem("alice", std::string("0123456789\xc0\xaf")), "");      // overlong '/'
  EXPECT_NE(password_problem("alice", std::string("0123456789\xed\xa0\x80")), "");  // surrogate
  EXPECT_EQ(password_problem("alice", std::string(256, 'x')), "");
  EXPECT_NE(password_problem("alice", std::string(257, 'x')), "");
}

TEST(PasswordPolicy, RejectsControlCharactersAndNul) {
  EXPECT_NE(password_problem("alice", std::string(10, '\0')), "");
  EXPECT_NE(password_problem("alice", std::string("0123456789\0", 11)), "");
  EXPECT_NE(password_problem("alice", "0123456789\t"), "");
  EXPECT_NE(password_problem("alice", "01234\n56789"), "");
  EXPECT_NE(password_problem("alice", "0123456789\x7f"), "");
  EXPECT_NE(password_problem("alice", "0123456789\xc2\x85"), "");  // U+0085, a C1 control
  EXPECT_NE(password_problem("alice", std::string(10, '\0')).find("control"), std::string::npos);
}

TEST(PasswordPolicy, RejectsPasswordsOfSpacesOnly) {
  EXPECT_NE(password_problem("alice", std::string(10, ' ')), "");
  EXPECT_NE(password_problem("alice", std::string(40, ' ')), "");
  std::string ideographic;
  for (int i = 0; i < 10; ++i) ideographic += "\xe3\x80\x80";  // U+3000
  EXPECT_NE(password_problem("alice", ideographic), "");
  EXPECT_NE(password_problem("alice", "     \xc2\xa0     "), "");  // with U+00A0
  // Spaces inside a pass phrase are fine.
  EXPECT_EQ(password_problem("alice", "  correct horse  "), "");
}

}  // namespace
}  // namespace qc
