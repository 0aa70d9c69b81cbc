// AuthService against a real SQLite store in a temporary file.
#include "auth/auth_service.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "auth/passwords.hpp"
#include "auth/tokens.hpp"
#include "core/hash.hpp"

namespace qc {
namespace {

using namespace std::chrono;

class TestClock final : public Clock {
 public:
  Instant now() const override { return now_; }
  void advance(seconds d) { now_ += d; }

 private:
  Instant now_ = parse_instant("2026-03-10T01:00:00Z").value();
};

constexpr const char* kAlicePassword = "alice-password-1";
constexpr const char* kAddr = "192.0.2.10";

class AuthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = std::filesystem::temp_directory_path() / ("qc_auth_test_" + random_hex(8) + ".db");
    auto opened = open_store("sqlite:" + db_path_.string(), 2);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store = std::move(opened).value();
    RateLimits limits = login_rate_limits();
    limits.backoff_by_kind[std::string(kLoginAddrKind)].free_attempts = 8;  // keeps tests short
    limiter = std::make_unique<RateLimiter>(limits, [this] { return steady_now; });
    auth = std::make_unique<AuthService>(*store, *store, clock, *limiter);
    auto alice = auth->create_user(user("alice", kAlicePassword), "admin");
    ASSERT_TRUE(alice.ok()) << alice.error().message;
  }

  void TearDown() override {
    auth.reset();
    store.reset();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(db_path_.string() + suffix);
  }

  static NewUser user(const std::string& name, const std::string& password) {
    NewUser u;
    u.username = name;
    u.password = password;
    u.display_name = "用户 " + name;
    u.grants = {{"samr", "320100"}};
    return u;
  }

  Login login_alice() {
    auto login = auth->login("alice", kAlicePassword, kAddr);
    EXPECT_TRUE(login.ok()) << login.error().message;
    return login.ok() ? std::move(login).value() : Login{};
  }

  // Every byte SQLite has written for the database, committed or still in the WAL.
  std::string database_bytes() const {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(db_path_.string() + suffix, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  std::vector<AuditEntry> audit_entries(const std::string& what) const {
    auto page = store->audit(PageRequest{1, 500});
    std::vector<AuditEntry> out;
    std::copy_if(page.items.begin(), page.items.end(), std::back_inserter(out),
                 [&](const AuditEntry& e) { return e.what == what; });
    return out;
  }

  TestClock clock;
  RateLimiter::TimePoint steady_now{hours{100}};
  std::unique_ptr<Store> store;
  std::unique_ptr<RateLimiter> limiter;
  std::unique_ptr<AuthService> auth;

 private:
  std::filesystem::path db_path_;
};

TEST_F(AuthServiceTest, LoginReturnsATokenThatAuthenticates) {
  const Login login = login_alice();
  EXPECT_EQ(login.token.size(), 64u);
  EXPECT_FALSE(login.csrf_token.empty());
  EXPECT_NE(login.token, login.csrf_token);
  EXPECT_EQ(login.user.username, "alice");
  EXPECT_EQ(login.user.display_name, "用户 alice");
  EXPECT_TRUE(login.user.password_hash.empty());  // never handed out
  EXPECT_EQ(login.expires_at, clock.now() + days{7});

  auto ctx = auth->authenticate(login.token);
  ASSERT_TRUE(ctx.has_value());
  EXPECT_EQ(ctx->user.username, "alice");
  EXPECT_EQ(ctx->user.grants, (std::vector<RoleGrant>{{"samr", "320100"}}));
  EXPECT_TRUE(ctx->user.password_hash.empty());
  EXPECT_EQ(ctx->session.csrf_token, login.csrf_token);
  EXPECT_EQ(ctx->session.username, "alice");

  const auto logins = audit_entries("session.login");
  ASSERT_EQ(logins.size(), 1u);
  EXPECT_EQ(logins[0].actor, "alice");
  EXPECT_EQ(logins[0].detail.at("username"), "alice");
  EXPECT_EQ(logins[0].detail.at("addr"), kAddr);
}

TEST_F(AuthServiceTest, UsernameIsCaseInsensitiveAtLogin) {
  auto login = auth->login("Alice", kAlicePassword, kAddr);
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->user.username, "alice");
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownUserGiveTheSameAnswer) {
  auto wrong = auth->login("alice", "not-the-password", kAddr);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(wrong.error().message, "wrong username or password");

  auto unknown = auth->login("mallory", "not-the-password", kAddr);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(unknown.error().message, wrong.error().message);

  auto junk = auth->login("", "", kAddr);
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().message, wrong.error().message);

  const auto failed = audit_entries("session.login_failed");
  ASSERT_EQ(failed.size(), 3u);
  EXPECT_EQ(failed[0].detail.at("addr"), kAddr);
  const bool names_mallory = std::any_of(failed.begin(), failed.end(), [](const AuditEntry& e) {
    return e.detail.at("username") == "mallory";
  });
  EXPECT_TRUE(names_mallory);
  EXPECT_TRUE(audit_entries("session.login").empty());
}

TEST_F(AuthServiceTest, RepeatedFailuresLockTheUsernameOut) {
  for (int i = 0; i < 5; ++i) {
    auto r = auth->login("alice", "guess-number-" + std::to_string(i), kAddr);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::unauthenticated) << i;
  }
  // Even the right password is refused while the block runs, from any address.
  auto blocked = auth->login("alice", kAlicePassword, "198.51.100.1");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, ErrorCode::rate_limited);
  EXPECT_GT(blocked.error().retry_after, 0);
  // Other users are not affected.
  ASSERT_TRUE(auth->create_user(user("bob", "bob-password-1"), "admin").ok());
  EXPECT_TRUE(auth->login("bob", "bob-password-1", "198.51.100.1").ok());

  steady_now += seconds{blocked.error().retry_after};
  EXPECT_TRUE(auth->login("alice", kAlicePassword, "198.51.100.1").ok());
}

TEST_F(AuthServiceTest, RepeatedFailuresFromOneAddressAreLimited) {
  // Spraying many usernames from one address trips the per-address limit (8 free here).
  for (int i = 0; i < 8; ++i) {
    auto r = auth->login("user" + std::to_string(i), "whatever-password", "203.0.113.5");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::unauthenticated) << i;
  }
  auto blocked = auth->login("alice", kAlicePassword, "203.0.113.5");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, ErrorCode::rate_limited);
  EXPECT_GT(blocked.error().retry_after, 0);
  EXPECT_TRUE(auth->login("alice", kAlicePassword, kAddr).ok());  // another address is fine
}

TEST_F(AuthServiceTest, OnlyTheTokenHashIsStored) {
  const Login login = login_alice();
  const std::string hash = token_hash(login.token);
  auto stored = store->session(hash);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->token_hash, hash);
  EXPECT_FALSE(store->session(login.token).has_value());
  // The bytes on disk hold the hash (the check can see the sessions table) but never the
  // bearer token itself.
  const std::string bytes = database_bytes();
  EXPECT_NE(bytes.find(hash), std::string::npos);
  EXPECT_EQ(bytes.find(login.token), std::string::npos);
}

TEST_F(AuthServiceTest, IdleSessionsExpire) {
  const Login login = login_alice();
  clock.advance(hours{8} - seconds{1});
  ASSERT_TRUE(auth->authenticate(login.token).has_value());  // activity: idle time restarts
  clock.advance(hours{8} - seconds{1});
  ASSERT_TRUE(auth->authenticate(login.token).has_value());
  clock.advance(hours{8});
  EXPECT_FALSE(auth->authenticate(login.token).has_value());
  EXPECT_FALSE(store->session(token_hash(login.token)).has_value());  // deleted
}

TEST_F(AuthServiceTest, SessionsEndAfterSevenDaysEvenWhenActive) {
  const Login login = login_alice();
  for (int i = 0; i < 23; ++i) {  // used every 7 hours, never idle for 8: 161 h in all
    clock.advance(hours{7});
    ASSERT_TRUE(auth->authenticate(login.token).has_value()) << i;
  }
  clock.advance(hours{7});  // 168 h = 7 days after login
  EXPECT_FALSE(auth->authenticate(login.token).has_value());
  EXPECT_FALSE(store->session(token_hash(login.token)).has_value());
}

TEST_F(AuthServiceTest, LastSeenIsWrittenAtMostOncePerMinute) {
  const Login login = login_alice();
  const Instant t0 = clock.now();
  const std::string hash = token_hash(login.token);
  clock.advance(seconds{59});
  ASSERT_TRUE(auth->authenticate(login.token).has_value());
  EXPECT_EQ(store->session(hash)->last_seen, t0);
  clock.advance(seconds{1});
  ASSERT_TRUE(auth->authenticate(login.token).has_value());
  EXPECT_EQ(store->session(hash)->last_seen, t0 + seconds{60});
}

TEST_F(AuthServiceTest, LogoutEndsTheSession) {
  const Login login = login_alice();
  const Login other = login_alice();
  auth->logout(login.token);
  EXPECT_FALSE(auth->authenticate(login.token).has_value());
  EXPECT_FALSE(store->session(token_hash(login.token)).has_value());
  EXPECT_TRUE(auth->authenticate(other.token).has_value());  // only that session
  auth->logout("not-a-token");
  auth->logout("");
  EXPECT_FALSE(auth->authenticate("").has_value());
  EXPECT_FALSE(auth->authenticate(std::string(1000, 'a')).has_value());
}

TEST_F(AuthServiceTest, GrantChangesAndRevocationsTakeEffectOnTheNextRequest) {
  const Login login = login_alice();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(auth->authenticate(login.token).has_value());
  User alice = store->user("alice").value();
  alice.grants = {{"drc", "320000"}, {"expert", "320100"}};
  AuditEntry audit;
  audit.at = clock.now();
  audit.actor = "admin";
  audit.what = "user.update";
  audit.detail = JsonObject{{"username", "alice"}};
  ASSERT_TRUE(store->update_user(alice, audit).ok());
  auto ctx = auth->authenticate(login.token);
  ASSERT_TRUE(ctx.has_value());
  EXPECT_EQ(ctx->user.grants, alice.grants);
  store->delete_sessions_of("alice");
  EXPECT_FALSE(auth->authenticate(login.token).has_value());
}

TEST_F(AuthServiceTest, DisabledUsersAreRefused) {
  const Login login = login_alice();
  User alice = store->user("alice").value();
  alice.disabled = true;
  AuditEntry audit;
  audit.at = clock.now();
  audit.actor = "admin";
  audit.what = "user.disable";
  audit.detail = JsonObject{{"username", "alice"}};
  ASSERT_TRUE(store->update_user(alice, audit).ok());

  EXPECT_FALSE(auth->authenticate(login.token).has_value());
  auto refused = auth->login("alice", kAlicePassword, kAddr);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(refused.error().message, "wrong username or password");
}

TEST_F(AuthServiceTest, CreateUserStoresAHashAndAuditsWithoutThePassword) {
  NewUser u = user("zhang.san", "zhang-san-secret");
  u.grants = {{"enterprise", "320102"}};
  u.enterprise = "91110108551385082Q";
  auto created = auth->create_user(u, "admin");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(created->password_hash.empty());
  EXPECT_EQ(created->enterprise, "91110108551385082Q");

  const User stored = store->user("zhang.san").value();
  EXPECT_TRUE(verify_password(stored.password_hash, "zhang-san-secret"));
  EXPECT_EQ(stored.grants, u.grants);
  EXPECT_EQ(stored.enterprise, u.enterprise);

  const auto audits = audit_entries("user.create");
  const auto it = std::find_if(audits.begin(), audits.end(), [](const AuditEntry& e) {
    return e.detail.at("username") == "zhang.san";
  });
  ASSERT_NE(it, audits.end());
  EXPECT_EQ(it->actor, "admin");
  const std::string detail = canonical_json(it->detail);
  EXPECT_EQ(detail.find("zhang-san-secret"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("argon2"), std::string::npos) << detail;
  EXPECT_NE(detail.find("91110108551385082Q"), std::string::npos) << detail;
}

TEST_F(AuthServiceTest, CreateUserRejectsDuplicatesAndInvalidInput) {
  auto dup = auth->create_user(user("alice", "another-password"), "admin");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::already_exists);

  auto bad = auth->create_user(user("x", "another-password"), "admin");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::validation);
  EXPECT_EQ(bad.error().field, "username");

  NewUser company = user("company", "company-password");
  company.grants = {{"enterprise", "320102"}};
  company.enterprise = "91110108717809965C";
  auto uscc = auth->create_user(company, "admin");
  ASSERT_FALSE(uscc.ok());
  EXPECT_EQ(uscc.error().code, ErrorCode::invalid_uscc);
  EXPECT_FALSE(store->user("company").has_value());
}

TEST_F(AuthServiceTest, EnsureAdminCreatesAdminOnce) {
  EXPECT_FALSE(auth->ensure_admin("short").ok());  // the password policy applies
  EXPECT_FALSE(store->user("admin").has_value());

  ASSERT_TRUE(auth->ensure_admin("first-admin-password").ok());
  const User admin = store->user("admin").value();
  EXPECT_EQ(admin.grants, (std::vector<RoleGrant>{{"admin", "000000"}}));
  // A second start with another password changes nothing.
  ASSERT_TRUE(auth->ensure_admin("second-admin-password").ok());
  EXPECT_TRUE(auth->login("admin", "first-admin-password", kAddr).ok());
  EXPECT_FALSE(auth->login("admin", "second-admin-password", kAddr).ok());
}

}  // namespace
}  // namespace qc
