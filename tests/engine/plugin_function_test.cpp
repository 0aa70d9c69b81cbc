// PluginFunction: the host calls a plugin module's function with plain data and reads the
// answer back; failures are values with file:line, and a failed state is never reused.
#include "engine/plugin_function.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

namespace qc {
namespace {

namespace json = boost::json;

const std::filesystem::path kPlugins =
    std::filesystem::path(QC_SOURCE_DIR) / "tests/engine/fixtures/plugins";

std::shared_ptr<PluginFunction> load(const std::string& fn, SandboxLimits limits = {}) {
  auto f = PluginFunction::load(kPlugins, limits, "calls.sample", fn);
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
  return f.ok() ? f.value() : nullptr;
}

TEST(PluginFunctionTest, PassesPlainDataInAndOut) {
  auto f = load("double");
  ASSERT_TRUE(f);
  auto r = f->call(json::object{{"numbers", json::array{1, 2, 3}}, {"name", "甲"}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->at("numbers"), (json::array{2, 4, 6}));
  EXPECT_EQ(r->at("name"), "甲");
  EXPECT_EQ(f->name(), "calls.sample.double");
}

TEST(PluginFunctionTest, ReusesTheStateBetweenCalls) {
  auto f = load("double");
  ASSERT_TRUE(f);
  const json::object arg{{"numbers", json::array{}}, {"name", "x"}};
  ASSERT_EQ(f->call(arg)->at("calls").as_int64(), 1);
  ASSERT_EQ(f->call(arg)->at("calls").as_int64(), 2);  // same state: the module's local counted on
  EXPECT_EQ(f->idle_states(), 1u);
}

// The collector pauses during a call (batch calls keep their data alive to the end), but
// garbage still cannot push a call over the memory cap: the allocator's refusal makes Lua
// collect first. What is really kept alive still hits the cap.
TEST(PluginFunctionTest, GarbageOfACallIsCollectedBeforeTheMemoryCapIsHit) {
  SandboxLimits limits;
  limits.memory_bytes = 4u << 20;
  auto churn = load("churn", limits);
  ASSERT_TRUE(churn);
  for (int i = 0; i < 3; ++i) {  // ~20 MiB of garbage a call, in a 4 MiB state
    auto r = churn->call(json::object{{"n", 300000}});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->at("last"), 300000);
  }
  EXPECT_EQ(churn->idle_states(), 1u);
  auto hoard = load("hoard", limits);
  ASSERT_TRUE(hoard);
  auto r = hoard->call(json::object{{"n", 300000}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("memory limit exceeded"), std::string::npos)
      << r.error().message;
}

TEST(PluginFunctionTest, ScriptErrorsCarryFileAndLineAndDropTheState) {
  auto f = load("fail");
  ASSERT_TRUE(f);
  auto r = f->call(json::object{{"why", "no"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::internal);
  EXPECT_NE(r.error().message.find("calls/sample.lua:13: refused: no"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(f->idle_states(), 0u);
  // The next call prepares a fresh state.
  EXPECT_FALSE(f->call(json::object{{"why", "again"}}).ok());
}

TEST(PluginFunctionTest, BudgetStopsARunawayCallAndTheNextCallWorks) {
  SandboxLimits limits;
  limits.instructions = 100'000;
  auto spin = load("spin", limits);
  ASSERT_TRUE(spin);
  auto r = spin->call(nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("instruction budget exceeded"), std::string::npos)
      << r.error().message;
  auto twice = load("double", limits);
  ASSERT_TRUE(twice);
  EXPECT_TRUE(twice->call(json::object{{"numbers", json::array{1}}}).ok());
}

TEST(PluginFunctionTest, GlobalsStayFrozenAndFunctionsDoNotConvert) {
  auto leak = load("leak_global");
  ASSERT_TRUE(leak);
  auto r = leak->call(nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("undeclared global 'leaked'"), std::string::npos);
  auto give = load("give_function");
  ASSERT_TRUE(give);
  auto g = give->call(nullptr);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find("function"), std::string::npos) << g.error().message;
}

TEST(PluginFunctionTest, LoadRefusesMissingModulesAndFunctions) {
  auto missing = PluginFunction::load(kPlugins, {}, "calls.nothing", "f");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("not found"), std::string::npos);
  auto not_fn = PluginFunction::load(kPlugins, {}, "calls.sample", "not_a_function");
  ASSERT_FALSE(not_fn.ok());
  EXPECT_NE(not_fn.error().message.find("no function 'not_a_function'"), std::string::npos)
      << not_fn.error().message;
  auto bad_name = PluginFunction::load(kPlugins, {}, "../etc", "f");
  EXPECT_FALSE(bad_name.ok());
}

TEST(PluginFunctionTest, ConcurrentCallersEachGetTheirOwnAnswer) {
  auto f = load("double");
  ASSERT_TRUE(f);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto r = f->call(json::object{{"numbers", json::array{t, i}}});
        if (!r || r->at("numbers") != json::array{2 * t, 2 * i}) ++wrong;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GE(f->idle_states(), 1u);
}

}  // namespace
}  // namespace qc
