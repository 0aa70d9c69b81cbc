-- The benchmark procedure: eight stages in a ring, each left by one guarded action.
-- scripts/bench runs it through the engine alone (bench/engine) and through the whole
-- server (http, startup, scale); xstate and bpmn-engine run the same machine
-- (bench/engine/xstate.mjs, bench/engine/eight_step.bpmn). A ring never closes, so a case
-- takes transitions for as long as a bench runs.
local function step(to)
  return {
    role = "admin", to = to,
    guard = function(case, q)
      local score = case.data.score or 0
      if score < 0 then return false, "score must not be negative" end
      return true
    end,
  }
end

return procedure {
  id = "bench.eight_step", version = 1, title = "Benchmark: eight guarded steps",
  region = "000000", family = "bench.eight_step",
  starters = { "admin" },
  fields = { { name = "score", type = "integer", label = "score" } },
  start = "s1",
  stages = {
    s1 = { title = "Step 1", actions = { next = step("s2") } },
    s2 = { title = "Step 2", actions = { next = step("s3") } },
    s3 = { title = "Step 3", actions = { next = step("s4") } },
    s4 = { title = "Step 4", actions = { next = step("s5") } },
    s5 = { title = "Step 5", actions = { next = step("s6") } },
    s6 = { title = "Step 6", actions = { next = step("s7") } },
    s7 = { title = "Step 7", actions = { next = step("s8") } },
    s8 = { title = "Step 8", actions = { next = step("s1") } },
  },
}
