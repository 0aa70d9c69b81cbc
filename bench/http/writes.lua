-- wrk script for the http bench's write load: every connection opens a case of
-- bench.eight_step and then takes its `next` action STEPS times (one full ring by
-- default), sending the rev the previous answer returned, before opening the next case.
-- Answers describe themselves (the case JSON starts with "id" and carries "rev"), so a
-- thread keeps a queue of cases ready for their next step without knowing which
-- connection carried which request.
--
-- Environment: QC_TOKEN (Bearer token), QC_ENTERPRISE (USCC), QC_STEPS (default 8).
-- done() prints one JSON line: {"duration_s","transitions","created","errors","p50_ms","p99_ms"}.

local token = os.getenv("QC_TOKEN") or ""
local enterprise = os.getenv("QC_ENTERPRISE") or ""
local steps = tonumber(os.getenv("QC_STEPS") or "8")
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
local create_body = '{"procedure":"bench.eight_step","enterprise":"' .. enterprise ..
  '","data":{"score":80}}'

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

-- Per thread (each has its own Lua state).
local ready = {}   -- cases waiting for their next step: {id, rev}
local taken = {}   -- case id -> steps taken
transitions, created, errors = 0, 0, 0

function request()
  local c = table.remove(ready)
  if c == nil then
    return wrk.format("POST", "/api/v1/cases", headers, create_body)
  end
  return wrk.format("POST", "/api/v1/cases/" .. c.id .. "/actions/next", headers,
    '{"rev":' .. c.rev .. '}')
end

function response(status, _, body)
  if status == 200 then
    transitions = transitions + 1
  elseif status == 201 then
    created = created + 1
  else
    errors = errors + 1
    return
  end
  local id = tonumber(body:match('^{"id":(%d+)'))
  local rev = tonumber(body:match('"rev":(%d+)'))
  if id == nil or rev == nil then
    errors = errors + 1
    return
  end
  local n = (taken[id] or -1) + 1
  if n < steps then
    taken[id] = n
    table.insert(ready, { id = id, rev = rev })
  else
    taken[id] = nil
  end
end

function done(summary, latency, _)
  local t, c, e = 0, 0, summary.errors.status
  for _, thread in ipairs(threads) do
    t = t + thread:get("transitions")
    c = c + thread:get("created")
    e = e + thread:get("errors")
  end
  io.write(string.format(
    '{"duration_s":%.3f,"transitions":%d,"created":%d,"errors":%d,"p50_ms":%.3f,"p99_ms":%.3f}\n',
    summary.duration / 1e6, t, c, e, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
