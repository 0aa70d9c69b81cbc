// What a successful load produces, and the rules that span files.
#include "engine/engine_support.hpp"

namespace qc {
namespace {

const char* kSmall = R"(return procedure {
  id = "t.small", version = 1, title = "Small", region = "320000", family = "t.small",
  start = "a",
  stages = {
    a = { title = "A", actions = { go = { role = "samr", to = "b", requires = { "anything" } } } },
    b = { title = "B", terminal = true },
  },
}
)";

Engine::LoadResult load_fixtures() {
  return Engine(test::fixtures() / "workflows", test::fixtures() / "plugins", {}).load();
}

TEST(Loader, LoadsTheFixtureProcedure) {
  const auto result = load_fixtures();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->find("demo.grade_recognition", 1);
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->file, "demo/grade.lua");
  EXPECT_EQ(def->title, "示例质量信用等级认定");
  EXPECT_EQ(def->region, "320000");
  EXPECT_EQ(def->family, "demo.quality_grade");
  EXPECT_EQ(def->basis, "示例办法");
  EXPECT_EQ(def->source_hash.size(), 64u);
  EXPECT_TRUE(def->has_guard);
  EXPECT_EQ(result.set->latest("demo.grade_recognition"), def);
  EXPECT_EQ(result.set->all().size(), 1u);
}

TEST(Loader, OrdersStagesFromStartBreadthFirst) {
  const auto result = load_fixtures();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->find("demo.grade_recognition", 1);
  std::vector<std::string> ids;
  for (const auto& s : def->stages) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"application", "review", "expert_review",
                                           "public_notice", "closed", "announced"}));
}

TEST(Loader, FillsStagesActionsTimersVotesNotices) {
  const auto result = load_fixtures();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->find("demo.grade_recognition", 1);
  const StageDef* review = def->stage("review");
  ASSERT_NE(review, nullptr);
  EXPECT_TRUE(review->has_on_exit);
  EXPECT_FALSE(review->has_on_enter);
  ASSERT_EQ(review->actions.size(), 2u);
  EXPECT_EQ(review->actions[0].id, "approve");  // sorted by id
  EXPECT_EQ(review->actions[0].level, Level::city);
  EXPECT_TRUE(review->actions[0].has_route);
  EXPECT_EQ(review->actions[0].to, (std::vector<std::string>{"expert_review", "public_notice"}));
  EXPECT_EQ(review->actions[0].title, "approve");  // a missing title reads as the id
  ASSERT_TRUE(review->timer.has_value());
  EXPECT_EQ(review->timer->workdays, 5);
  EXPECT_EQ(review->timer->fire, "expire");

  const StageDef* experts = def->stage("expert_review");
  ASSERT_TRUE(experts->votes.has_value());
  EXPECT_EQ(experts->votes->role, "expert");
  EXPECT_EQ(experts->votes->level, Level::province);
  EXPECT_EQ(experts->votes->of, 3);
  EXPECT_EQ(experts->votes->pass, 2);
  EXPECT_EQ(experts->votes->passed, "votes_passed");

  const StageDef* notice = def->stage("public_notice");
  ASSERT_TRUE(notice->notice.has_value());
  EXPECT_EQ(notice->notice->title, "质量信用等级拟认定公示");
  EXPECT_EQ(notice->notice->outcome, "拟认定");
  EXPECT_TRUE(notice->timer->keep);

  const StageDef* announced = def->stage("announced");
  EXPECT_TRUE(announced->terminal);
  EXPECT_TRUE(announced->has_on_enter);
  const ActionDef* submit = def->stage("application")->action("submit");
  EXPECT_TRUE(submit->has_guard);
  EXPECT_EQ(submit->requires_fields, std::vector<std::string>{"requested_grade"});
}

TEST(Loader, FieldsAsAMapAreOrderedByName) {
  const auto result = load_fixtures();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->find("demo.grade_recognition", 1);
  ASSERT_EQ(def->fields.size(), 2u);
  EXPECT_EQ(def->fields[0].name, "note");
  EXPECT_EQ(def->fields[0].type, "string");
  EXPECT_EQ(def->fields[0].label, "说明");
  EXPECT_EQ(def->fields[1].name, "requested_grade");
  EXPECT_EQ(def->fields[1].type, "enum");
  EXPECT_TRUE(def->fields[1].required);
  EXPECT_EQ(def->fields[1].options, (std::vector<std::string>{"A", "AA", "AAA"}));
}

TEST(Loader, FieldsAsAListKeepDeclarationOrder) {
  test::TempTree tree;
  std::string text = kSmall;
  text.replace(text.find("start ="), 0,
               "fields = { { name = \"zeta\", type = \"string\" }, "
               "field { name = \"alpha\", type = \"date\", required = true } },\n  ");
  text.replace(text.find("{ \"anything\" }"), 14, "{ \"alpha\" }");
  tree.write("workflows/t/small.lua", text);
  const auto result = tree.load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const auto& fields = result.set->all().front()->fields;
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].name, "zeta");
  EXPECT_EQ(fields[1].name, "alpha");
  EXPECT_TRUE(fields[1].required);
}

TEST(Loader, ParamsAreKeptByName) {
  test::TempTree tree;
  std::string text = kSmall;
  text.replace(text.find("start ="), 0,
               "params = { submission_due = \"10-30\", region_label = \"江苏\" },\n  ");
  tree.write("workflows/t/small.lua", text);
  const auto result = tree.load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->all().front();
  ASSERT_NE(def->param("submission_due"), nullptr);
  EXPECT_EQ(*def->param("submission_due"), "10-30");
  EXPECT_EQ(*def->param("region_label"), "江苏");
  EXPECT_EQ(def->param("nope"), nullptr);
}

TEST(Loader, StartersDefaultToTheStartStageRoles) {
  const auto result = load_fixtures();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  EXPECT_EQ(result.set->all().front()->starters, std::vector<std::string>{"enterprise"});
}

TEST(Loader, RequiresMayNameAnyKeyWhenNoFieldsAreDeclared) {
  test::TempTree tree;
  tree.write("workflows/t/small.lua", kSmall);
  const auto result = tree.load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
}

TEST(Loader, SameIdAndVersionInTwoFilesNamesBoth) {
  test::TempTree tree;
  tree.write("workflows/t/one.lua", kSmall);
  tree.write("workflows/u/two.lua", kSmall);
  const auto result = tree.load();
  EXPECT_EQ(result.set, nullptr);
  ASSERT_EQ(result.errors.size(), 1u) << test::describe(result.errors);
  EXPECT_EQ(result.errors[0].file, "u/two.lua");
  EXPECT_EQ(result.errors[0].line, 2);
  EXPECT_NE(result.errors[0].message.find("t/one.lua"), std::string::npos);
}

TEST(Loader, TwoVersionsOfOneProcedureLoadSideBySide) {
  test::TempTree tree;
  tree.write("workflows/t/one.lua", kSmall);
  std::string v2 = kSmall;
  v2.replace(v2.find("version = 1"), 11, "version = 2");
  tree.write("workflows/t/one_v2.lua", v2);
  const auto result = tree.load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  EXPECT_EQ(result.set->latest("t.small")->version, 2);
  EXPECT_NE(result.set->find("t.small", 1), nullptr);
}

TEST(Loader, OneBadFileAmongGoodOnesLoadsNothing) {
  test::TempTree tree;
  tree.write("workflows/a/good.lua", kSmall);
  tree.write("workflows/b/bad.lua", "return procedure { id = \"t.bad\" }\n");
  std::string other = kSmall;
  other.replace(other.find("t.small"), 7, "t.other");
  tree.write("workflows/c/good.lua", other);
  const auto result = tree.load();
  EXPECT_EQ(result.set, nullptr);
  ASSERT_FALSE(result.errors.empty());
  for (const auto& e : result.errors) EXPECT_EQ(e.file, "b/bad.lua");
}

TEST(Loader, CollectsEveryErrorOfAFile) {
  test::TempTree tree;
  tree.write("workflows/t/bad.lua",
             "return procedure {\n  id = \"t.bad\", version = 0,\n  start = \"x\",\n"
             "  stages = { x = { title = \"X\", actions = { go = { role = \"mayor\", to = \"y\" } "
             "} } },\n}\n");
  const auto result = tree.load();
  EXPECT_EQ(result.set, nullptr);
  // version, title, region, family, role, target
  EXPECT_GE(result.errors.size(), 6u) << test::describe(result.errors);
}

TEST(Loader, BytecodeFileIsRejected) {
  test::TempTree tree;
  tree.write("workflows/t/compiled.lua", std::string("\x1bLuaT\x00\x19\x93\r\n\x1a\n", 12));
  const auto result = tree.load();
  EXPECT_EQ(result.set, nullptr);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].file, "t/compiled.lua");
  EXPECT_EQ(result.errors[0].line, 1);
  EXPECT_NE(result.errors[0].message.find("bytecode"), std::string::npos);
}

TEST(Loader, MissingWorkflowsDirectoryIsAnError) {
  test::TempTree tree;
  const auto result = Engine(tree.workflows() / "absent", tree.plugins(), {}).load();
  EXPECT_EQ(result.set, nullptr);
  ASSERT_EQ(result.errors.size(), 1u);
}

TEST(Loader, EmptyDirectoryLoadsAnEmptySet) {
  test::TempTree tree;
  const auto result = tree.load();
  ASSERT_NE(result.set, nullptr);
  EXPECT_TRUE(result.set->all().empty());
}

TEST(Loader, RunawayTopLevelCodeFailsTheLoad) {
  test::TempTree tree;
  tree.write("workflows/t/loop.lua", "while true do end\n");
  SandboxLimits limits;
  limits.instructions = 100'000;
  const auto result = tree.load(limits);
  EXPECT_EQ(result.set, nullptr);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 1);
  EXPECT_NE(result.errors[0].message.find("instruction budget exceeded"), std::string::npos);
}

}  // namespace
}  // namespace qc
