// SQLite group commit: concurrent writers share batches, every acknowledged write is
// committed, a failing member leaves the rest of its batch intact, and a lone writer
// commits at once.
#include "store/group_commit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store/backends.hpp"
#include "store/sql.hpp"
#include "support/temp_dir.hpp"

namespace qc::store {
namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_sqlite(path());
    *s << "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL CHECK (v >= 0))";
    group = std::make_unique<GroupCommit>(open_sqlite(path()));
  }
  std::string path() const { return (dir.path() / "g.db").string(); }
  int64_t rows() {
    auto s = open_sqlite(path());
    return fetch_int(*s, Sql("SELECT COUNT(*) FROM t")).value_or(-1);
  }
  // One member inserting `v`; true when commit() returned (the row is acknowledged).
  bool write(int64_t v) {
    const uint64_t batch = group->enter();
    try {
      exec(group->sql(), Sql("INSERT INTO t (v) VALUES (?)", {v}));
    } catch (const soci::soci_error&) {
      group->leave(batch, false);
      return false;
    }
    group->leave(batch, true);
    return true;
  }

  qc::test::TempDir dir;
  std::unique_ptr<GroupCommit> group;
};

TEST_F(GroupCommitTest, ALoneWriterCommitsAtOnce) {
  ASSERT_TRUE(write(1));
  EXPECT_EQ(rows(), 1) << "visible to another connection as soon as commit() returned";
  EXPECT_EQ(group->batches_committed(), 1u);
}

TEST_F(GroupCommitTest, ConcurrentWritersShareBatchesAndAllCommit) {
  constexpr int kThreads = 16;
  constexpr int kEach = 50;
  std::atomic<int> acknowledged{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&] {
      for (int j = 0; j < kEach; ++j)
        if (write(j)) ++acknowledged;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(acknowledged.load(), kThreads * kEach);
  EXPECT_EQ(rows(), kThreads * kEach);
  EXPECT_EQ(group->members_committed(), static_cast<uint64_t>(kThreads * kEach));
  EXPECT_LE(group->batches_committed(), group->members_committed());
}

TEST_F(GroupCommitTest, AFailingMemberLeavesTheOthersOfItsBatch) {
  std::vector<std::thread> threads;
  std::atomic<int> refused{0};
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      for (int j = 0; j < 20; ++j)
        if (!write((i + j) % 4 == 0 ? -1 : j)) ++refused;  // -1 breaks the CHECK
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(refused.load(), 40);
  EXPECT_EQ(rows(), 8 * 20 - 40);
}

TEST_F(GroupCommitTest, RolledBackMemberWritesNothing) {
  const uint64_t batch = group->enter();
  exec(group->sql(), Sql("INSERT INTO t (v) VALUES (?)", {int64_t{5}}));
  group->leave(batch, false);
  EXPECT_EQ(rows(), 0);
  ASSERT_TRUE(write(6));
  EXPECT_EQ(rows(), 1);
}

}  // namespace
}  // namespace qc::store
