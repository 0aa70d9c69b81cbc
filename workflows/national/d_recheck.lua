-- 严重失信（D级）企业复核曝光: a D the classification software computed is published only
-- after the facts and their degree are rechecked; the enterprise may state its case;
-- confirmed -> blacklist (黑名单) and public disclosure; not confirmed -> the record is
-- corrected and nothing is published.
-- Source: 《关于加强企业质量信用监管工作的意见》三(五): "需对外曝光的D级企业，必须严格掌握，
-- 并对失信事实和程度复核后方可确定。" and 四(四): "将D级企业纳入黑名单，依法向社会披露和曝光
-- 其违法、违规情节".
local abcd = require "credit.abcd"

local basis = "《关于加强企业质量信用监管工作的意见》三（五）"
-- Parameters: the time the enterprise has to state its case, and how long the blacklist
-- entry stands unless a re-grade withdraws it first (the D criteria look back 3 years).
local STATEMENT_WORKDAYS = 10
local BLACKLIST_YEARS = 3

-- not_confirm: the records the recheck found untrue (case.data.corrected_records) must be
-- records of this enterprise that still count; each is corrected when the case closes.
local function untrue_records_valid(case, q)
  local ids = case.data.corrected_records or {}
  local live = {}
  for _, r in ipairs(q.records(case.enterprise)) do live[r.id] = true end
  for _, id in ipairs(ids) do
    if math.type(id) ~= "integer" or not live[id] then
      return false, "记录" .. tostring(id) .. "不是该企业现有的质量记录", "corrected_records"
    end
  end
  return true
end

local function graded_d(case, q)
  local e = q.enterprise(case.enterprise)
  local r = e and abcd.classify(e, q.records(case.enterprise), q.today())
  if not r or r.grade ~= "D" then
    return false, "企业质量信用等级当前为" .. ((r and r.grade) or "未评级") .. "，只有D级企业需要复核曝光"
  end
  for _, other in ipairs(q.cases { procedure = "national.d_recheck",
                                   enterprise = case.enterprise, status = "active" }) do
    if other.id ~= case.id then return false, "该企业已有正在办理的D级复核（案件" .. other.id .. "）" end
  end
  return true
end

return procedure {
  id = "national.d_recheck",
  version = 1,
  title = "严重失信（D级）企业复核曝光",
  region = "000000",
  family = "national.abcd",
  basis = "国家质量监督检验检疫总局《关于加强企业质量信用监管工作的意见》三（五）、四（四）",
  fields = {
    { name = "facts", type = "text", label = "失信事实", required = true },
    { name = "statement", type = "text", label = "企业陈述申辩" },
    { name = "recheck_findings", type = "text", label = "复核意见" },
    { name = "correction", type = "text", label = "更正说明" },
    -- The ids of the records found untrue (GET /api/v1/enterprises/{uscc}/records). Empty
    -- when the facts are true but not serious enough to publish (程度不足).
    { name = "corrected_records", type = "array", label = "更正的质量记录" },
  },
  starters = { "samr" },
  max_open = 1, -- one open case per enterprise at a time
  guard = graded_d,
  start = "recheck",
  stages = {
    recheck = {
      title = "复核失信事实和程度",
      basis = basis,
      actions = {
        notify = { title = "告知企业，听取陈述申辩", role = "samr", level = "province",
                   to = "statement", basis = basis },
      },
    },
    statement = {
      title = "企业陈述申辩",
      timer = { workdays = STATEMENT_WORKDAYS, fire = "statement_window_passed" },
      actions = {
        state = { title = "提交陈述申辩", role = "enterprise", to = "decision",
                  requires = { "statement" }, fields = { "statement" } },
        statement_window_passed = { title = "陈述申辩期满", role = "system", to = "decision" },
      },
    },
    decision = {
      title = "复核决定",
      basis = basis,
      actions = {
        confirm = { title = "复核属实，纳入黑名单并曝光", role = "samr", level = "province",
                    to = "blacklisted", requires = { "recheck_findings" },
                    fields = { "recheck_findings" }, guard = graded_d,
                    basis = "《关于加强企业质量信用监管工作的意见》四（四）" },
        not_confirm = { title = "复核不属实，更正记录", role = "samr", level = "province",
                        to = "corrected", requires = { "correction" },
                        fields = { "correction", "corrected_records", "recheck_findings" },
                        guard = untrue_records_valid, basis = basis },
      },
    },
    blacklisted = {
      title = "已纳入黑名单",
      terminal = true,
      on_enter = function(case, fx, q)
        -- Not on the public grade lists: D is public only as a blacklist entry.
        fx.grant { grade = "D", years = BLACKLIST_YEARS, published = false }
        -- The confirmation itself is a record (严重失信): Jiangsu eligibility sees it; the
        -- A/B/C/D rules do not, so correcting the facts behind the D still lifts it.
        fx.record { category = "d_confirmed", detail = "经复核确认为D级（严重失信）：" .. (case.data.facts or "") }
        fx.announce {
          kind = "blacklisted",
          title = "严重失信（D级）企业黑名单",
          body = "经复核，失信事实属实：" .. (case.data.facts or "") ..
                 "。依据《关于加强企业质量信用监管工作的意见》四（四），纳入黑名单并向社会披露。",
        }
      end,
    },
    corrected = {
      title = "复核不属实，记录更正",
      terminal = true,
      on_enter = function(case, fx, q)
        -- The untrue records stay in the archive, marked corrected; the host re-grades the
        -- enterprise once the case has closed (grades are dynamic).
        local ids = case.data.corrected_records or {}
        if #ids > 0 then
          fx.correct_records { records = ids, reason = "D级复核不属实：" .. (case.data.correction or "") }
        end
        fx.document {
          name = "correction_notice",
          title = "质量信用记录复核更正通知",
          body = "经复核，失信事实不属实或程度不足：" .. (case.data.correction or "") ..
                 "。不予曝光，相关质量信用记录予以更正。",
        }
      end,
    },
  },
}
