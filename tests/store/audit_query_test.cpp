// The audit trail filtered by actor, case and time (GET /api/v1/audit), newest first.
#include "store_fixture.hpp"

namespace qc::test {
namespace {

class AuditQueryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // Day 0 alice on case 7, day 1 bob on case 8, day 2 alice without a case, day 3 alice
    // on case 8.
    add("alice", 7, 0);
    add("bob", 8, 1);
    add("alice", std::nullopt, 2);
    add("alice", 8, 3);
  }

  void add(const std::string& actor, std::optional<int64_t> case_id, int day) {
    AuditEntry e = audit_of("case.transition", at_day(day));
    e.actor = actor;
    JsonObject detail{{"day", day}};
    if (case_id) detail["case_id"] = *case_id;
    e.detail = std::move(detail);
    store().append_audit(std::move(e));
  }

  static std::vector<int64_t> days(const Page<AuditEntry>& p) {
    std::vector<int64_t> out;
    for (const auto& e : p.items) out.push_back(e.detail.at("day").as_int64());
    return out;
  }
};
QC_STORE_BACKENDS(AuditQueryTest);

TEST_P(AuditQueryTest, WithoutFiltersEverythingNewestFirst) {
  auto p = store().audit_entries({});
  EXPECT_EQ(p.total, 4);
  EXPECT_EQ(days(p), (std::vector<int64_t>{3, 2, 1, 0}));
}

TEST_P(AuditQueryTest, FiltersCombine) {
  AuditQuery q;
  q.actor = "alice";
  EXPECT_EQ(days(store().audit_entries(q)), (std::vector<int64_t>{3, 2, 0}));
  q.case_id = 8;
  EXPECT_EQ(days(store().audit_entries(q)), (std::vector<int64_t>{3}));
  AuditQuery by_case;
  by_case.case_id = 8;
  EXPECT_EQ(days(store().audit_entries(by_case)), (std::vector<int64_t>{3, 1}));
  AuditQuery window;
  window.from = at_day(1);
  window.to = at_day(2);
  EXPECT_EQ(days(store().audit_entries(window)), (std::vector<int64_t>{2, 1}));
}

TEST_P(AuditQueryTest, PagesAndCountsTheFilteredEntries) {
  AuditQuery q;
  q.actor = "alice";
  q.page = {2, 2};
  auto p = store().audit_entries(q);
  EXPECT_EQ(p.total, 3);
  EXPECT_EQ(days(p), (std::vector<int64_t>{0}));
}

TEST_P(AuditQueryTest, SqlMetacharactersInTheActorAreJustText) {
  AuditQuery q;
  q.actor = "alice' OR '1'='1";
  EXPECT_EQ(store().audit_entries(q).total, 0);
  EXPECT_EQ(store().audit_entries({}).total, 4);
  EXPECT_TRUE(store().verify_audit().ok);
}

}  // namespace
}  // namespace qc::test
