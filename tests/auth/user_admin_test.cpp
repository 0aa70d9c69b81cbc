// UserAdmin against a real SQLite store: edits, disabling, password resets and sessions.
#include "auth/user_admin.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "auth/auth_service.hpp"
#include "auth/passwords.hpp"
#include "auth/tokens.hpp"
#include "core/hash.hpp"

namespace qc {
namespace {

class FixedClock final : public Clock {
 public:
  Instant now() const override { return now_; }

 private:
  Instant now_ = parse_instant("2026-03-10T01:00:00Z").value();
};

constexpr const char* kAddr = "192.0.2.20";
constexpr const char* kBobPassword = "bob-password-1";

class UserAdminTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = std::filesystem::temp_directory_path() / ("qc_admin_test_" + random_hex(8) + ".db");
    auto opened = open_store("sqlite:" + db_path_.string(), 2);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store = std::move(opened).value();
    limiter = std::make_unique<RateLimiter>(login_rate_limits());
    auth = std::make_unique<AuthService>(*store, *store, clock, *limiter);
    admin = std::make_unique<UserAdmin>(*store, *store, clock);
    ASSERT_TRUE(auth->ensure_admin("admin-password-1").ok());
    NewUser bob{"bob", kBobPassword, "Bob", {{"samr", "320100"}}, std::nullopt};
    ASSERT_TRUE(auth->create_user(bob, "admin").ok());
  }

  void TearDown() override {
    admin.reset();
    auth.reset();
    store.reset();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(db_path_.string() + suffix);
  }

  std::string login_bob(const std::string& password = kBobPassword) {
    auto l = auth->login("bob", password, kAddr);
    return l ? l->token : std::string();
  }

  AuditEntry last_audit() { return store->audit_entries({}).items.at(0); }

  FixedClock clock;
  std::unique_ptr<Store> store;
  std::unique_ptr<RateLimiter> limiter;
  std::unique_ptr<AuthService> auth;
  std::unique_ptr<UserAdmin> admin;
  const Actor root{"admin", "admin", {RoleGrant{"admin", "000000"}}, std::nullopt};

 private:
  std::filesystem::path db_path_;
};

TEST_F(UserAdminTest, UpdateChangesGrantsAndAuditsBeforeAndAfter) {
  UserPatch p;
  p.grants = std::vector<RoleGrant>{{"samr", "320000"}, {"drc", "320000"}};
  p.display_name = "  鲍勃  ";
  auto u = admin->update(root, "bob", p);
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(u->display_name, "鲍勃");
  EXPECT_TRUE(u->password_hash.empty());
  EXPECT_EQ(store->user("bob")->grants, *p.grants);
  const AuditEntry e = last_audit();
  EXPECT_EQ(e.what, "user.update");
  EXPECT_EQ(e.actor, "admin");
  EXPECT_EQ(e.detail.at("grants_before").as_array().size(), 1u);
  EXPECT_EQ(e.detail.at("grants").as_array().size(), 2u);
}

TEST_F(UserAdminTest, UpdateValidatesLikeCreation) {
  UserPatch bad_role;
  bad_role.grants = std::vector<RoleGrant>{{"public", "000000"}};
  auto r = admin->update(root, "bob", bad_role);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "grants");
  UserPatch bound;
  bound.enterprise = std::optional<std::string>("91110108551385082Q");  // but role samr
  EXPECT_EQ(admin->update(root, "bob", bound).error().field, "enterprise");
  EXPECT_EQ(admin->update(root, "nobody", {}).error().code, ErrorCode::not_found);
  EXPECT_EQ(store->user("bob")->grants, (std::vector<RoleGrant>{{"samr", "320100"}}));
}

TEST_F(UserAdminTest, DisablingEndsEverySessionAtOnce) {
  const std::string t1 = login_bob(), t2 = login_bob();
  ASSERT_TRUE(auth->authenticate(t1).has_value());
  UserPatch p;
  p.disabled = true;
  ASSERT_TRUE(admin->update(root, "bob", p).ok());
  EXPECT_EQ(last_audit().what, "user.disable");
  EXPECT_TRUE(store->sessions_of("bob").empty());
  EXPECT_FALSE(auth->authenticate(t1).has_value());
  EXPECT_FALSE(auth->authenticate(t2).has_value());
  EXPECT_TRUE(login_bob().empty());

  p.disabled = false;
  ASSERT_TRUE(admin->update(root, "bob", p).ok());
  EXPECT_EQ(last_audit().what, "user.enable");
  EXPECT_FALSE(auth->authenticate(t1).has_value());  // old sessions stay ended
  EXPECT_FALSE(login_bob().empty());
}

TEST_F(UserAdminTest, AnAdminCannotLockThemselvesOut) {
  UserPatch off;
  off.disabled = true;
  EXPECT_EQ(admin->update(root, "admin", off).error().field, "disabled");
  UserPatch demote;
  demote.grants = std::vector<RoleGrant>{{"samr", "000000"}};
  EXPECT_EQ(admin->update(root, "admin", demote).error().field, "grants");
  EXPECT_FALSE(store->user("admin")->disabled);
}

TEST_F(UserAdminTest, PasswordResetFollowsThePolicyAndEndsSessions) {
  const std::string token = login_bob();
  EXPECT_EQ(admin->reset_password(root, "bob", "short").error().field, "password");
  EXPECT_EQ(admin->reset_password(root, "bob", "BOB").error().field, "password");
  ASSERT_TRUE(admin->reset_password(root, "bob", "bob-new-password").ok());
  EXPECT_FALSE(auth->authenticate(token).has_value());
  EXPECT_TRUE(login_bob().empty());
  EXPECT_FALSE(login_bob("bob-new-password").empty());
  const auto trail = store->audit_entries({});
  const auto reset = std::find_if(trail.items.begin(), trail.items.end(), [](const AuditEntry& e) {
    return e.what == "user.password_reset";
  });
  ASSERT_NE(reset, trail.items.end());
  const std::string detail = canonical_json(reset->detail);
  EXPECT_EQ(detail.find("bob-new-password"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("argon2"), std::string::npos) << detail;
}

TEST_F(UserAdminTest, SessionsAreListedWithoutSecretsAndRevokedOneOrAll) {
  const std::string t1 = login_bob(), t2 = login_bob(), t3 = login_bob();
  auto listed = admin->sessions(root, "bob");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u);
  for (const auto& s : *listed) {
    EXPECT_EQ(s.id.find(token_hash(t1)), std::string::npos);
    EXPECT_NE(s.id, token_hash(t1).substr(0, 24));
  }
  // Revoke the session of t1 by its listed id.
  const auto t1_session = store->session(token_hash(t1)).value();
  auto one = admin->revoke_sessions(root, "bob", UserAdmin::session_id(t1_session));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, 1);
  EXPECT_FALSE(auth->authenticate(t1).has_value());
  EXPECT_TRUE(auth->authenticate(t2).has_value());
  EXPECT_EQ(admin->revoke_sessions(root, "bob", std::string("nope")).error().code,
            ErrorCode::not_found);
  auto all = admin->revoke_sessions(root, "bob", std::nullopt);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, 2);
  EXPECT_FALSE(auth->authenticate(t3).has_value());
  EXPECT_EQ(last_audit().what, "sessions.revoke");
  EXPECT_EQ(last_audit().detail.at("sessions").as_int64(), 2);
}

TEST_F(UserAdminTest, LogoutIsAudited) {
  const std::string token = login_bob();
  auth->logout(token);
  EXPECT_EQ(last_audit().what, "session.logout");
  EXPECT_EQ(last_audit().actor, "bob");
}

}  // namespace
}  // namespace qc
