// Correcting an archive record (POST /api/v1/enterprises/{uscc}/records/{id}/correction):
// who may, the refusals, the record kept with its correction, and the re-grade it causes.
#include "national_abcd_fixture.hpp"

namespace qc::test {
namespace {

class RecordCorrection : public NationalAbcdScenario {
 protected:
  HttpResult correct(HttpClient& c, const std::string& uscc, int64_t id, json::object body) {
    return c.post("/api/v1/enterprises/" + uscc + "/records/" + std::to_string(id) + "/correction",
                  body);
  }
  HttpResult correct(HttpClient& c, const std::string& uscc, int64_t id) {
    return correct(c, uscc, id, json::object{{"reason", "抽查结论经复检撤销"}});
  }
  json::array records(const std::string& uscc, const std::string& query = "") {
    auto r = admin->get("/api/v1/enterprises/" + uscc + "/records" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("items").as_array();
  }
};

TEST_F(RecordCorrection, ProvincialStaffOfTheJurisdictionCorrectOnce) {
  const int64_t id = records(ent_c).at(0).at("id").as_int64();
  create_user("xw-samr", "samr", "320102");
  create_user("js-drc", "drc", "320000");
  EXPECT_EQ(correct(*client(), ent_c, id).status, 401);
  EXPECT_EQ(correct(*login("bj-samr"), ent_c, id).status, 404);  // outside: not confirmed
  auto county = correct(*login("xw-samr"), ent_c, id);
  EXPECT_EQ(county.status, 403) << county.body;  // a county may add records, not correct them
  EXPECT_EQ(correct(*login("js-drc"), ent_c, id).status, 403);
  EXPECT_EQ(correct(*login("ent-b"), ent_c, id).status, 403);

  auto js = login("js-samr");
  auto no_reason = correct(*js, ent_c, id, json::object{});
  ASSERT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(no_reason.json().at("error").at("field"), "reason");
  auto blank = correct(*js, ent_c, id, json::object{{"reason", "  "}});
  EXPECT_EQ(blank.status, 422) << blank.body;
  EXPECT_EQ(correct(*js, ent_c, id + 1000).status, 404);
  // A record of another enterprise is not a record of this one.
  const int64_t of_d = records(ent_d).at(0).at("id").as_int64();
  EXPECT_EQ(correct(*js, ent_c, of_d).status, 404);

  auto done = correct(*js, ent_c, id);
  ASSERT_EQ(done.status, 200) << done.body;
  const auto corrected = done.json().at("corrected");
  EXPECT_EQ(corrected.at("reason"), "抽查结论经复检撤销");
  EXPECT_EQ(corrected.at("by"), "js-samr");
  // The (simulated) clock's instant: it runs on from the time it was set.
  EXPECT_EQ(std::string(corrected.at("at").as_string()).substr(0, 11), "2026-06-15T");
  EXPECT_FALSE(corrected.as_object().contains("case_id"));
  auto again = correct(*js, ent_c, id);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(error_code(again), "conflict");
  EXPECT_EQ(correct(*admin, ent_c, id).status, 409);

  // Kept in the archive with its correction; ?corrected=0 shows only what counts.
  auto all = records(ent_c);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all.at(0).at("corrected").at("by"), "js-samr");
  EXPECT_TRUE(records(ent_c, "?corrected=0").empty());
  auto audit = admin->get("/api/v1/audit?actor=js-samr");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("record.correct"), std::string::npos) << audit.body;
}

// Two failed spot checks this year make a D (三（四）4); once one of them is corrected the
// enterprise is re-graded at once: C (one failure this year), with no run needed.
TEST_F(RecordCorrection, CorrectingOneOfTwoFailedChecksRegradesDToC) {
  auto js = login("js-samr");
  ASSERT_EQ(add_record(*admin, ent_c, "spot_check_fail", "2026-05-10").status, 201);
  ASSERT_EQ(grade(result_of(*js, ent_c)), "D");
  const int64_t second = records(ent_c).at(1).at("id").as_int64();
  ASSERT_EQ(correct(*js, ent_c, second).status, 200);
  EXPECT_EQ(grade(result_of(*js, ent_c)), "C");
  // A full run agrees: the corrected record is left out of the batched reads too.
  ASSERT_EQ(run_to_end(*js).at("status"), "done");
  EXPECT_EQ(grade(result_of(*js, ent_c)), "C");
  const auto reasons = result_of(*js, ent_c).at("reasons").as_array();
  for (const auto& r : reasons)
    for (const auto& rid : r.at("records").as_array()) EXPECT_NE(rid.as_int64(), second);
}

}  // namespace
}  // namespace qc::test
