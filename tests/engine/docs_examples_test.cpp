// The complete examples of docs/lua_api.md load as they are written (with the fixture
// plugins), so the documentation cannot drift from the loader.
#include <fstream>
#include <sstream>

#include "engine/engine_support.hpp"

namespace qc {
namespace {

// Code blocks that start with "```lua" and a first line "-- example: <file>".
std::vector<std::pair<std::string, std::string>> examples() {
  std::ifstream in(std::filesystem::path(QC_SOURCE_DIR) / "docs/lua_api.md");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const std::string open = "```lua\n-- example: ";
  std::vector<std::pair<std::string, std::string>> out;
  for (auto pos = doc.find(open); pos != std::string::npos; pos = doc.find(open, pos + 1)) {
    const auto name_start = pos + open.size();
    const auto name_end = doc.find('\n', name_start);
    const auto body_start = pos + 7;
    const auto body_end = doc.find("```", name_end);
    out.emplace_back(doc.substr(name_start, name_end - name_start),
                     doc.substr(body_start, body_end - body_start));
  }
  return out;
}

TEST(DocsExamples, LoadAsWritten) {
  const auto list = examples();
  ASSERT_EQ(list.size(), 2u);
  test::TempTree tree;
  for (const auto& [file, text] : list) tree.write("workflows/" + file, text);
  const auto result = Engine(tree.workflows(), test::fixtures() / "plugins", {}).load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  EXPECT_EQ(result.set->all().size(), 2u);
}

TEST(DocsExamples, RevocationGuardChecksTheGrant) {
  test::TempTree tree;
  for (const auto& [file, text] : examples()) tree.write("workflows/" + file, text);
  const auto result = Engine(tree.workflows(), test::fixtures() / "plugins", {}).load();
  ASSERT_NE(result.set, nullptr) << test::describe(result.errors);
  const ProcedureDef* def = result.set->find("jiangsu.grade_revocation", 1);
  ASSERT_NE(def, nullptr);
  test::FakeQuery q;
  q.grant_list.push_back(
      Grant{12, "E1", "jiangsu.quality_grade", "AA", {}, {}, "revoked", 3, true, std::nullopt});
  CaseView c;
  c.enterprise = "E1";
  c.data["grant_id"] = 12;
  c.data["facts"] = "伪造检验报告";
  auto g = result.set->guard(*def, "", "", c, q);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_FALSE(g->ok);
  EXPECT_EQ(g->reason, "该等级已revoked");
  q.grant_list[0].status = "active";
  g = result.set->guard(*def, "", "", c, q);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->ok);

  auto fx = result.set->hook(*def, HookKind::effects, "decision", "revoke", c, q);
  ASSERT_TRUE(fx.ok()) << fx.error().message;
  ASSERT_EQ(fx->size(), 3u);
  EXPECT_EQ((*fx)[0].kind, "revoke");
  EXPECT_EQ((*fx)[0].args.at("grant_id").as_int64(), 12);
}

}  // namespace
}  // namespace qc
