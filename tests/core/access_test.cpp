#include "core/access.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

Actor actor(std::vector<RoleGrant> grants, std::optional<std::string> enterprise = std::nullopt) {
  return Actor{"u", "u", std::move(grants), std::move(enterprise)};
}

TEST(Access, ScopeFollowsGrantRegions) {
  EXPECT_TRUE(scope_of(actor({{"admin", "000000"}})).all);
  auto city = scope_of(actor({{"samr", "320100"}}));
  EXPECT_FALSE(city.all);
  EXPECT_EQ(city.region_prefixes, std::vector<std::string>{"3201"});
  auto mixed = scope_of(actor({{"samr", "320102"}, {"drc", "330000"}}));
  EXPECT_EQ(mixed.region_prefixes, (std::vector<std::string>{"320102", "33"}));
  auto ent = scope_of(actor({{"enterprise", "320102"}}, "91320102MA1NAB8K2X"));
  EXPECT_TRUE(ent.region_prefixes.empty());
  EXPECT_EQ(ent.enterprise, "91320102MA1NAB8K2X");
}

TEST(Access, ReadNeedsAGrantCoveringTheRegionOrOwnEnterprise) {
  EXPECT_TRUE(may_read(actor({{"samr", "320000"}}), "320102", "x"));
  EXPECT_TRUE(may_read(actor({{"samr", "320100"}}), "320102", "x"));
  EXPECT_FALSE(may_read(actor({{"samr", "320200"}}), "320102", "x"));
  EXPECT_FALSE(may_read(actor({{"samr", "320104"}}), "320102", "x"));
  EXPECT_TRUE(may_read(actor({{"enterprise", "320102"}}, "E1"), "320102", "E1"));
  EXPECT_FALSE(may_read(actor({{"enterprise", "320102"}}, "E1"), "320102", "E2"));
}

TEST(Access, LevelMeansTheExactRegionAtThatLevel) {
  const auto county = actor({{"samr", "320102"}});
  const auto city = actor({{"samr", "320100"}});
  const auto province = actor({{"samr", "320000"}});
  EXPECT_TRUE(may_act(county, "samr", Level::county, "320102", "x"));
  EXPECT_FALSE(may_act(city, "samr", Level::county, "320102", "x"))
      << "city staff do not do the county's step";
  EXPECT_TRUE(may_act(city, "samr", Level::city, "320102", "x"));
  EXPECT_FALSE(may_act(province, "samr", Level::city, "320102", "x"));
  EXPECT_TRUE(may_act(province, "samr", Level::province, "320102", "x"));
  EXPECT_FALSE(may_act(province, "drc", Level::province, "320102", "x")) << "role must match";
  EXPECT_TRUE(may_act(actor({{"activity_office", "000000"}}), "activity_office", Level::national,
                      "320000", "x"));
  EXPECT_TRUE(may_act(province, "samr", Level::none, "320102", "x"));
}

TEST(Access, EnterpriseActsOnlyForItself) {
  const auto ent = actor({{"enterprise", "320102"}}, "E1");
  EXPECT_TRUE(may_act(ent, "enterprise", Level::none, "320102", "E1"));
  EXPECT_FALSE(may_act(ent, "enterprise", Level::none, "320102", "E2"));
  EXPECT_FALSE(may_act(actor({{"samr", "320102"}}), "enterprise", Level::none, "320102", "E1"));
}

}  // namespace
}  // namespace qc
