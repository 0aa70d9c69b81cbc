// The procedure key `complaints = { listed_in = … }` (docs/lua_api.md, ADR 020): parsed into
// ProcedureDef, checked strictly, and claimed by at most one procedure id per activity.
#include "engine/engine_support.hpp"

namespace qc {
namespace {

std::string procedure_text(const std::string& id, const std::string& complaints) {
  return "return procedure {\n"
         "  id = \"" +
         id +
         "\", version = 1, title = \"T\",\n"
         "  region = \"000000\", family = \"t.f\",\n"
         "  " +
         complaints +
         "\n"
         "  start = \"a\",\n"
         "  stages = {\n"
         "    a = { title = \"A\", actions = { go = { role = \"organizer\", to = \"b\" } } },\n"
         "    b = { title = \"B\", terminal = true },\n"
         "  },\n"
         "}\n";
}

bool has_error(const Engine::LoadResult& r, const std::string& file, int line,
               const std::string& part) {
  for (const auto& e : r.errors)
    if (e.file == file && e.line == line && e.message.find(part) != std::string::npos) return true;
  return false;
}

TEST(ComplaintsKey, NamesTheActivityWhoseComplaintsOpenTheProcedure) {
  test::TempTree tree;
  tree.write("workflows/t/p.lua",
             procedure_text("t.p", "complaints = { listed_in = \"t.activity\" },"));
  tree.write("workflows/t/q.lua", procedure_text("t.q", ""));
  const auto r = tree.load();
  ASSERT_NE(r.set, nullptr) << test::describe(r.errors);
  EXPECT_EQ(r.set->latest("t.p")->complaints_listed_in, "t.activity");
  EXPECT_EQ(r.set->latest("t.q")->complaints_listed_in, "");
}

TEST(ComplaintsKey, UnknownKeyInsideIsAnErrorAtItsLine) {
  test::TempTree tree;
  tree.write("workflows/t/p.lua",
             procedure_text("t.p", "complaints = { listed_in = \"t.a\", auto = true },"));
  const auto r = tree.load();
  EXPECT_EQ(r.set, nullptr);
  EXPECT_TRUE(has_error(r, "t/p.lua", 4, "unknown key 'auto' in complaints"))
      << test::describe(r.errors);
}

TEST(ComplaintsKey, ActivityMustBeAFamilyId) {
  test::TempTree tree;
  tree.write("workflows/t/p.lua",
             procedure_text("t.p", "complaints = { listed_in = \"Not Id\" },"));
  const auto r = tree.load();
  EXPECT_EQ(r.set, nullptr);
  EXPECT_TRUE(has_error(r, "t/p.lua", 4, "listed_in 'Not Id'")) << test::describe(r.errors);
}

TEST(ComplaintsKey, MissingActivityAndWrongTypeAreErrors) {
  test::TempTree tree;
  tree.write("workflows/t/p.lua", procedure_text("t.p", "complaints = {},"));
  tree.write("workflows/t/q.lua", procedure_text("t.q", "complaints = \"t.a\","));
  const auto r = tree.load();
  EXPECT_EQ(r.set, nullptr);
  EXPECT_TRUE(has_error(r, "t/p.lua", 4, "missing required key 'listed_in'"))
      << test::describe(r.errors);
  EXPECT_TRUE(has_error(r, "t/q.lua", 4, "complaints must be a table")) << test::describe(r.errors);
}

TEST(ComplaintsKey, TwoProceduresMayNotClaimOneActivity) {
  test::TempTree tree;
  tree.write("workflows/t/p.lua", procedure_text("t.p", "complaints = { listed_in = \"t.a\" },"));
  tree.write("workflows/t/q.lua", procedure_text("t.q", "complaints = { listed_in = \"t.a\" },"));
  const auto r = tree.load();
  EXPECT_EQ(r.set, nullptr);
  EXPECT_TRUE(has_error(r, "t/q.lua", 4, "already opened by 't.p'")) << test::describe(r.errors);
}

}  // namespace
}  // namespace qc
