// The sandbox: what scripts cannot reach, and the limits that stop runaway calls. After
// every failure the set must still answer.
#include <chrono>

#include "engine/engine_support.hpp"

namespace qc {
namespace {

using test::Harness;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void expect_true(const Harness& h) {
  auto g = h.guard();
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->ok) << g->reason;
}

std::string expect_failure(const Harness& h, const std::string& at = "script error: t/h.lua:") {
  auto g = h.guard();
  EXPECT_FALSE(g.ok());
  if (g.ok()) return {};
  EXPECT_EQ(g.error().code, ErrorCode::internal);
  EXPECT_EQ(g.error().message.rfind(at, 0), 0u) << g.error().message;
  h.expect_still_works();
  return g.error().message;
}

TEST(Sandbox, NoIoOsDebugPackageOrCoroutine) {
  expect_true(Harness(
      "return os == nil and io == nil and debug == nil and package == nil and coroutine == nil"));
}

TEST(Sandbox, OsExecuteIsAnError) {
  Harness h("os.execute('touch /tmp/qc-sandbox-escape') return true");
  const auto m = expect_failure(h);
  EXPECT_TRUE(contains(m, "t/h.lua:9:")) << m;
  EXPECT_TRUE(contains(m, "global 'os'")) << m;
}

TEST(Sandbox, IoOpenIsAnError) {
  const auto m = expect_failure(Harness("local f = io.open('/etc/passwd') return true"));
  EXPECT_TRUE(contains(m, "global 'io'")) << m;
}

TEST(Sandbox, NoLoadingOfCodeAndNoStringDump) {
  expect_true(
      Harness("return load == nil and loadstring == nil and dofile == nil and "
              "loadfile == nil and string.dump == nil and require ~= nil"));
}

TEST(Sandbox, NoMetatablesRawAccessOrCollector) {
  expect_true(
      Harness("return setmetatable == nil and getmetatable == nil and rawget == nil and "
              "rawset == nil and rawequal == nil and rawlen == nil and "
              "collectgarbage == nil"));
}

TEST(Sandbox, NoRandomness) {
  expect_true(Harness("return math.random == nil and math.randomseed == nil"));
}

TEST(Sandbox, TheAllowedLibrariesWork) {
  expect_true(
      Harness("return ('abc'):upper() == 'ABC' and utf8.len('质量') == 2 and "
              "table.concat({1, 2}, ',') == '1,2' and math.floor(2.5) == 2 and "
              "select('#', pcall(error, 'x')) == 2 and tostring(12) == '12'"));
}

TEST(Sandbox, AssigningAGlobalIsAnError) {
  const auto m = expect_failure(Harness("leak = 1 return true"));
  EXPECT_TRUE(contains(m, "assignment to undeclared global 'leak'")) << m;
}

TEST(Sandbox, StringRepBombHitsTheMemoryLimit) {
  const auto m = expect_failure(Harness("local s = string.rep('x', 1 << 30) return true"));
  EXPECT_TRUE(contains(m, "memory limit exceeded")) << m;
}

TEST(Sandbox, GrowingStringHitsTheMemoryLimit) {
  const auto m = expect_failure(Harness("local s = 'x' while true do s = s .. s end"));
  EXPECT_TRUE(contains(m, "memory limit exceeded")) << m;
}

TEST(Sandbox, MemoryFailureCannotBeCaught) {
  const auto m = expect_failure(Harness("local ok = pcall(string.rep, 'x', 1 << 30) return true"));
  EXPECT_TRUE(contains(m, "memory limit exceeded")) << m;
}

TEST(Sandbox, InfiniteLoopIsStopped) {
  Harness h("while true do end");
  const auto start = std::chrono::steady_clock::now();
  const auto m = expect_failure(h);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  ::testing::Test::RecordProperty("runaway_ms", static_cast<int>(ms.count()));
  EXPECT_TRUE(contains(m, "instruction budget exceeded") || contains(m, "deadline exceeded")) << m;
  EXPECT_TRUE(contains(m, "t/h.lua:9:")) << m;
}

TEST(Sandbox, LoopThatCatchesItsErrorsIsStillStopped) {
  const auto m =
      expect_failure(Harness("while true do pcall(function() while true do end end) end"));
  EXPECT_TRUE(contains(m, "instruction budget exceeded") || contains(m, "deadline exceeded")) << m;
}

TEST(Sandbox, XpcallCannotCatchTheBudgetEither) {
  const auto m = expect_failure(Harness(
      "while true do xpcall(function() while true do end end, function(e) return e end) end"));
  EXPECT_TRUE(contains(m, "instruction budget exceeded") || contains(m, "deadline exceeded")) << m;
}

TEST(Sandbox, InstructionBudget) {
  SandboxLimits limits;
  limits.instructions = 200'000;
  limits.deadline = std::chrono::hours(1);
  const auto m = expect_failure(Harness("while true do end", "", limits));
  EXPECT_TRUE(contains(m, "instruction budget exceeded")) << m;
}

TEST(Sandbox, WallClockDeadline) {
  SandboxLimits limits;
  limits.instructions = INT64_MAX / 2;
  limits.deadline = std::chrono::milliseconds(50);
  const auto m = expect_failure(Harness("while true do end", "", limits));
  EXPECT_TRUE(contains(m, "deadline exceeded")) << m;
}

TEST(Sandbox, BudgetIsPerCall) {
  SandboxLimits limits;
  limits.instructions = 200'000;
  Harness h("for i = 1, 20000 do end return true", "", limits);
  for (int i = 0; i < 5; ++i) expect_true(h);
}

TEST(Sandbox, DeepRecursionIsACleanError) {
  const auto m =
      expect_failure(Harness("local function f(n) return 1 + f(n + 1) end return f(1) > 0"));
  EXPECT_TRUE(contains(m, "stack overflow")) << m;
}

TEST(Sandbox, ErrorObjectsThatAreNotStringsAreReported) {
  const auto m = expect_failure(Harness("error({})"));
  EXPECT_TRUE(contains(m, "t/h.lua:9: (error object is a table value)")) << m;
}

TEST(Sandbox, RequireRefusesPathsOutsidePlugins) {
  for (const char* name : {"../../etc/passwd", "/etc/passwd", "credit/rules", "Credit.Rules", ""}) {
    const auto m = expect_failure(Harness(std::string("require '") + name + "' return true"));
    EXPECT_TRUE(contains(m, "invalid module name")) << name << ": " << m;
  }
}

TEST(Sandbox, RequireFindsOnlyPluginFiles) {
  const auto m = expect_failure(Harness("require 'os' return true"));
  EXPECT_TRUE(contains(m, "module 'os' not found")) << m;
}

TEST(Sandbox, RequireLoadsAFixturePlugin) {
  Harness h("local r = require 'credit.rules' return type(r.eligible) == 'function'", "", {}, "",
            test::fixtures() / "plugins");
  expect_true(h);
}

TEST(Sandbox, RequireCachesModulesPerState) {
  Harness h("return require 'x.y' == require 'x.y'");
  h.tree.write("plugins/x/y.lua", "return {}");
  expect_true(h);
}

TEST(Sandbox, RequireOfABytecodeModuleIsRefused) {
  Harness h("require 'x.compiled' return true");
  h.tree.write("plugins/x/compiled.lua", std::string("\x1bLuaT\x00\x19\x93\r\n\x1a\n", 12));
  const auto m = expect_failure(h);
  EXPECT_TRUE(contains(m, "binary chunk")) << m;
}

TEST(Sandbox, ModuleErrorsCarryTheModulePosition) {
  Harness h("require 'x.broken' return true");
  h.tree.write("plugins/x/broken.lua", "local M = {}\nerror('broken module')\nreturn M\n");
  const auto m = expect_failure(h, "script error: x/broken.lua:2: broken module");
}

TEST(Sandbox, QKeptPastItsCallIsRefused) {
  Harness h(
      "local k = require 'keep.q' if k.q then return k.use() ~= nil end "
      "k.keep(q) return true");
  h.tree.write("plugins/keep/q.lua",
               "local M = {}\nfunction M.keep(q) M.q = q end\n"
               "function M.use() return M.q.today() end\nreturn M\n");
  expect_true(h);  // keeps q in the module
  const auto m = expect_failure(h, "script error: keep/q.lua:3:");
  EXPECT_TRUE(contains(m, "only valid during the call")) << m;
}

// A function taken from q is refused past its call too, even when the later call has made
// the same function for itself (each call's functions are its own closures).
TEST(Sandbox, QFunctionKeptPastItsCallIsRefused) {
  Harness h(
      "local k = require 'keep.f' local today = q.today() "
      "if k.f then return k.f() == today end k.f = q.today return true");
  h.tree.write("plugins/keep/f.lua", "return {}\n");
  expect_true(h);  // keeps q.today in the module
  const auto m = expect_failure(h);
  EXPECT_TRUE(contains(m, "only valid during the call")) << m;
}

// A kept q is refused on any use: looking a function up, listing it, in a later hook.
TEST(Sandbox, KeptQIsRefusedForLookupAndPairs) {
  Harness h("local k = require 'keep.q' if k.q then return k.use() end k.q = q return true");
  h.tree.write("plugins/keep/q.lua",
               "local M = {}\nfunction M.use() for _ in pairs(M.q) do end return true end\n"
               "return M\n");
  expect_true(h);
  const auto m = expect_failure(h, "script error: keep/q.lua:2:");
  EXPECT_TRUE(contains(m, "only valid during the call")) << m;
}

// One pooled state answers many calls: each call's q has every function, a function asked
// for twice in a call is the same, and q reads as a table of functions.
TEST(Sandbox, QWorksAcrossManyCallsOnOneState) {
  Harness h(
      "local n = 0 for name, f in pairs(q) do "
      "  if type(f) ~= 'function' or q[name] ~= f then return false, name end n = n + 1 end "
      "if n ~= 14 or type(q) ~= 'table' or q.nothing ~= nil then return false, 'shape' end "
      "if q.add_days(q.today(), 1) <= q.today() then return false, 'dates' end "
      "return q.days_between('2026-01-01', '2026-03-01') == 59 and q.actor().username == 'u'");
  h.q.who.username = "u";
  for (int i = 0; i < 500; ++i) {
    auto g = h.guard();
    ASSERT_TRUE(g.ok()) << i << ": " << g.error().message;
    ASSERT_TRUE(g->ok) << i << ": " << g->reason;
  }
}

TEST(Sandbox, CaseTablesAreFreshPerCall) {
  Harness h("if case.data.mark then return false, 'leaked' end case.data.mark = true return true");
  expect_true(h);
  expect_true(h);
}

}  // namespace
}  // namespace qc
