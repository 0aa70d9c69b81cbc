// Cases: opening, chained events, optimistic concurrency on rev, votes, idempotency.
#include <thread>

#include "store_fixture.hpp"

namespace qc::test {
namespace {

const Enterprise kNanjing = enterprise("91320102MA1AAAAA01", "320102", "南京甲公司");
const Enterprise kKunshan = enterprise("91320583MA1AAAAA02", "320583", "昆山乙公司");

class CaseStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store().insert_enterprise(kNanjing, audit_of("enterprise.create")));
    ASSERT_TRUE(store().insert_enterprise(kKunshan, audit_of("enterprise.create")));
  }
  Case open_one(const Enterprise& e = kNanjing) {
    auto c = store().open_case(opening(e));
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : Case{};
  }
};
QC_STORE_BACKENDS(CaseStoreTest);

TEST_P(CaseStoreTest, OpenCaseAssignsIdRevAndFirstEvent) {
  Case c = open_one();
  EXPECT_GT(c.id, 0);
  EXPECT_EQ(c.rev, 1);
  EXPECT_EQ(c.stage, "application");
  EXPECT_EQ(c.enterprise, kNanjing.uscc);
  EXPECT_EQ(c.region, "320102");
  EXPECT_EQ(c.opened_by, "ent1");
  EXPECT_EQ(c.created_at, t0());
  EXPECT_EQ(c.updated_at, t0());
  EXPECT_EQ(c.data.at("requested_grade").as_string(), "AA");
  auto evs = store().events(c.id, {}).items;
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].seq, 1);
  EXPECT_EQ(evs[0].case_id, c.id);
  EXPECT_EQ(evs[0].prev_hash, "");
  EXPECT_EQ(evs[0].hash, expected_event_hash(evs[0]));
  // The audit entry names the new case.
  auto audit = store().audit({1, 50});
  EXPECT_EQ(audit.items.back().detail.at("case_id").as_int64(), c.id);
}

TEST_P(CaseStoreTest, CommitsChainEventsAndCountRev) {
  Case c = open_one();
  auto r = store().commit(step(c, "submit", "county_review", at_day(1)));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->rev, 2);
  EXPECT_EQ(r->stage, "county_review");
  EXPECT_EQ(r->updated_at, at_day(1));

  // A vote and the action it decides: two events, rev + 2.
  Transition t = step(*r, "vote", "county_review", at_day(2));
  CaseEvent decided = t.events[0];
  decided.actor = "system";
  decided.action = "passed";
  decided.to_stage = "city_review";
  decided.at = at_day(2, 1);
  t.events.push_back(decided);
  t.next.stage = "city_review";
  t.next.stage_seq = 4;
  t.next.data["note"] = "已审";
  r = store().commit(t);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->rev, 4);
  EXPECT_EQ(r->stage_seq, 4);
  EXPECT_EQ(r->updated_at, at_day(2, 1));
  EXPECT_EQ(r->data.at("note").as_string(), "已审");
  EXPECT_EQ(store().case_by_id(c.id)->rev, 4);

  auto evs = store().events(c.id, {}).items;
  ASSERT_EQ(evs.size(), 4u);
  std::string prev;
  for (size_t i = 0; i < evs.size(); ++i) {
    EXPECT_EQ(evs[i].seq, static_cast<int64_t>(i + 1));
    EXPECT_EQ(evs[i].prev_hash, prev);
    EXPECT_EQ(evs[i].hash, expected_event_hash(evs[i]));
    prev = evs[i].hash;
  }
  EXPECT_EQ(evs[3].action, "passed");
  EXPECT_EQ(evs[2].payload.at("action").as_string(), "vote");

  // Paged in the database: the second page of two, and a page past the end.
  auto page = store().events(c.id, PageRequest{2, 2});
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].seq, 3);
  EXPECT_EQ(page.items[1].seq, 4);
  EXPECT_TRUE(store().events(c.id, PageRequest{3, 2}).items.empty());
}

TEST_P(CaseStoreTest, StaleRevIsConflictAndWritesNothing) {
  Case c = open_one();
  ASSERT_TRUE(store().commit(step(c, "submit", "county_review", at_day(1))));
  const int64_t events = count("case_events"), audits = count("audit");

  Transition stale = step(c, "submit", "county_review", at_day(2));  // expected_rev 1, now 2
  Grant g;
  g.uscc = kNanjing.uscc;
  g.family = "jiangsu.quality_grade";
  g.grade = "AA";
  stale.writes.new_grants.push_back(g);
  stale.new_timer =
      Timer{0, 0, "county_review", "expire", at_day(9), false, std::nullopt, std::nullopt, 0};
  stale.idempotency = IdempotencyRecord{"ent1", "k1", "h", {}};
  auto r = store().commit(stale);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(count("case_events"), events);
  EXPECT_EQ(count("audit"), audits);
  EXPECT_EQ(count("grants"), 0);
  EXPECT_EQ(count("timers"), 0);
  EXPECT_FALSE(store().idempotent_outcome("ent1", "k1").has_value());
  EXPECT_EQ(store().case_by_id(c.id)->rev, 2);
}

TEST_P(CaseStoreTest, OpeningACaseOfAnUnknownEnterpriseIsNotFound) {
  const int64_t audits = count("audit");
  auto r = store().open_case(opening(enterprise("91320102MA1ZZZZZ99", "320102")));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_EQ(count("cases"), 0);
  EXPECT_EQ(count("audit"), audits);
}

TEST_P(CaseStoreTest, CommitOnAMissingCaseIsNotFound) {
  Case ghost;
  ghost.id = 4242;
  ghost.rev = 1;
  auto r = store().commit(step(ghost, "submit", "x", at_day(1)));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
}

TEST_P(CaseStoreTest, OfTwoConcurrentCommitsOnOneRevExactlyOneWins) {
  Case c = open_one();
  auto second = open();  // a second server on the same database
  ASSERT_NE(second, nullptr);
  for (int round = 0; round < 6; ++round) {
    Transition a = step(c, "a", "stage_a", at_day(round + 1));
    Transition b = step(c, "b", "stage_b", at_day(round + 1));
    Result<Case> ra = err(ErrorCode::internal, "not run");
    Result<Case> rb = err(ErrorCode::internal, "not run");
    std::thread ta([&] { ra = store().commit(a); });
    std::thread tb([&] { rb = second->commit(b); });
    ta.join();
    tb.join();
    ASSERT_NE(ra.ok(), rb.ok()) << "round " << round;
    const Result<Case>& loser = ra ? rb : ra;
    EXPECT_EQ(loser.error().code, ErrorCode::conflict) << loser.error().message;
    c = ra ? *ra : *rb;
    EXPECT_EQ(c.rev, round + 2);
  }
  EXPECT_EQ(store().events(c.id, {}).items.size(), 7u);
  EXPECT_TRUE(store().verify_audit().ok);
}

TEST_P(CaseStoreTest, ASecondVoteIsAlreadyVotedAndWritesNothing) {
  Case c = open_one();
  Transition t = step(c, "vote", "application", at_day(1));
  t.vote = Vote{0, c.stage_seq, "expert1", true};
  auto r = store().commit(t);
  ASSERT_TRUE(r) << r.error().message;
  const int64_t events = count("case_events"), audits = count("audit");

  Transition again = step(*r, "vote", "application", at_day(2));
  again.vote = Vote{0, c.stage_seq, "expert1", false};
  auto dup = store().commit(again);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::already_voted);
  EXPECT_EQ(count("case_events"), events);
  EXPECT_EQ(count("audit"), audits);
  EXPECT_EQ(store().case_by_id(c.id)->rev, r->rev);
  auto votes = store().votes(c.id, c.stage_seq);
  ASSERT_EQ(votes.size(), 1u);
  EXPECT_TRUE(votes[0].pass);
  EXPECT_EQ(votes[0].case_id, c.id);

  // Another round (the stage entered again) takes the same user's vote.
  Transition next_round = step(*r, "vote", "application", at_day(3));
  next_round.vote = Vote{0, 99, "expert1", false};
  ASSERT_TRUE(store().commit(next_round));
  EXPECT_EQ(store().votes(c.id, 99).size(), 1u);
}

TEST_P(CaseStoreTest, StoresTheIdempotentOutcomeWithTheTransition) {
  Transition t = opening(kNanjing);
  Timer deadline{0, 0, "application", "lapse", at_day(10), true, std::nullopt, std::nullopt, 0};
  t.idempotency = IdempotencyRecord{"ent1", "key-1", "req-hash", {true, {}, deadline, false}};
  auto c = store().open_case(t);
  ASSERT_TRUE(c) << c.error().message;
  auto stored = store().idempotent_outcome("ent1", "key-1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->request_hash, "req-hash");
  EXPECT_TRUE(stored->outcome.created);
  // The case as committed: its id assigned, its data and rev as written.
  EXPECT_EQ(stored->outcome.snapshot.id, c->id);
  EXPECT_EQ(stored->outcome.snapshot.rev, c->rev);
  EXPECT_EQ(stored->outcome.snapshot.stage, c->stage);
  EXPECT_EQ(stored->outcome.snapshot.data, c->data);
  EXPECT_EQ(stored->outcome.snapshot.created_at, c->created_at);
  ASSERT_TRUE(stored->outcome.deadline.has_value());
  EXPECT_EQ(stored->outcome.deadline->due_at, at_day(10));
  EXPECT_TRUE(stored->outcome.deadline->provisional);
  EXPECT_FALSE(store().idempotent_outcome("ent2", "key-1").has_value());

  // The same key again (a concurrent twin that lost): conflict, nothing written.
  Transition twin = step(*c, "submit", "county_review", at_day(1));
  twin.idempotency = IdempotencyRecord{"ent1", "key-1", "req-hash", {}};
  auto r = store().commit(twin);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_EQ(store().case_by_id(c->id)->rev, 1);
}

TEST_P(CaseStoreTest, ListsCasesByScopeAndFilters) {
  Case a = open_one(kNanjing);
  Case b = open_one(kKunshan);
  ASSERT_TRUE(store().commit(step(b, "submit", "county_review", at_day(1))));
  CaseQuery q;
  q.scope.all = true;
  EXPECT_EQ(store().cases(q).total, 2);
  q.stage = "county_review";
  auto p = store().cases(q);
  ASSERT_EQ(p.items.size(), 1u);
  EXPECT_EQ(p.items[0].id, b.id);
  q.stage.reset();
  q.region = "3201";
  EXPECT_EQ(store().cases(q).items.at(0).id, a.id);
  q.region.reset();
  q.enterprise = kKunshan.uscc;
  EXPECT_EQ(store().cases(q).items.at(0).id, b.id);
  q.enterprise.reset();
  q.opened_by = "someone else";
  EXPECT_EQ(store().cases(q).total, 0);

  CaseQuery scoped;
  scoped.scope.region_prefixes = {"3205"};
  EXPECT_EQ(store().cases(scoped).items.at(0).id, b.id);
  scoped.scope = {};
  scoped.scope.enterprise = kNanjing.uscc;
  EXPECT_EQ(store().cases(scoped).items.at(0).id, a.id);
  scoped.scope = {};
  EXPECT_EQ(store().cases(scoped).total, 0);
}

}  // namespace
}  // namespace qc::test
