-- 江苏省企业质量信用等级认定 (A / AA / AAA).
-- Source: 《江苏省企业质量信用等级认定管理办法》; articles are cited as the text numbers them.
-- Walk-through for officers: docs/procedures/jiangsu_grade_recognition.md.
local eligibility = require "jiangsu.eligibility" -- plugins/jiangsu/eligibility.lua

-- Parameters a province may change (a new file version applies to new cases).
local NOTICE_WORKDAYS = 5 -- 公示期，工作日（第五条、第十二条（七））
local CORRECTION_WORKDAYS = 10 -- 退回补正期限，工作日；逾期未补正的申请失效
local EXPERTS_OF, EXPERTS_PASS = 5, 3 -- 专家评审：5名专家，3票通过（第五条“集体决策”、第十二条（五））
local FALSE_MATERIALS_BAN_YEARS = 2 -- 第十六条：未如实提供证明材料，2年内不得申报
local VALIDITY_YEARS = 5 -- 第十五条：有效期5年，自认定公告之日开始计算

local BAN_BASIS = "第十六条"

-- The grade is fixed when the enterprise submits; reviewers may add opinions but not
-- change what is being recognised.
local function grade_unchanged(case)
  if case.data.requested_grade == case.data.submitted_grade then return true end
  return false, "申报等级已于提交时确定为" .. tostring(case.data.submitted_grade)
    .. "级，审查中不得更改；如需变更，请退回企业补正后重新提交"
end

-- A decision re-checks what it depends on (第九条、第十条、第十六条): a record or a ban that
-- arrived after submission refuses the approval, naming it.
local function still_eligible(case, q)
  local ok, why = grade_unchanged(case)
  if not ok then return ok, why end
  return eligibility.check(case, q)
end

-- The grant re-runs eligibility and the ban check as of its day: a case that no longer
-- qualifies ends refused, with the reason, instead of being announced.
local function grant_or_refuse(case, q)
  if eligibility.check(case, q) then return "announced" end
  return "ineligible"
end

local function refuse_ineligible(case, fx, q)
  local _, why = eligibility.check(case, q)
  fx.set { refusal_reason = why }
  fx.document {
    name = "refusal_decision",
    title = "不予认定决定书",
    body = "你单位申报的江苏省企业质量信用" .. tostring(case.data.requested_grade) .. "级认定，"
      .. "经公示后认定前复核：" .. tostring(why) .. "。依据第九条、第十条，不予认定。",
  }
end

-- Every review stage (all but the expert vote) offers the same four decisions to its
-- reviewer: approve onwards, return for correction, reject, or return the application for
-- false materials (第十六条). Each needs only rev and an optional comment.
local function review(spec)
  local function action(t)
    t.role, t.level, t.guard = spec.role, spec.level, grade_unchanged
    return t
  end
  return {
    title = spec.title,
    basis = spec.basis,
    actions = {
      approve = action {
        title = spec.approve, to = spec.to, route = spec.route, basis = spec.basis,
        fields = spec.fields, guard = still_eligible,
      },
      ["return"] = action {
        title = "退回补正", to = "application", fields = { "correction_request" },
        basis = spec.basis,
      },
      reject = action { title = "不予通过", to = "rejected", basis = spec.basis },
      false_materials = action {
        title = "未如实提供材料，退回申请", to = "returned", basis = BAN_BASIS,
      },
    },
  }
end

local function by_grade(a, aa, aaa)
  return function(case)
    local g = case.data.requested_grade
    if g == "A" then return a end
    if g == "AA" then return aa end
    return aaa
  end
end

-- The day the notice closes: the Nth working day after it opens. The announcement is
-- dated the day after (the Beijing date of the timer's due instant, API.md "Time"); the
-- first window is kept when an objection is dismissed, so it is recorded only once.
local function record_notice_window(case, fx, q)
  if case.data.notice_last_day then return end
  fx.set { notice_opened_on = q.today(), notice_last_day = q.add_workdays(q.today(), NOTICE_WORKDAYS) }
end

local function announce(case, fx, q)
  local grade = case.data.requested_grade
  local from = case.data.notice_last_day and q.add_days(case.data.notice_last_day, 1) or q.today()
  local to = q.add_days(q.anniversary(from, VALIDITY_YEARS), -1)
  local ent = q.enterprise(case.enterprise)
  local name = ent and ent.name or case.enterprise
  fx.set { announced_on = from, valid_from = from, valid_to = to }
  fx.grant { grade = grade, years = VALIDITY_YEARS }
  fx.announce {
    kind = "grade_announced",
    title = "江苏省企业质量信用" .. grade .. "级企业认定公告",
    body = name .. "（统一社会信用代码" .. case.enterprise .. "）经公示无异议，认定为江苏省企业质量信用"
      .. grade .. "级企业，有效期自" .. from .. "至" .. to .. "。",
  }
  local body = {
    "根据《江苏省企业质量信用等级认定管理办法》第十二条，经企业申报，县（市、区）、设区市市场监管部门"
      .. "审查和发展改革部门复核，江苏省市场监督管理局会同江苏省发展和改革委员会审查，并于"
      .. case.data.notice_opened_on .. "至" .. case.data.notice_last_day .. "公示无异议，现联合认定：",
    name .. "（统一社会信用代码：" .. case.enterprise .. "）为江苏省企业质量信用" .. grade .. "级企业。",
    "依据第十五条，认定结果有效期为" .. VALIDITY_YEARS .. "年，自本公告之日开始计算，即"
      .. from .. "至" .. to .. "。",
    "依据第十六条、第十七条，认定后发现弄虚作假，或在有效期内发生重大质量事故、反映问题较多且"
      .. "经查实的，将视情节责令限期整改、暂停使用质量信用等级宣传或撤销认定结果并予以公告。",
    "江苏省市场监督管理局　江苏省发展和改革委员会",
  }
  fx.document {
    name = "announcement",
    title = "江苏省企业质量信用等级认定公告",
    body = table.concat(body, "\n"),
  }
end

local function impose_false_materials_ban(case, fx, q)
  local until_day = q.add_days(q.anniversary(q.today(), FALSE_MATERIALS_BAN_YEARS), -1)
  fx.ban {
    years = FALSE_MATERIALS_BAN_YEARS,
    reason = "认定过程中未如实提供证明材料，退回申请（第十六条）",
    basis = BAN_BASIS,
  }
  fx.record {
    category = "false_materials", basis = BAN_BASIS,
    detail = "江苏省企业质量信用等级认定（申报" .. tostring(case.data.requested_grade) .. "级）中未如实提供证明材料",
  }
  fx.document {
    name = "return_decision",
    title = "退回质量信用等级认定申请决定书",
    body = "经审查，你单位在江苏省企业质量信用等级认定（申报" .. tostring(case.data.requested_grade)
      .. "级）过程中未如实提供证明材料。\n"
      .. "依据《江苏省企业质量信用等级认定管理办法》第十六条，退回你单位的申请，" .. FALSE_MATERIALS_BAN_YEARS
      .. "年内不得申报（" .. q.today() .. "至" .. until_day .. "）。",
  }
end

return procedure {
  id = "jiangsu.grade_recognition",
  version = 1,
  title = "江苏省企业质量信用等级认定",
  region = "320000",
  family = "jiangsu.quality_grade",
  basis = "《江苏省企业质量信用等级认定管理办法》",
  fields = {
    { name = "requested_grade", type = "enum", options = { "A", "AA", "AAA" }, label = "申报等级",
      required = true },
    { name = "revenue_by_year", type = "object", label = "近年营业收入（年份→万元，AA/AAA必填）" },
    { name = "management_system", type = "text", label = "质量管理体系及质量信用管理情况" },
    { name = "attachments", type = "array", label = "申请资料清单" },
    { name = "correction_request", type = "text", label = "补正要求" },
    { name = "city_opinion", type = "text", label = "设区市A级认定意见／AA、AAA级推荐意见" },
    { name = "onsite_findings", type = "text", label = "现场核查意见" },
  },
  -- 第五条“自愿申报”: only the enterprise itself applies.
  starters = { "enterprise" },
  max_open = 1, -- one application at a time
  start = "application",
  stages = {
    application = {
      title = "企业申报",
      basis = "第十二条（一）",
      -- After a return the enterprise has CORRECTION_WORKDAYS to resubmit; an unused
      -- correction period ends the application (it may apply again later).
      timer = { workdays = CORRECTION_WORKDAYS, fire = "lapse", on = { "return" } },
      actions = {
        submit = {
          title = "提交申报",
          role = "enterprise",
          to = "county_review",
          basis = "第九条、第十条、第十二条（一）",
          fields = { "requested_grade", "revenue_by_year", "management_system", "attachments" },
          guard = eligibility.check,
          effects = function(case, fx, q)
            fx.set { submitted_grade = case.data.requested_grade, submitted_on = q.today() }
          end,
        },
        withdraw = { title = "撤回申报", role = "enterprise", to = "withdrawn", basis = "第五条" },
        lapse = { title = "补正期满未提交", role = "system", to = "lapsed" },
      },
    },
    county_review = review {
      title = "县级市场监管部门初步审查", basis = "第十二条（二）", role = "samr", level = "county",
      approve = "初审通过", to = "county_recheck",
    },
    county_recheck = review {
      title = "县级发展改革部门复核", basis = "第十二条（二）", role = "drc", level = "county",
      approve = "复核通过", to = "city_review",
    },
    city_review = review {
      title = "设区市市场监管部门评审", basis = "第十二条（三）", role = "samr", level = "city",
      approve = "评审通过（提出A级认定意见／推荐AA、AAA级）", to = "city_recheck",
      fields = { "city_opinion" },
    },
    city_recheck = review {
      title = "设区市发展改革部门复核", basis = "第十二条（三）", role = "drc", level = "city",
      approve = "复核通过", to = { "province_confirm", "expert_review" },
      route = by_grade("province_confirm", "expert_review", "expert_review"),
    },
    province_confirm = review {
      title = "省级综合考查确认A级", basis = "第十二条（四）", role = "samr", level = "province",
      approve = "确认A级", to = "credit_review",
    },
    expert_review = {
      title = "专家资料评审",
      basis = "第十二条（五）",
      votes = { role = "expert", level = "province", of = EXPERTS_OF, pass = EXPERTS_PASS,
                passed = "experts_passed", failed = "experts_failed" },
      actions = {
        experts_passed = {
          title = "专家评审通过", role = "system", to = { "credit_review", "onsite_check" },
          route = by_grade("credit_review", "credit_review", "onsite_check"),
        },
        experts_failed = { title = "专家评审未通过", role = "system", to = "rejected" },
      },
    },
    onsite_check = review {
      title = "专家现场核查（AAA级）", basis = "第十二条（六）", role = "samr", level = "province",
      approve = "现场核查通过", to = "credit_review", fields = { "onsite_findings" },
    },
    credit_review = review {
      title = "省级信用状况审查", basis = "第十二条（七）", role = "drc", level = "province",
      approve = "审查通过，予以公示", to = "public_notice",
    },
    public_notice = {
      title = "社会公示",
      basis = "第五条、第十二条（七）",
      notice = { title = "江苏省企业质量信用等级拟认定公示", outcome = "拟认定" },
      timer = { workdays = NOTICE_WORKDAYS, fire = "notice_passed", keep = true },
      on_enter = record_notice_window,
      actions = {
        object = { title = "提出异议", role = "public", to = "objection_review", basis = "第七条" },
        notice_passed = { title = "公示期满无异议", role = "system", to = { "announced", "ineligible" },
                          route = grant_or_refuse, basis = "第十二条（七）" },
      },
    },
    objection_review = {
      title = "异议处理",
      basis = "第七条",
      actions = {
        uphold = { title = "异议成立，不予认定", role = "samr", level = "province", to = "rejected",
                   guard = grade_unchanged },
        dismiss = { title = "异议不成立，继续公示", role = "samr", level = "province",
                    to = "public_notice", guard = still_eligible },
        false_materials = { title = "未如实提供材料，退回申请", role = "samr", level = "province",
                            to = "returned", basis = BAN_BASIS, guard = grade_unchanged },
      },
    },
    announced = {
      title = "联合发文认定",
      basis = "第十二条（七）、第十五条",
      terminal = true,
      on_enter = announce,
    },
    rejected = { title = "不予认定", terminal = true },
    ineligible = { title = "认定前复核不符合条件，不予认定", basis = "第九条、第十条", terminal = true,
                   on_enter = refuse_ineligible },
    returned = {
      title = "退回申请（" .. FALSE_MATERIALS_BAN_YEARS .. "年内不得申报）",
      basis = BAN_BASIS,
      terminal = true,
      on_enter = impose_false_materials_ban,
    },
    withdrawn = { title = "企业撤回", terminal = true },
    lapsed = { title = "逾期未补正，申请失效", terminal = true },
  },
}
