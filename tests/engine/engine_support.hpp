#pragma once
// Shared by the engine tests: a temporary workflows/plugins tree and a QueryPort made of
// plain vectors (the engine's input, filled by each test).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace qc::test {

inline std::filesystem::path fixtures() {
  return std::filesystem::path(QC_SOURCE_DIR) / "tests/engine/fixtures";
}

class TempTree {
 public:
  TempTree() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("qc-engine-" + std::to_string(rd()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(root_ / "workflows");
    std::filesystem::create_directories(root_ / "plugins");
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  std::filesystem::path workflows() const { return root_ / "workflows"; }
  std::filesystem::path plugins() const { return root_ / "plugins"; }

  // `rel` under the tree root, e.g. "workflows/x/a.lua" or "plugins/credit/rules.lua".
  void write(const std::string& rel, const std::string& text) const {
    const auto path = root_ / rel;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  Engine::LoadResult load(SandboxLimits limits = {}) const {
    return Engine(workflows(), plugins(), limits).load();
  }

 private:
  std::filesystem::path root_;
};

struct FakeQuery final : QueryPort {
  Actor who;
  Instant at{};
  WorkCalendar cal;
  std::vector<Enterprise> enterprises;
  std::vector<QualityRecord> quality_records;
  std::vector<Grant> grant_list;
  std::vector<Ban> ban_list;
  std::vector<Listing> listing_list;
  std::vector<Case> case_list;

  const Actor& actor() const override { return who; }
  Instant now() const override { return at; }
  const WorkCalendar& calendar() const override { return cal; }
  std::optional<Enterprise> enterprise(const std::string& uscc) const override {
    for (const auto& e : enterprises)
      if (e.uscc == uscc) return e;
    return std::nullopt;
  }
  std::vector<QualityRecord> records(const std::string& uscc) const override {
    std::vector<QualityRecord> out;
    for (const auto& r : quality_records)
      if (r.uscc == uscc) out.push_back(r);
    return out;
  }
  std::vector<Grant> grants(const std::string& uscc, const std::string& family) const override {
    std::vector<Grant> out;
    for (const auto& g : grant_list)
      if (g.uscc == uscc && (family.empty() || g.family == family)) out.push_back(g);
    return out;
  }
  std::vector<Ban> bans(const std::string& uscc, const std::string& family) const override {
    std::vector<Ban> out;
    for (const auto& b : ban_list)
      if (b.uscc == uscc && (family.empty() || b.family == family)) out.push_back(b);
    return out;
  }
  std::vector<Listing> listings(const std::string& uscc,
                                const std::string& activity) const override {
    std::vector<Listing> out;
    for (const auto& l : listing_list)
      if (l.uscc == uscc && (activity.empty() || l.activity == activity)) out.push_back(l);
    return out;
  }
  std::vector<Case> cases(const CaseFilter& f) const override {
    std::vector<Case> out;
    for (const auto& c : case_list)
      if ((!f.procedure || c.procedure == *f.procedure) &&
          (!f.enterprise || c.enterprise == *f.enterprise) && (!f.stage || c.stage == *f.stage) &&
          (!f.status || c.status == *f.status))
        out.push_back(c);
    return out;
  }
};

// Joins load errors for failure messages.
inline std::string describe(const std::vector<LoadError>& errors) {
  std::string out;
  for (const auto& e : errors)
    out += e.file + ":" + std::to_string(e.line) + ": " + e.message + "\n";
  return out;
}

// A one-file procedure (t/h.lua) whose action `run` in stage `a` has the given guard and
// effects bodies (each written on one line: the guard's on line 9, the effects' on line
// 12), beside an action `good` whose guard is always true.
inline constexpr int kGuardLine = 9;
inline constexpr int kEffectsLine = 12;

struct Harness {
  TempTree tree;
  std::shared_ptr<const ProcedureSet> set;
  const ProcedureDef* def = nullptr;
  FakeQuery q;
  CaseView c;

  explicit Harness(const std::string& guard_body, const std::string& effects_body = "",
                   SandboxLimits limits = {}, const std::string& pre = "",
                   std::optional<std::filesystem::path> plugins = std::nullopt) {
    tree.write("workflows/t/h.lua", pre + "\n" + R"(return procedure {
  id = "t.h", version = 1, title = "H", region = "320000", family = "t.h",
  start = "a",
  stages = {
    a = { title = "A", actions = {
      run = { role = "samr", to = "b",
        guard = function(case, q)
)" + guard_body + R"(
        end,
        effects = function(case, fx, q)
)" + effects_body + R"(
        end },
      good = { role = "samr", to = "b", guard = function(case, q) return true end },
    } },
    b = { title = "B", terminal = true },
  },
}
)");
    auto result = Engine(tree.workflows(), plugins.value_or(tree.plugins()), limits).load();
    EXPECT_NE(result.set, nullptr) << describe(result.errors);
    set = result.set;
    if (set) def = set->find("t.h", 1);
    c.id = 7;
    c.procedure = "t.h";
    c.version = 1;
    c.enterprise = "91320000MA1XXXXXX1";
    c.stage = "a";
    c.status = "active";
    c.rev = 3;
  }

  Result<GuardOutcome> guard(const std::string& action = "run") const {
    return set->guard(*def, "a", action, c, q);
  }
  Result<std::vector<Effect>> effects() const {
    return set->hook(*def, HookKind::effects, "a", "run", c, q);
  }
  // A failed call must not break the set: the next call works.
  void expect_still_works() const {
    auto g = guard("good");
    ASSERT_TRUE(g.ok()) << g.error().message;
    EXPECT_TRUE(g->ok);
  }
};

}  // namespace qc::test
