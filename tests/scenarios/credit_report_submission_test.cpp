// 企业质量信用报告: the reminder before the package's due date (30 October, 通知 四（四）)
// and the record of who submitted which package when, through HTTP.
#include "scenarios/credit_report_fixture.hpp"

namespace qc::test {
namespace {

const std::string kSubmissions = "/api/v1/reports/package/submissions";

HttpResult get_case(HttpClient& c, int64_t id) {
  return c.get("/api/v1/cases/" + std::to_string(id));
}

json::object package_of(int64_t year, const std::string& region) {
  return json::object{{"year", year}, {"region", region}};
}

TEST_F(CreditReportScenario, UnpublishedReportIsRemindedFifteenDaysBeforeTheDueDate) {
  auto e = login("ent-nj");
  auto opened = open_report(*e, ent);  // 1 June 2026, drafting
  ASSERT_EQ(opened.status, 201) << opened.body;
  const int64_t id = id_of(opened);
  const json::value body = opened.json();
  const auto& deadline = body.at("deadline");
  EXPECT_EQ(deadline.at("action"), "remind");
  EXPECT_EQ(deadline.at("due_at"), "2026-10-14T16:00:00Z");  // 00:00 on 15 October in Beijing

  // Saving a draft keeps the same reminder day.
  auto saved = act(*e, id, "save", rev_of(opened), {{"sections", full_sections("closing")}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json().at("deadline").at("due_at"), "2026-10-14T16:00:00Z");

  set_clock("2026-10-14T15:59:59Z");
  EXPECT_FALSE(get_case(*e, id).json().at("data").as_object().contains("reminded_on"));
  set_clock("2026-10-14T16:00:00Z");  // due timers fire before the answer
  auto reminded = get_case(*e, id);
  ASSERT_EQ(reminded.status, 200) << reminded.body;
  EXPECT_EQ(stage_of(reminded), "drafting");
  EXPECT_EQ(reminded.json().at("data").at("reminded_on"), "2026-10-15");
  EXPECT_EQ(reminded.json().at("data").at("publish_due"), "2026-10-30");
  EXPECT_FALSE(reminded.json().as_object().contains("deadline")) << reminded.body;
  auto events = e->get("/api/v1/cases/" + std::to_string(id) + "/history");
  ASSERT_EQ(events.status, 200) << events.body;
  int reminders = 0;
  const json::value history = events.json();
  for (const auto& ev : history.at("items").as_array())
    if (ev.at("action") == "remind") {
      ++reminders;
      EXPECT_EQ(ev.at("actor"), "system");
    }
  EXPECT_EQ(reminders, 1) << events.body;

  // Reminded once: submitting and revising do not remind again.
  auto submitted = act(*e, id, "submit", rev_of(reminded), {{"sections", full_sections()}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_FALSE(submitted.json().as_object().contains("deadline")) << submitted.body;
}

TEST_F(CreditReportScenario, ReportOpenedAfterTheReminderDayIsRemindedAtOnceAndNotAfterTheDue) {
  auto e = login("ent-nj");
  set_clock("2026-10-20T02:00:00Z");
  auto late_start = open_report(*e, ent);
  ASSERT_EQ(late_start.status, 201) << late_start.body;
  auto now = get_case(*e, id_of(late_start));
  EXPECT_EQ(now.json().at("data").at("reminded_on"), "2026-10-20") << now.body;

  // After 30 October a 2026 report is not reminded at all; a waiting report neither.
  set_clock("2026-11-02T02:00:00Z");
  auto after_due = open_report(*e, ent, 2025);  // due 30 October 2025: long past
  ASSERT_EQ(after_due.status, 201) << after_due.body;
  EXPECT_FALSE(after_due.json().as_object().contains("deadline")) << after_due.body;
  EXPECT_FALSE(after_due.json().at("data").as_object().contains("reminded_on"));
}

TEST_F(CreditReportScenario, PublishedReportIsNotReminded) {
  auto e = login("ent-nj");
  auto published = publish_report(*e, ent);
  EXPECT_FALSE(published.json().as_object().contains("deadline")) << published.body;
  set_clock("2026-10-16T02:00:00Z");
  EXPECT_FALSE(
      get_case(*e, id_of(published)).json().at("data").as_object().contains("reminded_on"));
}

TEST_F(CreditReportScenario, SubmissionRecordsWhoSentWhichPackageWhenOnBothSidesOfTheDueDate) {
  auto e = login("ent-nj");
  publish_report(*e, ent);
  auto province = login("samr-js");
  set_clock("2026-10-30T15:59:59Z");  // 23:59:59 on 30 October in Beijing
  auto first = province->post(kSubmissions, package_of(2026, "320000"));
  ASSERT_EQ(first.status, 201) << first.body;
  const json::value s = first.json();
  EXPECT_EQ(s.at("submitted_by"), "samr-js");
  EXPECT_EQ(s.at("submitted_as"), "samr");
  EXPECT_EQ(s.at("submitted_at"), "2026-10-30T15:59:59Z");
  EXPECT_EQ(s.at("due_on"), "2026-10-30");
  EXPECT_EQ(s.at("status"), "on_time");
  EXPECT_EQ(s.at("total").as_int64(), 1);
  EXPECT_EQ(s.at("typical").as_int64(), 0);
  EXPECT_EQ(s.at("sha256").as_string().size(), 64u);
  EXPECT_EQ(s.at("manifest").at("reports").at(0).at("uscc").as_string(), ent);
  // The hash is the ZIP's as downloaded at that moment.
  auto zip = province->get("/api/v1/reports/package?year=2026&region=320000");
  ASSERT_EQ(zip.status, 200);

  set_clock("2026-10-30T16:00:00Z");  // 00:00 on 31 October in Beijing
  auto assoc = login("assoc-js");
  auto second = assoc->post(kSubmissions, package_of(2026, "320000"));
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json().at("status"), "late");
  EXPECT_EQ(second.json().at("submitted_as"), "organizer");

  // Both are on record, newest first, for the province; nothing for 2025 or for Beijing.
  auto list = province->get(kSubmissions + "?year=2026");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json().at("total").as_int64(), 2);
  EXPECT_EQ(list.json().at("items").at(0).at("submitted_by"), "assoc-js");
  EXPECT_EQ(list.json().at("items").at(1).at("status"), "on_time");
  EXPECT_FALSE(list.json().at("items").at(0).as_object().contains("manifest"));
  EXPECT_EQ(province->get(kSubmissions + "?year=2025").json().at("total").as_int64(), 0);
  const auto one = kSubmissions + "/" + std::to_string(first.json().at("id").as_int64());
  auto read = province->get(one);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json().at("sha256"), first.json().at("sha256"));
  create_user("samr-bj", "samr", "110000");
  auto bj = login("samr-bj");
  EXPECT_EQ(bj->get(kSubmissions).json().at("total").as_int64(), 0);
  EXPECT_EQ(bj->get(one).status, 404);
  EXPECT_EQ(e->get(kSubmissions).status, 403);

  // The audit trail names the submitter.
  auto audit = admin->get("/api/v1/audit?actor=samr-js");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("reports.package.submit"), std::string::npos) << audit.body;
}

TEST_F(CreditReportScenario, SubmissionRefusalsNameTheField) {
  auto province = login("samr-js");
  auto no_year = province->post(kSubmissions, json::object{{"region", "320000"}});
  ASSERT_EQ(no_year.status, 422) << no_year.body;
  EXPECT_EQ(no_year.json().at("error").at("field"), "year");
  auto bad_region = province->post(kSubmissions, package_of(2026, "32"));
  ASSERT_EQ(bad_region.status, 422) << bad_region.body;
  EXPECT_EQ(bad_region.json().at("error").at("field"), "region");
  EXPECT_EQ(province->post(kSubmissions, package_of(2026, "110000")).status, 403);
  auto bad_filter = province->get(kSubmissions + "?year=abc");
  EXPECT_EQ(bad_filter.status, 422) << bad_filter.body;
}

}  // namespace
}  // namespace qc::test
