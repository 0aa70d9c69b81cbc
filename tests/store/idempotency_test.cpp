// Idempotency-Key outcomes round-trip as data; a row written before schema version 9 (the
// rendered answer itself) reads back into the same shape, so a retry across an upgrade is
// still answered as it first was.
#include "store/idempotency.hpp"

#include <gtest/gtest.h>

namespace qc::store {
namespace {

TEST(IdempotencyOutcome, RoundTripsTheCaseItsDeadlineAndTheVote) {
  CaseOutcomeRecord r;
  r.created = true;
  r.voted = true;
  r.snapshot.id = 7;
  r.snapshot.procedure = "jiangsu.grade_recognition";
  r.snapshot.version = 2;
  r.snapshot.enterprise = "91320102MA1NAB8K2X";
  r.snapshot.region = "320102";
  r.snapshot.stage = "county_review";
  r.snapshot.status = "active";
  r.snapshot.data = {{"requested_grade", "A"}};
  r.snapshot.rev = 3;
  r.snapshot.stage_seq = 3;
  r.snapshot.opened_by = "ent-1";
  r.snapshot.created_at = *parse_instant("2026-03-01T02:00:00Z");
  r.snapshot.updated_at = *parse_instant("2026-03-02T02:00:00Z");
  r.deadline = Timer{5,
                     7,
                     "county_review",
                     "review_overdue",
                     *parse_instant("2026-03-16T16:00:00Z"),
                     true,
                     std::nullopt,
                     std::nullopt,
                     0};
  const auto back = outcome_from(outcome_text(r), 0, "");
  EXPECT_TRUE(back.created);
  EXPECT_TRUE(back.voted);
  EXPECT_EQ(back.snapshot.id, 7);
  EXPECT_EQ(back.snapshot.version, 2);
  EXPECT_EQ(back.snapshot.data, r.snapshot.data);
  EXPECT_EQ(back.snapshot.opened_by, "ent-1");
  EXPECT_EQ(back.snapshot.updated_at, r.snapshot.updated_at);
  ASSERT_TRUE(back.deadline);
  EXPECT_EQ(back.deadline->fire_action, "review_overdue");
  EXPECT_EQ(back.deadline->due_at, r.deadline->due_at);
  EXPECT_TRUE(back.deadline->provisional);
}

TEST(IdempotencyOutcome, ALegacyRenderedAnswerReadsBackAsItsCase) {
  const std::string body =
      R"({"id":9,"procedure":"national.credit_report","version":1,"enterprise":"U","region":"320102",)"
      R"("stage":"drafting","stage_title":"编制报告","status":"active","data":{"year":2026},"rev":1,)"
      R"("available_actions":[],"created_at":"2026-03-01T02:00:00Z","updated_at":"2026-03-01T02:00:00Z",)"
      R"("deadline":{"action":"remind","due_at":"2026-10-14T16:00:00Z","provisional":false}})";
  const auto back = outcome_from("", 201, body);
  EXPECT_TRUE(back.created) << "status 201: the request opened the case";
  EXPECT_EQ(back.snapshot.id, 9);
  EXPECT_EQ(back.snapshot.stage, "drafting");
  EXPECT_EQ(back.snapshot.data.at("year").as_int64(), 2026);
  EXPECT_EQ(back.snapshot.created_at, *parse_instant("2026-03-01T02:00:00Z"));
  ASSERT_TRUE(back.deadline);
  EXPECT_EQ(back.deadline->fire_action, "remind");
  EXPECT_FALSE(outcome_from("", 200, body).created);
}

TEST(IdempotencyOutcome, AnUnreadableRowGivesAnEmptyOutcomeRatherThanFailing) {
  EXPECT_EQ(outcome_from("{not json", 0, "").snapshot.id, 0);
}

}  // namespace
}  // namespace qc::store
