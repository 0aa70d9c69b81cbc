// Enterprises: insert, duplicates, scope, paging and search; the quality-record archive.
#include "store_fixture.hpp"

namespace qc::test {
namespace {

class EnterpriseStoreTest : public StoreTest {
 protected:
  void add(const std::string& uscc, const std::string& region, const std::string& name) {
    ASSERT_TRUE(
        store().insert_enterprise(enterprise(uscc, region, name), audit_of("enterprise.create")));
  }
  std::vector<std::string> usccs(const Page<Enterprise>& p) {
    std::vector<std::string> out;
    for (const auto& e : p.items) out.push_back(e.uscc);
    return out;
  }
  EnterpriseQuery all() {
    EnterpriseQuery q;
    q.scope.all = true;
    return q;
  }
};
QC_STORE_BACKENDS(EnterpriseStoreTest);

TEST_P(EnterpriseStoreTest, InsertsAndReadsBack) {
  Enterprise e = enterprise("91320102MA1AAAAA01", "320102", "南京甲公司");
  e.status = "active";
  ASSERT_TRUE(store().insert_enterprise(e, audit_of("enterprise.create")));
  auto got = store().enterprise(e.uscc);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->name, "南京甲公司");
  EXPECT_EQ(got->region, "320102");
  EXPECT_EQ(got->established_on, e.established_on);
  EXPECT_EQ(got->status, "active");
  EXPECT_FALSE(store().enterprise("91320102MA1AAAAA99").has_value());
  EXPECT_EQ(count("audit"), 1);
}

TEST_P(EnterpriseStoreTest, DuplicateIsAlreadyExistsAndWritesNothing) {
  add("91320102MA1AAAAA01", "320102", "甲");
  auto r = store().insert_enterprise(enterprise("91320102MA1AAAAA01", "110101", "乙"),
                                     audit_of("enterprise.create"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::already_exists);
  EXPECT_EQ(store().enterprise("91320102MA1AAAAA01")->name, "甲");
  EXPECT_EQ(count("audit"), 1);  // the refused insert left no audit entry
  EXPECT_TRUE(store().verify_audit().ok);
}

TEST_P(EnterpriseStoreTest, ScopeLimitsWhatIsListed) {
  add("91320102MA1AAAAA01", "320102", "南京");
  add("91320583MA1AAAAA02", "320583", "昆山");
  add("91110101MA1AAAAA03", "110101", "北京");
  EXPECT_EQ(store().enterprises(all()).total, 3);

  EnterpriseQuery q;
  q.scope.region_prefixes = {"3201"};
  EXPECT_EQ(usccs(store().enterprises(q)), std::vector<std::string>{"91320102MA1AAAAA01"});
  q.scope.region_prefixes = {"32"};
  EXPECT_EQ(store().enterprises(q).total, 2);
  q.scope.region_prefixes = {"3201", "11"};
  EXPECT_EQ(store().enterprises(q).total, 2);

  EnterpriseQuery own;
  own.scope.enterprise = "91320583MA1AAAAA02";
  EXPECT_EQ(usccs(store().enterprises(own)), std::vector<std::string>{"91320583MA1AAAAA02"});

  EnterpriseQuery nothing;  // not all, no prefixes, no enterprise
  auto none = store().enterprises(nothing);
  EXPECT_EQ(none.total, 0);
  EXPECT_TRUE(none.items.empty());

  EnterpriseQuery within = all();
  within.region = "3205";
  EXPECT_EQ(usccs(store().enterprises(within)), std::vector<std::string>{"91320583MA1AAAAA02"});
}

TEST_P(EnterpriseStoreTest, PagesWithTotal) {
  for (int i = 1; i <= 7; ++i) add("91320102MA1AAAAA0" + std::to_string(i), "320102", "企业");
  EnterpriseQuery q = all();
  q.page = {3, 3};
  auto p = store().enterprises(q);
  EXPECT_EQ(p.total, 7);
  EXPECT_EQ(usccs(p), std::vector<std::string>{"91320102MA1AAAAA07"});
  q.page = {0, 0};  // clamped to page 1 of 1
  p = store().enterprises(q);
  EXPECT_EQ(p.total, 7);
  EXPECT_EQ(usccs(p), std::vector<std::string>{"91320102MA1AAAAA01"});
  q.page = {1, 100000};  // clamped to 500
  EXPECT_EQ(store().enterprises(q).items.size(), 7u);
}

TEST_P(EnterpriseStoreTest, SearchesNameOrUsccAndEscapesWildcards) {
  add("91320102MA1AAAAA01", "320102", "南京钢铁厂");
  add("91320583MA1BBBBB02", "320583", "昆山电子");
  EnterpriseQuery q = all();
  q.q = "钢铁";
  EXPECT_EQ(usccs(store().enterprises(q)), std::vector<std::string>{"91320102MA1AAAAA01"});
  q.q = "BBBBB";
  EXPECT_EQ(usccs(store().enterprises(q)), std::vector<std::string>{"91320583MA1BBBBB02"});
  q.q = "%";  // a literal percent sign, not a wildcard
  EXPECT_EQ(store().enterprises(q).total, 0);
  q.q = "_";
  EXPECT_EQ(store().enterprises(q).total, 0);
}

TEST_P(EnterpriseStoreTest, RecordsRoundTripInDateOrder) {
  add("91320102MA1AAAAA01", "320102", "甲");
  QualityRecord bad;
  bad.uscc = "91320102MA1AAAAA01";
  bad.kind = "bad";
  bad.category = "spot_check_fail";
  bad.occurred_on = std::chrono::year{2025} / 6 / 1;
  bad.source = "抽查";
  bad.detail = "不合格";
  bad.created_at = t0();
  QualityRecord good = bad;
  good.kind = "good";
  good.category = "award";
  good.occurred_on = std::chrono::year{2024} / 1 / 9;
  auto r1 = store().insert_record(bad, audit_of("record.create"));
  auto r2 = store().insert_record(good, audit_of("record.create"));
  ASSERT_TRUE(r1) << r1.error().message;
  ASSERT_TRUE(r2);
  EXPECT_GT(r1->id, 0);
  EXPECT_NE(r1->id, r2->id);
  auto list = store().records("91320102MA1AAAAA01");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].category, "award");
  EXPECT_EQ(list[1].category, "spot_check_fail");
  EXPECT_EQ(list[1].detail, "不合格");
  EXPECT_EQ(list[1].occurred_on, bad.occurred_on);
  EXPECT_EQ(list[1].created_at, t0());
  EXPECT_TRUE(store().records("91320102MA1AAAAA99").empty());

  bad.uscc = "91320102MA1AAAAA99";
  auto missing = store().insert_record(bad, audit_of("record.create"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  EXPECT_EQ(count("audit"), 3);
}

// A corrected record stays in the archive with its correction but no longer counts: not
// in records() (q.records, re-grades) nor in the classification pass's batches.
TEST_P(EnterpriseStoreTest, ACorrectedRecordIsKeptButNoLongerCounts) {
  add("91320102MA1AAAAA01", "320102", "甲");
  add("91320102MA1AAAAA02", "320102", "乙");
  QualityRecord r;
  r.uscc = "91320102MA1AAAAA01";
  r.kind = "bad";
  r.category = "spot_check_fail";
  r.occurred_on = std::chrono::year{2026} / 3 / 1;
  r.source = "抽查";
  r.created_at = t0();
  auto first = store().insert_record(r, audit_of("record.create"));
  r.occurred_on = std::chrono::year{2026} / 5 / 1;
  auto second = store().insert_record(r, audit_of("record.create"));
  ASSERT_TRUE(first && second);

  RecordCorrection c{"抽查结论已撤销", "js-samr", t0() + std::chrono::hours(1), std::nullopt};
  auto corrected = store().correct_record(r.uscc, first->id, c, audit_of("record.correct"));
  ASSERT_TRUE(corrected) << corrected.error().message;
  ASSERT_TRUE(corrected->correction.has_value());
  EXPECT_EQ(corrected->correction->reason, "抽查结论已撤销");
  EXPECT_EQ(corrected->correction->by, "js-samr");
  EXPECT_EQ(corrected->correction->at, c.at);
  EXPECT_FALSE(corrected->correction->case_id.has_value());

  auto live = store().records(r.uscc);
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].id, second->id);
  auto archive = store().archive_records(r.uscc);
  ASSERT_EQ(archive.size(), 2u);
  EXPECT_TRUE(archive[0].correction.has_value());
  EXPECT_FALSE(archive[1].correction.has_value());
  Scope all;
  all.all = true;
  auto batch = store().archive_batch(all, std::nullopt, "", 10);
  ASSERT_EQ(batch.size(), 2u);
  ASSERT_EQ(batch[0].records.size(), 1u);
  EXPECT_EQ(batch[0].records[0].id, second->id);

  // Once only; an unknown id, or a record of another enterprise, is not found.
  auto again = store().correct_record(r.uscc, first->id, c, audit_of("record.correct"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  auto unknown = store().correct_record(r.uscc, second->id + 100, c, audit_of("record.correct"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  auto other =
      store().correct_record("91320102MA1AAAAA02", second->id, c, audit_of("record.correct"));
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::not_found);
  EXPECT_EQ(store().records(r.uscc).size(), 1u);
  EXPECT_EQ(count("audit"), 5);  // two enterprises, two records, one correction
  EXPECT_TRUE(store().verify_audit().ok);
}

}  // namespace
}  // namespace qc::test
