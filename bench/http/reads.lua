-- wrk script for the http bench's read load: GET /api/v1/cases/{id} for ids drawn at random
-- from 1..QC_CASES (a different seed per thread). The same script runs against the echo
-- server (the ceiling), which answers any target.
--
-- Environment: QC_TOKEN (Bearer token), QC_CASES (how many cases exist).
-- done() prints one JSON line: {"duration_s","requests","per_second","non_200","p50_ms","p99_ms"}.

local token = os.getenv("QC_TOKEN") or ""
local cases = tonumber(os.getenv("QC_CASES") or "1")
local headers = { ["Authorization"] = "Bearer " .. token }

local threads = {}
function setup(thread)
  thread:set("seed", #threads + 1)
  table.insert(threads, thread)
end

non_200 = 0
function init()
  math.randomseed(seed * 7919)
end

function request()
  return wrk.format("GET", "/api/v1/cases/" .. math.random(cases), headers)
end

function response(status)
  if status ~= 200 then non_200 = non_200 + 1 end
end

function done(summary, latency, _)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non_200") end
  local s = summary.duration / 1e6
  io.write(string.format(
    '{"duration_s":%.3f,"requests":%d,"per_second":%.0f,"non_200":%d,"p50_ms":%.3f,"p99_ms":%.3f}\n',
    s, summary.requests, summary.requests / s, bad, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3))
end
