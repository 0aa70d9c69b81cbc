// Guarded transitions per second through the Lua engine alone (no I/O): one case walks the
// benchmark procedure's ring (bench/workflows/bench/eight_step.lua); each step runs the
// action's guard in the sandbox and moves the case to the action's target, as the service
// does when it plans a transition.
//
//   qc-bench-engine WORKFLOWS PLUGINS [SECONDS]   prints
//   {"transitions":N,"seconds":S,"per_second":R}
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "core/query.hpp"
#include "engine/engine.hpp"

namespace {

// The guard reads only the case; every question to the store answers "nothing".
struct EmptyQuery final : qc::QueryPort {
  qc::Actor who{"bench", "bench", {qc::RoleGrant{"admin", "000000"}}, std::nullopt};
  qc::WorkCalendar cal;
  const qc::Actor& actor() const override { return who; }
  qc::Instant now() const override { return qc::Instant{}; }
  const qc::WorkCalendar& calendar() const override { return cal; }
  std::optional<qc::Enterprise> enterprise(const std::string&) const override {
    return std::nullopt;
  }
  std::vector<qc::QualityRecord> records(const std::string&) const override { return {}; }
  std::vector<qc::Grant> grants(const std::string&, const std::string&) const override {
    return {};
  }
  std::vector<qc::Ban> bans(const std::string&, const std::string&) const override { return {}; }
  std::vector<qc::Listing> listings(const std::string&, const std::string&) const override {
    return {};
  }
  std::vector<qc::Case> cases(const qc::CaseFilter&) const override { return {}; }
};

// One guarded transition; false when the guard refuses or the script fails.
bool step(const qc::ProcedureSet& set, const qc::ProcedureDef& def, qc::CaseView& c,
          const qc::QueryPort& q) {
  const auto* stage = def.stage(c.stage);
  const auto* action = stage ? stage->action("next") : nullptr;
  if (!action) return false;
  auto outcome = set.guard(def, c.stage, "next", c, q);
  if (!outcome || !outcome->ok) return false;
  c.stage = action->to.front();
  ++c.rev;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: qc-bench-engine WORKFLOWS PLUGINS [SECONDS]\n";
    return 2;
  }
  const double seconds = argc > 3 ? std::atof(argv[3]) : 3.0;
  auto loaded = qc::Engine(argv[1], argv[2], qc::SandboxLimits{}).load();
  if (!loaded.set) {
    for (const auto& e : loaded.errors)
      std::cerr << e.file << ":" << e.line << ": " << e.message << "\n";
    return 1;
  }
  const auto* def = loaded.set->find("bench.eight_step", 1);
  if (!def) {
    std::cerr << "bench.eight_step v1 is not in " << argv[1] << "\n";
    return 1;
  }
  EmptyQuery q;
  qc::CaseView c;
  c.id = 1;
  c.procedure = def->id;
  c.version = def->version;
  c.enterprise = "91320102MA1NAB8K2X";
  c.stage = def->start;
  c.status = "active";
  c.data["score"] = 80;

  using clock = std::chrono::steady_clock;
  // Warm-up as for the Node peers: a tenth of the run, at least 0.5 s (the pool's state,
  // caches, branch predictors).
  const auto warm = clock::now() + std::chrono::duration<double>(std::max(0.5, seconds / 10));
  while (clock::now() < warm)
    if (!step(*loaded.set, *def, c, q)) return 1;
  int64_t n = 0;
  const auto start = clock::now();
  const auto until = start + std::chrono::duration<double>(seconds);
  auto now = start;
  do {
    for (int i = 0; i < 256; ++i) {
      if (!step(*loaded.set, *def, c, q)) {
        std::cerr << "guard refused at stage " << c.stage << "\n";
        return 1;
      }
    }
    n += 256;
    now = clock::now();
  } while (now < until);
  const double s = std::chrono::duration<double>(now - start).count();
  std::printf("{\"transitions\":%lld,\"seconds\":%.3f,\"per_second\":%.0f}\n",
              static_cast<long long>(n), s, static_cast<double>(n) / s);
  return 0;
}
