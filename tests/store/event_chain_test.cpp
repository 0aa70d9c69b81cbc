// Every case's event chain verifies, and an edited, deleted or reordered event is found.
#include "store_fixture.hpp"

namespace qc::test {
namespace {

class EventChainTest : public StoreTest {
 protected:
  // Two cases of three events each.
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    const auto e = enterprise("91320102MA1EVT0018", "320102");
    ASSERT_TRUE(store().insert_enterprise(e, audit_of("enterprise.create")));
    for (int i = 0; i < 2; ++i) {
      auto c = store().open_case(opening(e));
      ASSERT_TRUE(c) << c.error().message;
      auto c2 = store().commit(step(*c, "submit", "review", at_day(1)));
      ASSERT_TRUE(c2) << c2.error().message;
      auto c3 = store().commit(step(*c2, "approve", "done", at_day(2)));
      ASSERT_TRUE(c3) << c3.error().message;
      ids.push_back(c3->id);
    }
  }
  std::vector<int64_t> ids;
};
QC_STORE_BACKENDS(EventChainTest);

TEST_P(EventChainTest, IntactChainsVerify) {
  const auto v = store().verify_events();
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.cases, 2);
  EXPECT_EQ(v.events, 6);
}

TEST_P(EventChainTest, AnEditedEventIsNamed) {
  *raw() << "UPDATE case_events SET actor = 'someone-else' WHERE case_id = " +
                std::to_string(ids[1]) + " AND seq = 2";
  const auto v = store().verify_events();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken_case, ids[1]);
  EXPECT_EQ(v.broken_seq, 2);
  EXPECT_NE(v.reason.find("edited"), std::string::npos) << v.reason;
}

TEST_P(EventChainTest, ADeletedEventIsNamed) {
  *raw() << "DELETE FROM case_events WHERE case_id = " + std::to_string(ids[0]) + " AND seq = 2";
  const auto v = store().verify_events();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken_case, ids[0]);
  EXPECT_EQ(v.broken_seq, 3);
  EXPECT_NE(v.reason.find("missing"), std::string::npos) << v.reason;
}

}  // namespace
}  // namespace qc::test
