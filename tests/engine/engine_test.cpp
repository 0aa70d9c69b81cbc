// Guards and routes by the calling conventions of docs/lua_api.md, on the fixture procedure
// (tests/engine/fixtures) and on small procedures written by the tests.
#include <boost/json/serialize.hpp>

#include "engine/engine_support.hpp"

namespace qc {
namespace {

using test::Harness;

class FixtureSet : public ::testing::Test {
 protected:
  void SetUp() override {
    auto result = Engine(test::fixtures() / "workflows", test::fixtures() / "plugins", {}).load();
    ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
    set = result.set;
    def = set->find("demo.grade_recognition", 1);
    q.at = *parse_instant("2026-03-01T02:00:00Z");
    q.enterprises.push_back(Enterprise{"91320100MA1XXXXXX1", "示例公司", "320102",
                                       *parse_date("2010-05-01"), "active"});
    c.id = 1;
    c.procedure = def->id;
    c.version = 1;
    c.enterprise = "91320100MA1XXXXXX1";
    c.stage = "application";
    c.data["requested_grade"] = "AA";
  }

  std::shared_ptr<const ProcedureSet> set;
  const ProcedureDef* def = nullptr;
  test::FakeQuery q;
  CaseView c;
};

TEST_F(FixtureSet, GuardFromAPluginAllowsAnEligibleEnterprise) {
  auto g = set->guard(*def, "application", "submit", c, q);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->ok) << g->reason;
}

TEST_F(FixtureSet, GuardRefusesWithTheScriptsReason) {
  QualityRecord r;
  r.uscc = c.enterprise;
  r.kind = "bad";
  r.category = "spot_check_fail";
  r.occurred_on = *parse_date("2025-06-01");
  q.quality_records.push_back(r);
  auto g = set->guard(*def, "application", "submit", c, q);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_FALSE(g->ok);
  EXPECT_EQ(g->reason, "近两年有不良记录：spot_check_fail");
}

TEST_F(FixtureSet, OldRecordsDoNotCount) {
  QualityRecord r;
  r.uscc = c.enterprise;
  r.kind = "bad";
  r.category = "spot_check_fail";
  r.occurred_on = *parse_date("2023-06-01");
  q.quality_records.push_back(r);
  auto g = set->guard(*def, "application", "submit", c, q);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->ok) << g->reason;
}

TEST_F(FixtureSet, ProcedureGuardRunsWithAnEmptyAction) {
  auto g = set->guard(*def, "", "", c, q);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->ok);
  c.enterprise = "";
  c.data["requested_grade"] = "AAA";
  g = set->guard(*def, "", "", c, q);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_FALSE(g->ok);
  EXPECT_EQ(g->reason, "no enterprise");
}

TEST_F(FixtureSet, ActionWithoutGuardIsAllowed) {
  auto g = set->guard(*def, "review", "expire", c, q);
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(g->ok);
}

TEST_F(FixtureSet, RouteChoosesAmongTheActionsTargets) {
  auto r = set->route(*def, "review", "approve", c, q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "public_notice");
  c.data["requested_grade"] = "AAA";
  r = set->route(*def, "review", "approve", c, q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "expert_review");
}

TEST_F(FixtureSet, RouteOfASingleTargetIsThatTarget) {
  auto r = set->route(*def, "application", "submit", c, q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "review");
}

TEST_F(FixtureSet, UnknownStageOrActionIsAnError) {
  EXPECT_FALSE(set->guard(*def, "nowhere", "submit", c, q).ok());
  EXPECT_FALSE(set->guard(*def, "application", "nothing", c, q).ok());
  EXPECT_FALSE(set->route(*def, "review", "nothing", c, q).ok());
}

TEST_F(FixtureSet, ADefNotInTheSetIsAnError) {
  ProcedureDef other = *def;
  other.version = 9;
  auto g = set->guard(other, "application", "submit", c, q);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find("not loaded"), std::string::npos);
}

TEST_F(FixtureSet, OnEnterProducesEffects) {
  c.stage = "announced";
  auto fx = set->hook(*def, HookKind::on_enter, "announced", "", c, q);
  ASSERT_TRUE(fx.ok()) << fx.error().message;
  ASSERT_EQ(fx->size(), 2u);
  EXPECT_EQ((*fx)[0].kind, "grant");
  EXPECT_EQ((*fx)[0].args.at("grade"), "AA");
  EXPECT_TRUE((*fx)[0].args.at("years").is_int64());
  EXPECT_EQ((*fx)[0].args.at("years").as_int64(), 3);
  EXPECT_EQ((*fx)[1].kind, "announce");
  EXPECT_EQ((*fx)[1].args.at("body"), "91320100MA1XXXXXX1 AA");
}

TEST_F(FixtureSet, OnExitCanSetData) {
  auto fx = set->hook(*def, HookKind::on_exit, "review", "", c, q);
  ASSERT_TRUE(fx.ok()) << fx.error().message;
  ASSERT_EQ(fx->size(), 1u);
  EXPECT_EQ((*fx)[0].kind, "set");
  EXPECT_EQ((*fx)[0].args.at("reviewed"), true);
}

TEST_F(FixtureSet, MissingHookProducesNothing) {
  auto fx = set->hook(*def, HookKind::on_enter, "review", "", c, q);
  ASSERT_TRUE(fx.ok()) << fx.error().message;
  EXPECT_TRUE(fx->empty());
}

TEST(Guard, FalseWithoutReasonNamesTheFunction) {
  for (const char* body : {"return false", "return nil", "return"}) {
    Harness h(body);
    auto g = h.guard();
    ASSERT_TRUE(g.ok()) << g.error().message;
    EXPECT_FALSE(g->ok);
    EXPECT_EQ(g->reason, "refused by t/h.lua:8") << body;
  }
}

TEST(Guard, AnythingButABooleanIsAScriptError) {
  Harness h("return 'yes'");
  auto g = h.guard();
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().code, ErrorCode::internal);
  EXPECT_NE(g.error().message.find("script error: t/h.lua:8: guard must return true"),
            std::string::npos)
      << g.error().message;
}

TEST(Guard, ReasonMustBeAString) {
  Harness h("return false, {}");
  auto g = h.guard();
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find("reason must be a string"), std::string::npos);
}

TEST(Guard, AThirdValueNamesTheFieldOfTheRefusal) {
  Harness h("return false, '缺少章节：报告前言', 'sections.preface'");
  auto g = h.guard();
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_FALSE(g->ok);
  EXPECT_EQ(g->reason, "缺少章节：报告前言");
  EXPECT_EQ(g->field, "sections.preface");
  Harness plain("return false, 'no'");
  EXPECT_EQ(plain.guard()->field, "");
}

TEST(Guard, FieldMustBeAString) {
  Harness h("return false, 'no', 42");
  auto g = h.guard();
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find("guard's field must be a string"), std::string::npos)
      << g.error().message;
}

TEST(Guard, ScriptErrorsCarryFileAndLine) {
  Harness h("error('boom')");
  auto g = h.guard();
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().message, "script error: t/h.lua:9: boom");
  h.expect_still_works();
}

const char* kRouted = R"(return procedure {
  id = "t.r", version = 1, title = "R", region = "320000", family = "t.r",
  start = "a",
  stages = {
    a = { title = "A", actions = {
      go = { role = "samr", to = { "b", "c" }, route = function(case, q)
        return case.data.target
      end },
    } },
    b = { title = "B", terminal = true },
    c = { title = "C", terminal = true },
  },
}
)";

TEST(Route, ValueOutsideTheListIsAScriptErrorNamingIt) {
  test::TempTree tree;
  tree.write("workflows/t/r.lua", kRouted);
  auto result = tree.load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->find("t.r", 1);
  test::FakeQuery q;
  CaseView c;
  c.data["target"] = "c";
  auto r = result.set->route(*def, "a", "go", c, q);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, "c");
  c.data["target"] = "nowhere";
  r = result.set->route(*def, "a", "go", c, q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "script error: t/r.lua:6: route returned 'nowhere', which is not one of: b, c");
  c.data.erase("target");
  r = result.set->route(*def, "a", "go", c, q);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("route must return a stage id, not a nil"), std::string::npos)
      << r.error().message;
}

const char* kDated = R"(return procedure {
  id = "t.d", version = 1, title = "D", region = "320000", family = "t.d",
  start = "a",
  stages = {
    a = { title = "A", timer = { at = function(case, q) return case.data.on end, fire = "go" },
          actions = { go = { role = "system", to = "b" } } },
    b = { title = "B", terminal = true },
  },
}
)";

TEST(TimerAt, ReturnsTheDateOrNoneAndRefusesAnythingElse) {
  test::TempTree tree;
  tree.write("workflows/t/d.lua", kDated);
  auto result = tree.load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->find("t.d", 1);
  ASSERT_TRUE(def->stage("a")->timer->at);
  test::FakeQuery q;
  CaseView c;
  c.data["on"] = "2026-10-15";
  auto d = result.set->timer_date(*def, "a", c, q);
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_TRUE(d->has_value());
  EXPECT_EQ(format_date(**d), "2026-10-15");
  c.data.erase("on");
  d = result.set->timer_date(*def, "a", c, q);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_FALSE(d->has_value());  // nil: no timer this time
  for (Json bad : {Json("2026-02-30"), Json("15 Oct"), Json(7)}) {
    c.data["on"] = bad;
    d = result.set->timer_date(*def, "a", c, q);
    ASSERT_FALSE(d.ok()) << boost::json::serialize(bad);
    EXPECT_NE(d.error().message.find("t/d.lua:5: timer.at must return a date YYYY-MM-DD or nil"),
              std::string::npos)
        << d.error().message;
  }
  EXPECT_FALSE(result.set->timer_date(*def, "b", c, q).ok());  // no timer.at there
}

}  // namespace
}  // namespace qc
