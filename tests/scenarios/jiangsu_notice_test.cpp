// 社会公示 of jiangsu.grade_recognition: objections upheld and dismissed (the window kept),
// and a window that runs across the 2026 National Day holiday week.
#include "jiangsu_fixture.hpp"

namespace qc::test {
namespace {

class JiangsuNotice : public JiangsuScenario {
 protected:
  // The open public notice of a case, or 0.
  int64_t notice_of(int64_t case_id) {
    for (const auto& n : items(*client(), "/api/v1/public/notices"))
      if (n.at("case_id").as_int64() == case_id) return n.at("id").as_int64();
    return 0;
  }

  HttpResult object(int64_t case_id) {
    const int64_t notice = notice_of(case_id);
    EXPECT_NE(notice, 0) << "case " << case_id << " has no open notice";
    return client()->post("/api/v1/public/notices/" + std::to_string(notice) + "/objections",
                          json::object{{"name", "李四"},
                                       {"contact", "13900000000"},
                                       {"content", "该企业2025年发生产品质量投诉"}});
  }

  int64_t a_case_at_notice(const std::string& org) {
    const auto uscc = add_enterprise(org);
    const int64_t id = id_of(open_recognition(org, uscc, "A"));
    a_to_notice(org, id);
    return id;
  }
};

TEST_F(JiangsuNotice, ObjectionsUpheldRefuseAndDismissedKeepTheWindow) {
  const int64_t upheld = a_case_at_notice("MA1JYN001");
  const int64_t dismissed = a_case_at_notice("MA1JYN002");
  const int64_t late = a_case_at_notice("MA1JYN003");
  const std::string due = "2026-03-09T16:00:00Z";
  EXPECT_EQ(str(get_case(upheld).json().at("deadline").at("due_at")), due);

  // Upheld: the application is refused and nothing is granted.
  set_clock("2026-03-04T02:00:00Z");
  auto objection = object(upheld);
  ASSERT_EQ(objection.status, 201) << objection.body;
  EXPECT_FALSE(contains(objection.body, "13900000000"));
  EXPECT_EQ(stage_of(get_case(upheld)), "objection_review");
  EXPECT_EQ(notice_of(upheld), 0) << "the notice leaves the public list while it is reviewed";
  EXPECT_EQ(step("nj-samr", upheld, "uphold").status, 403) << "objections are the province's";
  auto refused = step("js-samr", upheld, "uphold");
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(stage_of(refused), "rejected");

  // Dismissed within the window: back on the public list until the original closing time.
  ASSERT_EQ(object(dismissed).status, 201);
  auto resumed = step("js-samr", dismissed, "dismiss");
  ASSERT_EQ(resumed.status, 200) << resumed.body;
  EXPECT_EQ(stage_of(resumed), "public_notice");
  EXPECT_EQ(str(resumed.json().at("deadline").at("due_at")), due) << "keep = true";
  EXPECT_NE(notice_of(dismissed), 0);

  // Objected to, and dismissed only after the window closed: announced at once, dated by
  // the original closing (the day after the last window day).
  ASSERT_EQ(object(late).status, 201);
  set_clock("2026-03-12T02:00:00Z");
  EXPECT_EQ(stage_of(get_case(dismissed)), "announced");
  EXPECT_EQ(stage_of(get_case(late)), "objection_review") << "no timer runs during the review";
  auto at_once = step("js-samr", late, "dismiss");
  ASSERT_EQ(at_once.status, 200) << at_once.body;
  EXPECT_EQ(stage_of(at_once), "announced");

  for (const char* org : {"MA1JYN002", "MA1JYN003"}) {
    auto grades = public_items("/api/v1/public/grades?family=jiangsu.quality_grade",
                               make_uscc("320102", org));
    ASSERT_EQ(grades.size(), 1u) << org;
    EXPECT_EQ(str(grades[0].at("valid_from")), "2026-03-10");
    EXPECT_EQ(str(grades[0].at("valid_to")), "2031-03-09");
  }
  EXPECT_TRUE(grants_of(make_uscc("320102", "MA1JYN001")).empty());
  auto late_doc =
      as("js-samr").get("/api/v1/cases/" + std::to_string(late) + "/documents/announcement");
  ASSERT_EQ(late_doc.status, 200);
  EXPECT_TRUE(contains(late_doc.body, "2026-03-10至2031-03-09"));
}

TEST_F(JiangsuNotice, WindowSkipsTheNationalDayHolidayWeek) {
  // Tuesday 29 September 2026. Working days after it: 30 Sep; 1–7 Oct are holidays; 8, 9
  // Oct; Saturday 10 Oct is a make-up working day; Sunday 11 Oct is not; Monday 12 Oct.
  set_clock("2026-09-29T02:00:00Z");
  const auto uscc = add_enterprise("MA1JYN004");
  const int64_t id = id_of(open_recognition("MA1JYN004", uscc, "A"));
  a_to_notice("MA1JYN004", id);
  auto c = get_case(id);
  ASSERT_EQ(stage_of(c), "public_notice");
  EXPECT_EQ(str(c.json().at("deadline").at("due_at")), "2026-10-12T16:00:00Z");
  EXPECT_FALSE(c.json().at("deadline").at("provisional").as_bool());
  EXPECT_EQ(str(c.json().at("data").at("notice_last_day")), "2026-10-12");

  set_clock("2026-10-11T02:00:00Z");
  EXPECT_EQ(stage_of(get_case(id)), "public_notice");
  EXPECT_EQ(public_items("/api/v1/public/notices", uscc).size(), 1u);
  set_clock("2026-10-12T15:59:59Z");
  EXPECT_EQ(stage_of(get_case(id)), "public_notice") << "Monday 12 October is the last day";
  set_clock("2026-10-12T16:00:00Z");
  EXPECT_EQ(stage_of(get_case(id)), "announced");
  auto grants = grants_of(uscc);
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(str(grants[0].at("valid_from")), "2026-10-13");
  EXPECT_EQ(str(grants[0].at("valid_to")), "2031-10-12");
}

}  // namespace
}  // namespace qc::test
