// The classification register, its runs, the batched archive reads and the archive import,
// on every backend.
#include "store_fixture.hpp"

namespace qc::test {
namespace {

class ClassificationStoreTest : public StoreTest {
 protected:
  void add(const std::string& uscc, const std::string& region) {
    ASSERT_TRUE(store().insert_enterprise(enterprise(uscc, region), audit_of("enterprise.create")));
  }
  void record(const std::string& uscc, const std::string& category, const std::string& on) {
    QualityRecord r;
    r.uscc = uscc;
    r.kind = "bad";
    r.category = category;
    r.occurred_on = *parse_date(on);
    r.source = "抽查";
    r.created_at = t0();
    ASSERT_TRUE(store().insert_record(r, audit_of("record.create")));
  }
  static Classification graded(const std::string& uscc, std::optional<std::string> grade,
                               int64_t run = 1) {
    Classification c;
    c.uscc = uscc;
    c.grade = std::move(grade);
    c.as_of = *parse_date("2026-06-15");
    c.reasons = {GradeReason{"c2_check_fail", {3, 4}}};
    c.run_id = run;
    c.graded_at = t0();
    return c;
  }
};
QC_STORE_BACKENDS(ClassificationStoreTest);

TEST_P(ClassificationStoreTest, RunsAreInsertedAndUpdated) {
  ClassificationRun run;
  run.as_of = *parse_date("2026-06-15");
  run.region = "32";
  run.total = 3;
  run.started_by = "js-samr";
  run.started_at = t0();
  auto stored = store().insert_classification_run(run, audit_of("classification.run"));
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_GT(stored->id, 0);
  auto read = store().classification_run(stored->id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, "running");
  EXPECT_FALSE(read->finished_at);
  run = *read;
  run.status = "done";
  run.done = 3;
  run.finished_at = at_day(1);
  store().update_classification_run(run);
  read = store().classification_run(stored->id);
  EXPECT_EQ(read->status, "done");
  EXPECT_EQ(read->done, 3);
  EXPECT_EQ(read->finished_at, at_day(1));
  EXPECT_FALSE(store().classification_run(stored->id + 100));
}

TEST_P(ClassificationStoreTest, ArchiveBatchesPageByUsccWithTheirRecordsOnly) {
  add("91320102MA1AAAAA01", "320102");
  add("91320102MA1AAAAA02", "320102");
  add("91320102MA1AAAAA03", "320102");
  add("91110101MA1AAAAA04", "110101");
  record("91320102MA1AAAAA02", "spot_check_fail", "2026-03-01");
  record("91320102MA1AAAAA02", "violation", "2025-01-01");
  record("91320102MA1AAAAA03", "counterfeit", "2026-01-01");
  record("91110101MA1AAAAA04", "counterfeit", "2026-01-01");
  Scope all;
  all.all = true;
  EXPECT_EQ(store().count_enterprises(all, std::nullopt), 4);
  EXPECT_EQ(store().count_enterprises(all, std::string("32")), 3);

  auto first = store().archive_batch(all, std::string("32"), "", 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].enterprise.uscc, "91320102MA1AAAAA01");
  EXPECT_TRUE(first[0].records.empty());
  ASSERT_EQ(first[1].records.size(), 2u);
  EXPECT_EQ(first[1].records[0].category, "violation");  // by occurred_on
  auto second = store().archive_batch(all, std::string("32"), first.back().enterprise.uscc, 2);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].records.size(), 1u);
  EXPECT_TRUE(store().archive_batch(all, std::string("32"), "91320102MA1AAAAA03", 2).empty());

  Scope beijing;
  beijing.region_prefixes = {"11"};
  auto bj = store().archive_batch(beijing, std::nullopt, "", 10);
  ASSERT_EQ(bj.size(), 1u);
  EXPECT_EQ(bj[0].enterprise.region, "110101");
}

TEST_P(ClassificationStoreTest, ResultsAreReplacedPerEnterpriseAndFiltered) {
  add("91320102MA1AAAAA01", "320102");
  add("91110101MA1AAAAA02", "110101");
  store().save_classifications(
      {graded("91320102MA1AAAAA01", "C"), graded("91110101MA1AAAAA02", std::nullopt)});
  auto c = store().classification("91320102MA1AAAAA01");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->grade, "C");
  ASSERT_EQ(c->reasons.size(), 1u);
  EXPECT_EQ(c->reasons[0].criterion, "c2_check_fail");
  EXPECT_EQ(c->reasons[0].records, (std::vector<int64_t>{3, 4}));
  EXPECT_FALSE(store().classification("91110101MA1AAAAA02")->grade);

  store().save_classifications({graded("91320102MA1AAAAA01", "D", 0)});  // a re-grade
  EXPECT_EQ(store().classification("91320102MA1AAAAA01")->grade, "D");
  EXPECT_EQ(store().classification("91320102MA1AAAAA01")->run_id, 0);

  ClassificationQuery q;
  q.scope.all = true;
  EXPECT_EQ(store().classifications(q).total, 2);
  q.grade = "D";
  EXPECT_EQ(store().classifications(q).total, 1);
  q.grade = "none";
  EXPECT_EQ(store().classifications(q).items.at(0).uscc, "91110101MA1AAAAA02");
  q.grade.reset();
  q.scope = Scope{false, {"32"}, std::nullopt};
  auto scoped = store().classifications(q);
  ASSERT_EQ(scoped.total, 1);
  EXPECT_EQ(scoped.items[0].uscc, "91320102MA1AAAAA01");
}

TEST_P(ClassificationStoreTest, ImportIsAllOrNothingPerCall) {
  Enterprise e = enterprise("91320102MA1AAAAA01", "320102");
  QualityRecord r;
  r.uscc = e.uscc;
  r.kind = "bad";
  r.category = "violation";
  r.occurred_on = *parse_date("2026-01-01");
  r.source = "处罚";
  r.created_at = t0();
  ASSERT_TRUE(store().import_archive({e}, {r}, audit_of("archive.import")));
  EXPECT_EQ(store().records(e.uscc).size(), 1u);
  // The same enterprise again: refused, and its record with it.
  auto again = store().import_archive({e}, {r}, audit_of("archive.import"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::already_exists);
  EXPECT_EQ(store().records(e.uscc).size(), 1u);
  QualityRecord orphan = r;
  orphan.uscc = "91320102MA1AAAAA09";
  auto missing = store().import_archive({}, {orphan}, audit_of("archive.import"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  EXPECT_EQ(count("audit"), 1);
  EXPECT_TRUE(store().verify_audit().ok);
}

}  // namespace
}  // namespace qc::test
