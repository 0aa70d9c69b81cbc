// Public complaints: stored with their contact, listed by jurisdiction, status and time,
// and triaged once (of two staff handling one at the same time, one wins).
#include "store_fixture.hpp"

namespace qc::test {
namespace {

class ComplaintStoreTest : public StoreTest {
 protected:
  static Complaint complaint(const std::string& uscc, const std::string& region, Instant at) {
    Complaint c;
    c.uscc = uscc;
    c.region = region;
    c.content = "产品质量与承诺不符";
    c.contact = "13800000000";
    c.received_at = at;
    return c;
  }
};
QC_STORE_BACKENDS(ComplaintStoreTest);

TEST_P(ComplaintStoreTest, InsertAssignsIdsAndKeepsEveryColumn) {
  auto a = store().insert_complaint(complaint("91320102MA1AAAAA01", "320102", at_day(1)),
                                    audit_of("complaint.receive"));
  ASSERT_TRUE(a) << a.error().message;
  auto b = store().insert_complaint(complaint("91110101MA1AAAAA03", "110101", at_day(2)),
                                    audit_of("complaint.receive"));
  ASSERT_TRUE(b);
  EXPECT_GT(b->id, a->id);
  auto back = store().complaint(a->id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->uscc, "91320102MA1AAAAA01");
  EXPECT_EQ(back->region, "320102");
  EXPECT_EQ(back->contact, "13800000000");
  EXPECT_EQ(back->status, "open");
  EXPECT_FALSE(back->case_id.has_value());
  EXPECT_FALSE(back->handled_at.has_value());
  EXPECT_EQ(back->received_at, at_day(1));
  EXPECT_FALSE(store().complaint(b->id + 100).has_value());
  EXPECT_EQ(store().verify_audit().entries, 2);
}

TEST_P(ComplaintStoreTest, ListsByScopeStatusAndReceivedTime) {
  for (auto [uscc, region, day] : {std::tuple{"91320102MA1AAAAA01", "320102", 1},
                                   std::tuple{"91320102MA1AAAAA01", "320102", 40},
                                   std::tuple{"91110101MA1AAAAA03", "110101", 3}})
    ASSERT_TRUE(store().insert_complaint(complaint(uscc, region, at_day(day)),
                                         audit_of("complaint.receive")));
  ComplaintQuery q;
  q.scope.region_prefixes = {"32"};
  EXPECT_EQ(store().complaints(q).total, 2);
  q.received_before = at_day(10);
  auto early = store().complaints(q);
  ASSERT_EQ(early.total, 1);
  EXPECT_EQ(early.items[0].received_at, at_day(1));
  q = ComplaintQuery{};
  q.scope.all = true;
  q.received_from = at_day(2);
  EXPECT_EQ(store().complaints(q).total, 2);
  q.status = "closed";
  EXPECT_EQ(store().complaints(q).total, 0);
  ComplaintQuery none;  // an empty scope sees nothing
  EXPECT_EQ(store().complaints(none).total, 0);
}

TEST_P(ComplaintStoreTest, HandlingIsRecordedOnceWhileOpen) {
  auto c = store().insert_complaint(complaint("91320102MA1AAAAA01", "320102", at_day(1)),
                                    audit_of("complaint.receive"));
  ASSERT_TRUE(c);
  Complaint closed = *c;
  closed.status = "closed";
  closed.close_reason = "不属于承诺活动监督范围";
  closed.handled_by = "office";
  closed.handled_at = at_day(3);
  ASSERT_TRUE(store().handle_complaint(closed, audit_of("complaint.close")));
  auto back = store().complaint(c->id);
  EXPECT_EQ(back->status, "closed");
  EXPECT_EQ(back->close_reason, "不属于承诺活动监督范围");
  EXPECT_EQ(back->handled_by, "office");
  EXPECT_EQ(back->handled_at, at_day(3));

  Complaint again = closed;
  again.status = "routed";
  auto s = store().handle_complaint(again, audit_of("complaint.route"));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::conflict);
  EXPECT_EQ(store().complaint(c->id)->status, "closed");
  EXPECT_EQ(store().verify_audit().entries, 2);
}

}  // namespace
}  // namespace qc::test
