// Yearly report packages as submitted: every column kept, each submission audited, listed
// newest first by jurisdiction, year and region prefix.
#include "store_fixture.hpp"

namespace qc::test {
namespace {

class ReportSubmissionStoreTest : public StoreTest {
 protected:
  static ReportSubmission submission(const std::string& region, int64_t year, Instant at) {
    ReportSubmission s;
    s.procedure = "national.credit_report";
    s.year = year;
    s.region = region;
    s.submitted_by = "samr-" + region;
    s.submitted_as = "samr";
    s.submitted_at = at;
    s.due_on = std::to_string(year) + "-10-30";
    s.status = "on_time";
    s.total = 12;
    s.typical = 3;
    s.sha256 = std::string(64, 'a');
    s.manifest = R"({"total":12,"typical":3})";
    return s;
  }
};
QC_STORE_BACKENDS(ReportSubmissionStoreTest);

TEST_P(ReportSubmissionStoreTest, KeepsEveryColumnAndAuditsEachSubmission) {
  auto a = store().insert_report_submission(submission("320000", 2026, at_day(1)),
                                            audit_of("reports.package.submit"));
  ASSERT_TRUE(a) << a.error().message;
  auto back = store().report_submission(a->id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->procedure, "national.credit_report");
  EXPECT_EQ(back->year, 2026);
  EXPECT_EQ(back->region, "320000");
  EXPECT_EQ(back->submitted_by, "samr-320000");
  EXPECT_EQ(back->submitted_as, "samr");
  EXPECT_EQ(back->submitted_at, at_day(1));
  EXPECT_EQ(back->due_on, "2026-10-30");
  EXPECT_EQ(back->status, "on_time");
  EXPECT_EQ(back->total, 12);
  EXPECT_EQ(back->typical, 3);
  EXPECT_EQ(back->sha256, std::string(64, 'a'));
  EXPECT_EQ(back->manifest, R"({"total":12,"typical":3})");
  EXPECT_FALSE(store().report_submission(a->id + 100).has_value());
  auto audit = store().audit(PageRequest{});
  ASSERT_EQ(audit.items.size(), 1u);
  EXPECT_EQ(audit.items[0].detail.at("submission_id").as_int64(), a->id);
  EXPECT_TRUE(store().verify_audit().ok);
}

TEST_P(ReportSubmissionStoreTest, ListsNewestFirstWithinTheScope) {
  for (auto [region, year, day] : {std::tuple{"320000", 2026, 1},
                                   {"110000", 2026, 2},
                                   {"320000", 2026, 3},
                                   {"320000", 2025, 4}})
    ASSERT_TRUE(store().insert_report_submission(submission(region, year, at_day(day)),
                                                 audit_of("reports.package.submit")));
  ReportSubmissionQuery q;
  q.scope.region_prefixes = {"32"};
  auto js = store().report_submissions(q);
  ASSERT_EQ(js.total, 3);
  EXPECT_EQ(js.items[0].submitted_at, at_day(4));
  EXPECT_EQ(js.items[2].submitted_at, at_day(1));
  q.year = 2026;
  EXPECT_EQ(store().report_submissions(q).total, 2);
  q.scope = Scope{true, {}, {}};
  EXPECT_EQ(store().report_submissions(q).total, 3);
  q.region = "11";
  EXPECT_EQ(store().report_submissions(q).total, 1);
  q.scope = Scope{};  // an empty scope sees nothing
  EXPECT_EQ(store().report_submissions(q).total, 0);
}

}  // namespace
}  // namespace qc::test
