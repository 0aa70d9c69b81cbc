#include "auth/new_user.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

namespace qc {
namespace {

NewUser valid_user() {
  NewUser u;
  u.username = "nanjing.samr_01";
  u.password = "a long enough secret";
  u.display_name = "  南京市市场监管局 张三 ";
  u.grants = {{"samr", "320100"}};
  return u;
}

std::string field_of(NewUser u) {
  auto s = validate_new_user(u);
  return s.ok() ? "" : s.error().field;
}

TEST(NewUser, AcceptsAValidUserAndNormalises) {
  NewUser u = valid_user();
  u.grants.push_back({"samr", "320100"});
  u.grants.push_back({"expert", "320000"});
  ASSERT_TRUE(validate_new_user(u).ok());
  EXPECT_EQ(u.display_name, "南京市市场监管局 张三");
  EXPECT_EQ(u.grants, (std::vector<RoleGrant>{{"samr", "320100"}, {"expert", "320000"}}));
}

TEST(NewUser, UsernamePattern) {
  EXPECT_TRUE(username_valid("abc"));
  EXPECT_TRUE(username_valid("a.b-c_9"));
  EXPECT_TRUE(username_valid(std::string(64, 'x')));
  EXPECT_FALSE(username_valid("ab"));
  EXPECT_FALSE(username_valid(std::string(65, 'x')));
  EXPECT_FALSE(username_valid("Alice"));
  EXPECT_FALSE(username_valid("al ice"));
  EXPECT_FALSE(username_valid("张三丰"));
  EXPECT_FALSE(username_valid("alice@example"));
  NewUser u = valid_user();
  u.username = "No";
  EXPECT_EQ(field_of(u), "username");
}

TEST(NewUser, PasswordPolicyApplies) {
  NewUser u = valid_user();
  u.password = "short";
  EXPECT_EQ(field_of(u), "password");
  u.password = "NANJING.SAMR_01";
  EXPECT_EQ(field_of(u), "password");
}

TEST(NewUser, DisplayName) {
  NewUser u = valid_user();
  u.display_name = "   ";
  ASSERT_TRUE(validate_new_user(u).ok());
  EXPECT_EQ(u.display_name, "nanjing.samr_01");  // blank: the username stands in
  u.display_name = "bad\x01name";
  EXPECT_EQ(field_of(u), "display_name");
  u.display_name = "bad\xc2\x85name";  // U+0085, a C1 control
  EXPECT_EQ(field_of(u), "display_name");
  u.display_name = "bad\xffname";
  EXPECT_EQ(field_of(u), "display_name");
  u.display_name = std::string(101, 'x');
  EXPECT_EQ(field_of(u), "display_name");
  u.display_name = "";
  for (int i = 0; i < 100; ++i) u.display_name += "张";
  EXPECT_EQ(field_of(u), "");
}

TEST(NewUser, GrantsNeedKnownRolesAndRegions) {
  NewUser u = valid_user();
  u.grants.clear();
  EXPECT_EQ(field_of(u), "grants");
  u.grants = {{"superuser", "320000"}};
  EXPECT_EQ(field_of(u), "grants");
  u.grants = {{"public", "000000"}};
  EXPECT_EQ(field_of(u), "grants");
  u.grants = {{"system", "000000"}};
  EXPECT_EQ(field_of(u), "grants");
  u.grants = {{"samr", "32010"}};
  EXPECT_EQ(field_of(u), "grants");
  u.grants = {{"samr", "32O100"}};
  EXPECT_EQ(field_of(u), "grants");
  for (const char* role : {"admin", "samr", "drc", "expert", "organizer", "activity_office"}) {
    u.grants = {{role, "320000"}};
    EXPECT_EQ(field_of(u), "") << role;
  }
}

TEST(NewUser, EnterpriseRoleNeedsAValidUscc) {
  NewUser u = valid_user();
  u.grants = {{"enterprise", "320100"}};
  EXPECT_EQ(field_of(u), "enterprise");  // missing
  u.enterprise = "91110108717809965C";   // wrong check character
  auto s = validate_new_user(u);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::invalid_uscc);
  EXPECT_EQ(s.error().field, "enterprise");
  u.enterprise = "91110108551385082Q";
  EXPECT_EQ(field_of(u), "");
}

TEST(NewUser, OnlyEnterpriseUsersAreBoundToAnEnterprise) {
  NewUser u = valid_user();
  u.enterprise = "91110108551385082Q";
  auto s = validate_new_user(u);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::validation);
  EXPECT_EQ(s.error().field, "enterprise");
}

// An organiser of the commitment activity is bound to its organisation's registry entry;
// its procedures find the organisation's work plan through it.
TEST(NewUser, OrganizerMayBeBoundToItsOrganisation) {
  NewUser u = valid_user();
  u.grants = {{"organizer", "320000"}};
  u.enterprise = "91110108551385082Q";
  EXPECT_EQ(field_of(u), "");
  u.enterprise = "91110108717809965C";  // wrong check character
  EXPECT_EQ(field_of(u), "enterprise");
}

TEST(NewUser, ReservedUsernamesAreRefused) {
  for (const char* name :
       {"system", "public", "anonymous", "root", "nobody", "expert", "samr", "enterprise"}) {
    NewUser u = valid_user();
    u.username = name;
    EXPECT_EQ(field_of(u), "username") << name;
    EXPECT_TRUE(username_reserved(name)) << name;
  }
  EXPECT_FALSE(username_reserved("admin")) << "the first start's account";
  EXPECT_FALSE(username_reserved("expert1"));
  EXPECT_FALSE(username_reserved("systems"));
}

TEST(NewUser, PasswordsOfNulsOrSpacesAreRefused) {
  NewUser u = valid_user();
  u.password = std::string(10, '\0');
  EXPECT_EQ(field_of(u), "password");
  u.password = std::string(10, ' ');
  EXPECT_EQ(field_of(u), "password");
}

}  // namespace
}  // namespace qc
