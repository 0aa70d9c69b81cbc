// Reading plugins/credit/abcd.lua's answers: what the host accepts, and what it refuses
// instead of storing (a wrong grade letter, malformed reasons).
#include "service/classification_batch.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

#include <boost/json.hpp>

namespace qc {
namespace {

namespace json = boost::json;

TEST(ClassificationBatchTest, ReadsGradeAndReasons) {
  auto c = classification_from_json(json::parse(
      R"({"uscc":"X","grade":"D","reasons":[{"criterion":"d2_counterfeit","records":[4,9]}]})"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->grade, "D");
  ASSERT_EQ(c->reasons.size(), 1u);
  EXPECT_EQ(c->reasons[0].criterion, "d2_counterfeit");
  EXPECT_EQ(c->reasons[0].records, (std::vector<int64_t>{4, 9}));
}

TEST(ClassificationBatchTest, AnAbsentGradeIsNotGradedAndEmptyTablesAreEmptyLists) {
  // Lua turns an empty table into {}: records = {} must read as no records.
  auto c = classification_from_json(
      json::parse(R"({"uscc":"X","reasons":[{"criterion":"too_young","records":{}}]})"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_FALSE(c->grade);
  EXPECT_TRUE(c->reasons.at(0).records.empty());
}

TEST(ClassificationBatchTest, RefusesWhatCannotBeAGrade) {
  for (const char* bad :
       {R"({"grade":"E","reasons":[]})", R"({"grade":1,"reasons":[]})",
        R"({"grade":"A","reasons":"none"})", R"({"grade":"A","reasons":[{"records":[1]}]})",
        R"({"grade":"A","reasons":[{"criterion":"x","records":["1"]}]})", R"([1,2])"}) {
    auto c = classification_from_json(json::parse(bad));
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.error().code, ErrorCode::internal);
    EXPECT_NE(c.error().message.find("credit.abcd"), std::string::npos) << c.error().message;
  }
}

}  // namespace
}  // namespace qc
