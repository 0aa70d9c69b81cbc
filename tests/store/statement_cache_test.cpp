// The per-connection statement cache behind the store's query helpers: a statement run
// again with new values gives that run's results (NULLs included), a failed one is dropped
// and prepared afresh, a read stopped early does not pin the connection's snapshot, and
// cached statements keep working across schema changes. On both backends.
#include "store/statement_cache.hpp"

#include "store/backends.hpp"
#include "store/sql.hpp"
#include "store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace qc::test {
namespace {

using store::Connection;
using store::exec;
using store::fetch_all;
using store::fetch_int;
using store::fetch_one;
using store::Sql;
using store::TextRow;

class StatementCacheTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    conn = raw();
    exec(*conn, Sql("CREATE TABLE cache_t (id BIGINT PRIMARY KEY, v TEXT)").once());
  }
  void TearDown() override {
    conn.reset();
    StoreTest::TearDown();
  }
  void insert(int64_t id, std::optional<std::string> v) {
    exec(*conn, Sql("INSERT INTO cache_t (id, v) VALUES (?, ?)", {id, store::nullable(v)}));
  }
  std::optional<std::string> value_of(int64_t id) {
    auto row = fetch_one<TextRow>(*conn, Sql("SELECT v FROM cache_t WHERE id = ?", {id}));
    return row ? *row : std::nullopt;
  }
  std::unique_ptr<Connection> conn;
};
QC_STORE_BACKENDS(StatementCacheTest);

TEST_P(StatementCacheTest, ARunWithNewValuesGivesItsOwnResults) {
  insert(1, "一");
  insert(2, std::nullopt);  // NULL in the slot that held text
  insert(3, "三");
  const size_t cached = conn->statements().size();
  const uint64_t hits = conn->statements().hits();
  EXPECT_EQ(value_of(1), "一");
  EXPECT_EQ(value_of(2), std::nullopt);
  EXPECT_EQ(value_of(3), "三");
  EXPECT_EQ(value_of(4), std::nullopt);
  EXPECT_EQ(conn->statements().size(), cached + 1) << "one statement for the four reads";
  EXPECT_GE(conn->statements().hits(), hits + 3);
  auto all = fetch_all<TextRow>(
      *conn, Sql("SELECT v FROM cache_t WHERE id >= ? ORDER BY id", {int64_t{2}}));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], std::nullopt);
  EXPECT_EQ(all[1], "三");
}

TEST_P(StatementCacheTest, AFailedStatementIsDroppedAndPreparedAfresh) {
  insert(1, "a");
  EXPECT_THROW(insert(1, "again"), soci::soci_error);
  insert(2, "b");
  EXPECT_EQ(value_of(1), "a");
  EXPECT_EQ(value_of(2), "b");
  EXPECT_EQ(fetch_int(*conn, Sql("SELECT COUNT(*) FROM cache_t")), 2);
}

TEST_P(StatementCacheTest, AReadStoppedEarlyDoesNotHideLaterCommits) {
  insert(1, "a");
  insert(2, "b");
  // fetch_one stops after the first of two rows: the statement must not keep the
  // connection's read snapshot (SQLite) for the next statement.
  auto first = fetch_one<TextRow>(*conn, Sql("SELECT v FROM cache_t ORDER BY id"));
  ASSERT_TRUE(first.has_value());
  auto other = raw();
  exec(*other, Sql("INSERT INTO cache_t (id, v) VALUES (?, ?)", {int64_t{3}, std::string("c")}));
  EXPECT_EQ(value_of(3), "c");
  EXPECT_EQ(fetch_int(*conn, Sql("SELECT COUNT(*) FROM cache_t")), 3);
}

TEST_P(StatementCacheTest, CachedStatementsSurviveSchemaChanges) {
  insert(1, "a");
  EXPECT_EQ(value_of(1), "a");
  // A migration adds a column; another connection drops and recreates the table.
  exec(*conn, Sql("ALTER TABLE cache_t ADD COLUMN extra TEXT").once());
  EXPECT_EQ(value_of(1), "a");
  insert(2, "b");
  auto other = raw();
  exec(*other, Sql("DROP TABLE cache_t").once());
  exec(*other, Sql("CREATE TABLE cache_t (id BIGINT PRIMARY KEY, v TEXT, w TEXT)").once());
  exec(*other, Sql("INSERT INTO cache_t (id, v) VALUES (?, ?)", {int64_t{7}, std::string("z")}));
  EXPECT_EQ(value_of(1), std::nullopt);
  EXPECT_EQ(value_of(7), "z");
  insert(8, "y");
  EXPECT_EQ(value_of(8), "y");
}

TEST_P(StatementCacheTest, TheStoreAnswersTheSameWithWarmStatements) {
  // The store's own reads, run twice on warm pooled connections, agree with the first run.
  Enterprise e = enterprise("91320102MA1AAAAA01", "320100");
  ASSERT_TRUE(store().insert_enterprise(e, audit_of("enterprise.create")));
  for (int i = 0; i < 3; ++i) {
    auto got = store().enterprise(e.uscc);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->name, e.name);
    EXPECT_FALSE(store().enterprise("91320102MA1AAAAA02").has_value());
  }
}

TEST(StatementCacheLru, DropsTheLeastRecentlyUsedWhenFull) {
  TempDir dir;
  auto conn = store::open_sqlite((dir.path() / "lru.db").string());
  store::StatementCache cache(2);
  auto entry = [&] { return std::make_unique<store::CachedStatement>(*conn); };
  cache.insert("a", entry());
  cache.insert("b", entry());
  EXPECT_NE(cache.find("a"), nullptr);  // a is now the most recently used
  cache.insert("c", entry());
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_NE(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("c"), nullptr);
  cache.erase("a");
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.size(), 1u);
}

}  // namespace
}  // namespace qc::test
