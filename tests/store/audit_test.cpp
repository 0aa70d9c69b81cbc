// The audit chain: appended with every change, verified, and tampering is found.
#include <atomic>
#include <thread>

#include "store_fixture.hpp"

namespace qc::test {
namespace {

class AuditStoreTest : public StoreTest {
 protected:
  void append(int n) {
    for (int i = 0; i < n; ++i) {
      AuditEntry e = audit_of("procedures.reload", at_day(0, i));
      e.detail = JsonObject{{"i", i}, {"files", boost::json::array{"a.lua", "b.lua"}}};
      store().append_audit(e);
    }
  }
};
QC_STORE_BACKENDS(AuditStoreTest);

TEST_P(AuditStoreTest, EntriesAreChainedAndVerify) {
  EXPECT_TRUE(store().verify_audit().ok);
  EXPECT_EQ(store().verify_audit().entries, 0);
  append(5);
  auto page = store().audit({1, 50});
  ASSERT_EQ(page.total, 5);
  std::string prev;
  for (int i = 0; i < 5; ++i) {
    const AuditEntry& e = page.items[i];
    EXPECT_EQ(e.seq, i + 1);
    EXPECT_EQ(e.prev_hash, prev);
    EXPECT_EQ(e.hash.size(), 64u);
    EXPECT_EQ(e.detail.at("i").as_int64(), i);
    prev = e.hash;
  }
  auto v = store().verify_audit();
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.entries, 5);
  EXPECT_EQ(store().audit({2, 2}).items.at(0).seq, 3);
}

TEST_P(AuditStoreTest, AnEditedEntryIsNamed) {
  append(5);
  *raw() << "UPDATE audit SET detail = '{\"i\":99}' WHERE seq = 3";
  auto v = store().verify_audit();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken_seq, 3);
  EXPECT_NE(v.reason.find("edited"), std::string::npos) << v.reason;
  EXPECT_EQ(v.entries, 5);
}

TEST_P(AuditStoreTest, ADeletedEntryIsNamed) {
  append(5);
  *raw() << "DELETE FROM audit WHERE seq = 2";
  auto v = store().verify_audit();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken_seq, 2);
  EXPECT_NE(v.reason.find("deleted"), std::string::npos) << v.reason;
}

TEST_P(AuditStoreTest, ARenumberedDeletionBreaksTheLinks) {
  append(4);
  auto s = raw();
  *s << "DELETE FROM audit WHERE seq = 2";
  *s << "UPDATE audit SET seq = seq - 1 WHERE seq > 2";
  auto v = store().verify_audit();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken_seq, 2);
}

TEST_P(AuditStoreTest, ConcurrentAppendsFromTwoServersStayOneChain) {
  auto second = open();
  ASSERT_NE(second, nullptr);
  std::atomic<int> failures{0};
  auto writer = [&failures](Store& s, const std::string& who) {
    for (int i = 0; i < 15; ++i) {
      try {
        s.append_audit(audit_of("user.update." + who, at_day(0, i)));
      } catch (const std::exception&) {
        ++failures;  // e.g. two appends taking the same seq
      }
    }
  };
  std::thread a([&] { writer(store(), "a"); });
  std::thread b([&] { writer(*second, "b"); });
  a.join();
  b.join();
  EXPECT_EQ(failures, 0);
  auto v = store().verify_audit();
  EXPECT_TRUE(v.ok) << v.broken_seq << ": " << v.reason;
  EXPECT_EQ(v.entries, 30);
}

TEST_P(AuditStoreTest, ClockOffsetDefaultsToZeroAndIsAudited) {
  EXPECT_EQ(store().clock_offset(), 0);
  store().set_clock_offset(-3600, audit_of("clock.set"));
  EXPECT_EQ(store().clock_offset(), -3600);
  store().set_clock_offset(86400 * 30, audit_of("clock.set"));
  EXPECT_EQ(store().clock_offset(), 86400 * 30);
  auto page = store().audit({1, 50});
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.items[1].what, "clock.set");
}

TEST_P(AuditStoreTest, ProceduresAreRecordedOncePerVersion) {
  store().record_procedure("jiangsu.grade_recognition", 1, "h1", t0());
  store().record_procedure("jiangsu.grade_recognition", 1, "h2", at_day(1));
  store().record_procedure("jiangsu.grade_recognition", 2, "h3", at_day(1));
  EXPECT_EQ(count("procedures"), 2);
  std::string hash;
  *raw() << "SELECT source_hash FROM procedures WHERE version = 1", soci::into(hash);
  EXPECT_EQ(hash, "h2");
}

}  // namespace
}  // namespace qc::test
