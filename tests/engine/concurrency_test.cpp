// Several threads calling one set at once: each call borrows its own Lua state; failing
// calls drop theirs without disturbing the others.
#include <thread>

#include "engine/engine_support.hpp"

namespace qc {
namespace {

TEST(Concurrency, ManyThreadsCallGuardsAtOnce) {
  test::Harness h(
      "local s = 0 for i = 1, 2000 do s = s + i end "
      "if case.data.n % 7 == 0 then error('seven') end "
      "if case.data.n % 2 == 0 then return true end return false, 'odd ' .. case.data.n");
  constexpr int kThreads = 4;
  constexpr int kCalls = 60;
  std::vector<int> wrong(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        CaseView c = h.c;
        const int n = t * 1000 + i;
        c.data["n"] = n;
        auto g = h.set->guard(*h.def, "a", "run", c, h.q);
        const bool as_expected =
            n % 7 == 0   ? (!g.ok() && g.error().message == "script error: t/h.lua:9: seven")
            : n % 2 == 0 ? (g.ok() && g->ok)
                         : (g.ok() && !g->ok && g->reason == "odd " + std::to_string(n));
        if (!as_expected) ++wrong[t];
      }
    });
  for (auto& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
  h.expect_still_works();
}

}  // namespace
}  // namespace qc
