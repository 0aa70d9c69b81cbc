-- 承诺企业监督与除名: a report that a listed enterprise broke its commitment is investigated
-- by the organiser that listed it; the enterprise explains; the organiser judges whether
-- there was a breach, its nature and impact, and gives a handling opinion; a serious breach
-- is delisted with a written notice to the enterprise and a public announcement.
-- Source: 工信部科[2011]366号 五（监督和管理）.
-- A public complaint about a listed enterprise opens a case here at once (`complaints`).
local rules = require "commitment.rules"
local basis = rules.BASIS_SUPERVISION

local EXPLAIN_WORKDAYS = 10 -- 企业说明期限，工作日

local function is_listed(case, q)
  if rules.current_listing(q, case.enterprise) then return true end
  return false, "该企业不在质量信誉承诺企业名单中，不能启动承诺监督（" .. basis .. "）"
end

-- Only the organising unit that listed the enterprise investigates it (五：交由活动组织单位
-- 进行调查).
local function listing_organizer_acts(case, q)
  local listing = rules.current_listing(q, case.enterprise)
  if not listing then return false, "该企业已不在承诺企业名单中（" .. basis .. "）" end
  local organizer = rules.listing_organizer(q, case.enterprise, listing)
  if organizer and organizer ~= q.actor().enterprise then
    return false, "该企业由其他组织单位列入名单，应由该组织单位调查处理（" .. basis .. "）"
  end
  return true
end

local function may_delist(case, q)
  if case.data.breach ~= true then
    return false, "未认定存在违背承诺行为（breach），不能除名；请结案（" .. basis .. "）"
  end
  return listing_organizer_acts(case, q)
end

local function request_explanation(case, fx, q)
  fx.set { explanation_due = q.add_workdays(q.today(), EXPLAIN_WORKDAYS) }
end

local function delist(case, fx, q)
  local name = rules.enterprise_name(q, case.enterprise)
  fx.delist { activity = rules.ACTIVITY }
  fx.set { delisted_on = q.today() }
  -- The breach enters the quality archive (违背质量承诺): later eligibility checks and the
  -- A/B/C/D classification see it; a public complaint behind it was found true.
  fx.record { category = "commitment_breach", basis = basis,
              detail = "违背质量信誉承诺，从承诺企业名单中除名：" .. case.data.nature }
  if case.data.complaint_id then
    fx.record { category = "complaint_upheld", basis = basis,
                detail = "投诉（编号" .. case.data.complaint_id .. "）经调查属实：" .. case.data.nature }
  end
  fx.announce {
    kind = "delisted",
    title = "中国工业企业质量信誉承诺企业除名公告",
    body = name .. "（统一社会信用代码" .. case.enterprise .. "）存在" .. case.data.nature ..
      "的违背质量信誉承诺行为，" .. case.data.impact .. "。依据工信部科[2011]366号文件第五部分，" ..
      "自" .. q.today() .. "起从“中国工业企业质量信誉承诺”企业名单中予以除名。",
  }
  fx.document {
    name = "delisting_notice",
    title = "除名通知书",
    body = name .. "：\n经调查，你单位存在违背质量信誉承诺的行为。\n性质：" .. case.data.nature ..
      "\n影响：" .. case.data.impact .. "\n处理意见：" .. case.data.opinion ..
      "\n依据《关于深入开展“中国工业企业质量信誉承诺活动”的通知》（工信部科[2011]366号）第五部分，" ..
      "决定自" .. q.today() .. "起将你单位从“中国工业企业质量信誉承诺”企业名单中予以除名，" ..
      "并在中国工业产品质量网正式发布。",
  }
end

local function organizer(t)
  t.role = "organizer"
  t.guard = t.guard or listing_organizer_acts
  t.basis = t.basis or basis
  return t
end

return procedure {
  id = "national.commitment_supervision",
  version = 1,
  title = "质量信誉承诺企业监督与除名",
  region = "000000",
  family = rules.ACTIVITY,
  basis = "《关于深入开展“中国工业企业质量信誉承诺活动”的通知》（工信部科[2011]366号）五",
  fields = {
    { name = "complaint_id", type = "integer", label = "投诉编号" },
    { name = "complaint", type = "text", label = "投诉或监督意见" },
    { name = "facts", type = "text", label = "调查情况" },
    { name = "explanation", type = "text", label = "企业情况说明" },
    { name = "breach", type = "boolean", label = "是否存在违背承诺行为" },
    { name = "nature", type = "text", label = "行为性质" },
    { name = "impact", type = "text", label = "影响" },
    { name = "opinion", type = "text", label = "处理意见" },
  },
  starters = { "organizer", "activity_office" },
  complaints = { listed_in = rules.ACTIVITY },
  guard = is_listed,
  start = "investigation",
  stages = {
    investigation = {
      title = "调查",
      basis = basis,
      actions = {
        request_explanation = organizer { title = "要求企业说明情况", to = "explanation",
                                          fields = { "facts" }, effects = request_explanation },
        dismiss = organizer { title = "不存在违背承诺行为，结案", to = "closed",
                              requires = { "opinion" }, fields = { "facts", "opinion" } },
      },
    },
    explanation = {
      title = "企业说明情况",
      basis = basis,
      timer = { workdays = EXPLAIN_WORKDAYS, fire = "explanation_overdue" },
      actions = {
        explain = { title = "提交情况说明", role = "enterprise", to = "judgment",
                    requires = { "explanation" }, fields = { "explanation" }, basis = basis },
        -- No explanation by the deadline: the case goes back to the organiser to judge.
        explanation_overdue = {
          title = "说明逾期", role = "system", to = "judgment",
          effects = function(case, fx) fx.set { explanation_overdue = true } end,
        },
      },
    },
    judgment = {
      title = "判断与处理意见",
      basis = basis,
      actions = {
        delist = organizer { title = "予以除名", to = "delisted", guard = may_delist,
                             requires = { "breach", "nature", "impact", "opinion" },
                             fields = { "breach", "nature", "impact", "opinion" } },
        dismiss = organizer { title = "不予除名，结案", to = "closed", requires = { "opinion" },
                              fields = { "breach", "nature", "impact", "opinion" } },
      },
    },
    delisted = { title = "已除名", basis = basis, terminal = true, on_enter = delist },
    closed = { title = "结案", terminal = true },
  },
}
