// What a case list keeps of a case's data (core/case_summary.hpp).
#include "core/case_summary.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <string>

namespace qc {
namespace {

namespace json = boost::json;

TEST(CaseSummary, SmallDataIsWhole) {
  json::object d{{"title", "标题"}, {"n", 3}, {"ok", true}, {"tags", json::array{"a", "b"}}};
  auto s = summarize_data(d);
  EXPECT_TRUE(s.complete);
  EXPECT_EQ(s.data, d);
}

TEST(CaseSummary, LongValuesAreLeftOutAndFlagged) {
  json::object d{{"title", "标题"},
                 {"notes", std::string(kSummaryValueBytes, 'x')},
                 {"rows", json::array(300, json::value(1))},
                 {"nested", json::object{{"deep", std::string(1000, 'y')}}},
                 {"n", 3}};
  auto s = summarize_data(d);
  EXPECT_FALSE(s.complete);
  EXPECT_EQ(s.data, (json::object{{"title", "标题"}, {"n", 3}}));
}

TEST(CaseSummary, StaysWithinItsTotal) {
  json::object d;
  for (int i = 0; i < 100; ++i) d["k" + std::to_string(i)] = std::string(100, 'z');
  auto s = summarize_data(d);
  EXPECT_FALSE(s.complete);
  EXPECT_LE(json::serialize(s.data).size(), kSummaryBytes);
  EXPECT_TRUE(s.data.contains("k0")) << "keys are kept in the data's order";
}

}  // namespace
}  // namespace qc
