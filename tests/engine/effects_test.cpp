// fx: every effect kind, the JSON its arguments become, and fx.set's visibility.
#include <boost/json/parse.hpp>

#include "engine/engine_support.hpp"

namespace qc {
namespace {

using test::Harness;

std::vector<Effect> run(const Harness& h) {
  auto fx = h.effects();
  EXPECT_TRUE(fx.ok()) << fx.error().message;
  return fx.ok() ? *fx : std::vector<Effect>{};
}

std::string failure(const Harness& h) {
  auto fx = h.effects();
  EXPECT_FALSE(fx.ok());
  h.expect_still_works();
  return fx.ok() ? std::string() : fx.error().message;
}

TEST(Effects, EveryKindIsRecordedInOrder) {
  Harness h("return true",
            "fx.grant{ grade = 'AA', years = 3, family = 'x.y', published = false } "
            "fx.suspend{ grant_id = 4 } fx.reinstate{ grant_id = 4 } fx.revoke{ grant_id = 4 } "
            "fx.ban{ years = 3, reason = 'r' } fx.list{} fx.delist{ activity = 'a.b' } "
            "fx.announce{ kind = 'k', title = 't', body = 'b' } "
            "fx.document{ name = 'n', title = 't', template = 'decision' } fx.set{ a = 1 }");
  const auto fx = run(h);
  std::vector<std::string> kinds;
  for (const auto& e : fx) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"grant", "suspend", "reinstate", "revoke", "ban",
                                             "list", "delist", "announce", "document", "set"}));
  EXPECT_EQ(fx[0].args.at("published"), false);
  EXPECT_EQ(fx[0].args.at("family"), "x.y");
  EXPECT_EQ(fx[1].args.at("grant_id").as_int64(), 4);
  EXPECT_TRUE(fx[5].args.empty());
}

TEST(Effects, ArgumentsBecomeJson) {
  Harness h("return true",
            "fx.set{ n = 1, f = 1.5, s = '质量', b = true, list = { 1, 'two', { x = 3 } }, "
            "obj = { a = { b = 'c' } }, empty = {} }");
  const auto fx = run(h);
  ASSERT_EQ(fx.size(), 1u);
  const auto& a = fx[0].args;
  EXPECT_TRUE(a.at("n").is_int64());
  EXPECT_TRUE(a.at("f").is_double());
  EXPECT_DOUBLE_EQ(a.at("f").as_double(), 1.5);
  EXPECT_EQ(a.at("s"), "质量");
  EXPECT_EQ(a.at("b"), true);
  EXPECT_EQ(a.at("list"), boost::json::parse(R"([1, "two", {"x": 3}])"));
  EXPECT_EQ(a.at("obj"), boost::json::parse(R"({"a": {"b": "c"}})"));
  EXPECT_TRUE(a.at("empty").is_object());
}

TEST(Effects, SetIsVisibleToTheRestOfTheHook) {
  Harness h("return true",
            "local t = { 1 } fx.set{ x = 41, l = t } t[2] = 2 "
            "fx.announce{ kind = 'k', title = tostring(case.data.x + 1), body = "
            "tostring(#case.data.l) }");
  const auto fx = run(h);
  ASSERT_EQ(fx.size(), 2u);
  EXPECT_EQ(fx[1].args.at("title"), "42");
  EXPECT_EQ(fx[1].args.at("body"), "1");  // what was stored, not the table changed later
  EXPECT_EQ(fx[0].args.at("l"), boost::json::parse("[1]"));
}

TEST(Effects, CaseCarriesTheCaseView) {
  Harness h("return true",
            "fx.set{ id = case.id, procedure = case.procedure, version = case.version, "
            "enterprise = case.enterprise, stage = case.stage, status = case.status, "
            "rev = case.rev, grade = case.data.grade, deep = case.data.deep.k }");
  h.c.data["grade"] = "AA";
  h.c.data["deep"] = boost::json::object{{"k", boost::json::array{1, 2}}};
  const auto fx = run(h);
  ASSERT_EQ(fx.size(), 1u);
  EXPECT_EQ(fx[0].args, boost::json::parse(R"({"id":7,"procedure":"t.h","version":1,
      "enterprise":"91320000MA1XXXXXX1","stage":"a","status":"active","rev":3,"grade":"AA",
      "deep":[1,2]})")
                            .as_object());
}

TEST(Effects, FunctionsCannotBeStored) {
  const auto m = failure(Harness("return true", "fx.set{ f = function() end }"));
  EXPECT_NE(m.find("fx.set argument.f is a function"), std::string::npos) << m;
  EXPECT_NE(m.find("t/h.lua:12:"), std::string::npos) << m;
}

TEST(Effects, MixedTablesCannotBeStored) {
  const auto m = failure(Harness("return true", "fx.set{ t = { 1, x = 2 } }"));
  EXPECT_NE(m.find("mixes named keys and list entries"), std::string::npos) << m;
}

TEST(Effects, NanCannotBeStored) {
  const auto m = failure(Harness("return true", "fx.set{ x = 0/0 }"));
  EXPECT_NE(m.find("NaN"), std::string::npos) << m;
}

TEST(Effects, ArgumentsAreChecked) {
  const std::pair<const char*, const char*> cases[] = {
      {"fx.grant{ grade = 'A' }", "fx.grant: missing years"},
      {"fx.grant{ grade = 'A', years = 0 }", "years must be positive"},
      {"fx.grant{ grade = 'A', years = '3' }", "years must be an integer"},
      {"fx.grant{ grade = 'A', years = 3, colour = 1 }", "unknown argument 'colour'"},
      {"fx.grant{ 'A', 3 }", "takes named arguments"},
      {"fx.grant('A')", "expects named arguments"},
      {"fx.document{ name = 'n', title = 't', body = 'b', template = 'x' }", "not both"},
      {"fx.suspend{}", "missing grant_id"},
      {"fx.document{ name = 'n', title = 't', body = 'b', outline = {} }", "not both"},
      {"fx.document{ name = 'n', title = 't', outline = 'x' }", "outline must be a list"},
      {"fx.document{ name = 'n', title = 't', outline = { { text = 'x' } } }", "needs a title"},
      {"fx.document{ name = 'n', title = 't', outline = { { title = 'a', colour = 1 } } }",
       "unknown section key 'colour'"},
      {"fx.document{ name = 'n', title = 't', outline = { { title = 'a', children = 'x' } } }",
       "children must be a list"},
  };
  for (const auto& [body, message] : cases) {
    const auto m = failure(Harness("return true", body));
    EXPECT_NE(m.find(message), std::string::npos) << body << " -> " << m;
  }
}

TEST(Effects, DocumentOutlineIsRecordedAsGiven) {
  auto fx = run(Harness("return true",
                        "fx.document{ name = 'r', title = 'T', outline = { { title = '前言', "
                        "children = { { title = '编制规范', text = '…', tables = { { rows = "
                        "{ { 'a', 'b' } } } } } } } } }"));
  ASSERT_EQ(fx.size(), 1u);
  const auto& outline = fx[0].args.at("outline").as_array();
  EXPECT_EQ(outline.at(0).at("title"), "前言");
  EXPECT_EQ(outline.at(0).at("children").at(0).at("tables").at(0).at("rows").at(0).at(1), "b");
}

TEST(Effects, HookWritesToCaseDoNotReachTheView) {
  Harness h("return true", "case.data.grade = 'AAA' case.stage = 'zzz'");
  h.c.data["grade"] = "A";
  EXPECT_TRUE(run(h).empty());
  EXPECT_EQ(h.c.data.at("grade"), "A");
}

// fx.correct_records: a list of record ids and a reason (docs/lua_api.md).
TEST(Effects, CorrectRecordsTakesRecordIdsAndAReason) {
  Harness h("return true", "fx.correct_records{ records = { 3, 9 }, reason = '不属实' }");
  const auto fx = run(h);
  ASSERT_EQ(fx.size(), 1u);
  EXPECT_EQ(fx[0].kind, "correct_records");
  EXPECT_EQ(fx[0].args.at("records"), (boost::json::array{3, 9}));
  EXPECT_EQ(fx[0].args.at("reason"), "不属实");
  const std::pair<const char*, const char*> cases[] = {
      {"fx.correct_records{ records = { 3 } }", "missing reason"},
      {"fx.correct_records{ reason = 'r' }", "missing records"},
      {"fx.correct_records{ records = 3, reason = 'r' }", "records must be a list"},
      {"fx.correct_records{ records = { 'x' }, reason = 'r' }", "a list of record ids"},
      {"fx.correct_records{ records = { 0 }, reason = 'r' }", "a list of record ids"},
  };
  for (const auto& [body, message] : cases) {
    const auto m = failure(Harness("return true", body));
    EXPECT_NE(m.find(message), std::string::npos) << body << " -> " << m;
  }
}

}  // namespace
}  // namespace qc
