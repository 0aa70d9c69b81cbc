// Users with role grants, and sessions (stored by token hash).
#include "store_fixture.hpp"

namespace qc::test {
namespace {

class UserStoreTest : public StoreTest {
 protected:
  User clerk(const std::string& name) {
    User u;
    u.username = name;
    u.display_name = "南京市局 " + name;
    u.password_hash = "$argon2id$v=19$fake";
    u.grants = {{"samr", "320100"}, {"expert", "320000"}, {"samr", "320100"}};
    u.created_at = t0();
    return u;
  }
  Session session_of(const std::string& token_hash, const std::string& user, Instant at) {
    return {token_hash, user, "csrf-" + token_hash, at, at, at + std::chrono::hours{8}};
  }
};
QC_STORE_BACKENDS(UserStoreTest);

TEST_P(UserStoreTest, RoundTripsUsersWithGrantsInOrder) {
  User u = clerk("nj_clerk");
  auto r = store().insert_user(u, audit_of("user.create"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_GT(r->id, 0);
  auto got = store().user("nj_clerk");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, r->id);
  EXPECT_EQ(got->display_name, u.display_name);
  EXPECT_EQ(got->password_hash, u.password_hash);
  EXPECT_EQ(got->grants, u.grants);
  EXPECT_FALSE(got->enterprise.has_value());
  EXPECT_FALSE(got->disabled);
  EXPECT_EQ(got->created_at, t0());
  EXPECT_FALSE(store().user("nobody").has_value());

  User ent = clerk("ent1");
  ent.grants = {{"enterprise", "320102"}};
  ent.enterprise = "91320102MA1AAAAA01";
  ASSERT_TRUE(store().insert_user(ent, audit_of("user.create")));
  EXPECT_EQ(store().user("ent1")->enterprise, "91320102MA1AAAAA01");
}

TEST_P(UserStoreTest, DuplicateUsernameIsAlreadyExists) {
  ASSERT_TRUE(store().insert_user(clerk("a"), audit_of("user.create")));
  auto r = store().insert_user(clerk("a"), audit_of("user.create"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::already_exists);
  EXPECT_EQ(count("users"), 1);
  EXPECT_EQ(count("role_grants"), 3);
  EXPECT_EQ(count("audit"), 1);
}

TEST_P(UserStoreTest, UpdateReplacesFieldsAndGrants) {
  ASSERT_TRUE(store().insert_user(clerk("a"), audit_of("user.create")));
  User u = *store().user("a");
  u.display_name = "改名";
  u.disabled = true;
  u.enterprise = "91320102MA1AAAAA01";
  u.grants = {{"drc", "320000"}};
  ASSERT_TRUE(store().update_user(u, audit_of("user.update")));
  User got = *store().user("a");
  EXPECT_EQ(got.display_name, "改名");
  EXPECT_TRUE(got.disabled);
  EXPECT_EQ(got.enterprise, "91320102MA1AAAAA01");
  EXPECT_EQ(got.grants, (std::vector<RoleGrant>{{"drc", "320000"}}));

  User ghost = clerk("ghost");
  auto r = store().update_user(ghost, audit_of("user.update"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_EQ(count("audit"), 2);
}

TEST_P(UserStoreTest, ListsUsersByPageWithGrants) {
  for (const char* n : {"c", "a", "b"}) ASSERT_TRUE(store().insert_user(clerk(n), audit_of("u")));
  auto p = store().users({1, 2});
  EXPECT_EQ(p.total, 3);
  ASSERT_EQ(p.items.size(), 2u);
  EXPECT_EQ(p.items[0].username, "a");
  EXPECT_EQ(p.items[1].username, "b");
  EXPECT_EQ(p.items[1].grants.size(), 3u);
  p = store().users({2, 2});
  ASSERT_EQ(p.items.size(), 1u);
  EXPECT_EQ(p.items[0].username, "c");
}

TEST_P(UserStoreTest, SessionsAreKeptByTokenHash) {
  ASSERT_TRUE(store().insert_session(session_of("h1", "a", t0())));
  ASSERT_TRUE(store().insert_session(session_of("h2", "a", at_day(1))));
  ASSERT_TRUE(store().insert_session(session_of("h3", "b", t0())));
  auto dup = store().insert_session(session_of("h1", "b", t0()));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::already_exists);

  auto s = store().session("h1");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->username, "a");
  EXPECT_EQ(s->csrf_token, "csrf-h1");
  EXPECT_EQ(s->expires_at, t0() + std::chrono::hours{8});

  store().touch_session("h1", at_day(0, 3));
  EXPECT_EQ(store().session("h1")->last_seen, at_day(0, 3));

  auto of_a = store().sessions_of("a");
  ASSERT_EQ(of_a.size(), 2u);
  EXPECT_EQ(of_a[0].token_hash, "h1");
  EXPECT_EQ(of_a[1].token_hash, "h2");

  store().delete_session("h2");
  EXPECT_FALSE(store().session("h2").has_value());
  store().delete_sessions_of("a");
  EXPECT_TRUE(store().sessions_of("a").empty());
  EXPECT_TRUE(store().session("h3").has_value());
}

TEST_P(UserStoreTest, SessionUserReadsTheSessionItsUserAndGrantsAtOnce) {
  auto alice = store().insert_user(clerk("alice"), audit_of("user.create"));
  ASSERT_TRUE(alice);
  User bare = clerk("bare");
  bare.grants.clear();
  ASSERT_TRUE(store().insert_user(bare, audit_of("user.create")));
  ASSERT_TRUE(store().insert_session(session_of("ha", "alice", t0())));
  ASSERT_TRUE(store().insert_session(session_of("hb", "bare", t0())));
  ASSERT_TRUE(store().insert_session(session_of("hx", "ghost", t0())));

  auto got = store().session_user("ha");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->first.csrf_token, "csrf-ha");
  EXPECT_EQ(got->second.id, alice->id);
  EXPECT_EQ(got->second.grants, clerk("alice").grants) << "all grants, in order";
  auto none = store().session_user("hb");
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->second.grants.empty());
  EXPECT_FALSE(store().session_user("hx").has_value()) << "a session without its user";
  EXPECT_FALSE(store().session_user("nope").has_value());

  // Each read sees the latest writes, however warm the statements are.
  User changed = store().user("alice").value();
  changed.disabled = true;
  changed.grants = {{"drc", "320000"}};
  ASSERT_TRUE(store().update_user(changed, audit_of("user.disable")));
  got = store().session_user("ha");
  ASSERT_TRUE(got.has_value());
  EXPECT_TRUE(got->second.disabled);
  EXPECT_EQ(got->second.grants, changed.grants);
  store().delete_session("ha");
  EXPECT_FALSE(store().session_user("ha").has_value());
}

}  // namespace
}  // namespace qc::test
