-- 质量信用等级认定后的监督处理: sanctions on an announced Jiangsu quality-credit grade.
-- Source: 《江苏省企业质量信用等级认定管理办法》第十六条（认定结果公告后发现弄虚作假）、
-- 第十七条（有效期内发生重大质量事故，反映问题较多且经查实）、第十八条（投诉举报的调查处理）.
-- The bans it imposes are in the grade's family, so they refuse new applications
-- (jiangsu.grade_recognition); its own family only names its cases.
local GRADE_FAMILY = "jiangsu.quality_grade"

-- Parameters a province may change.
local RECTIFY_WORKDAYS = 30 -- 限期整改期限，工作日（第十七条“责令企业限期整改”）
local BAN_YEARS = {
  fraud = 2, -- 第十六条：撤销等级认定结果并向社会公告，2年内不得重新申报
  accident = 5, -- 第十七条：撤销质量信用等级认定结果的，5年内不得重新申报
}
local GROUND_BASIS = { fraud = "第十六条", accident = "第十七条" }
local GROUND_TEXT = {
  fraud = "质量信用等级认定结果公告后发现弄虚作假",
  accident = "在有效期内发生重大质量事故或反映问题较多且经查实",
}

local function the_grant(case, q)
  for _, g in ipairs(q.grants(case.enterprise, GRADE_FAMILY)) do
    if g.id == case.data.grant_id then return g end
  end
  return nil
end

-- Opening: the grant must be this enterprise's, in the Jiangsu grade family, active, and
-- not already under another open sanction case.
local function grant_is_sanctionable(case, q)
  local g = the_grant(case, q)
  if not g then
    return false, "等级认定编号" .. tostring(case.data.grant_id) .. "不是该企业的江苏省质量信用等级认定"
  end
  -- 第十六条 reaches fraud found after the announcement, also once the grade has expired.
  local fraud_on_expired = case.data.ground == "fraud" and g.status == "expired"
  if g.status ~= "active" and not fraud_on_expired then
    return false, "等级认定编号" .. g.id .. "当前状态为" .. g.status .. "，只能对有效的等级认定进行处理"
      .. "（已届满的等级认定仅可因弄虚作假依第十六条撤销）"
  end
  for _, other in ipairs(q.cases { procedure = "jiangsu.grade_sanction", enterprise = case.enterprise,
                                   status = "active" }) do
    if other.id ~= case.id and other.data.grant_id == g.id then
      return false, "该等级认定已有正在办理的处理案件（案件" .. other.id .. "）"
    end
  end
  return true
end

-- A later decision needs the grant still in force (it may have expired meanwhile).
local function grant_in_force(case, q)
  local g = the_grant(case, q)
  if g and (g.status == "active" or g.status == "suspended") then return true end
  if g and g.status == "expired" and case.data.ground == "fraud" then return true end
  return false, "该等级认定已" .. (g and g.status or "不存在") .. "，不能再作处理"
end

-- 第十六条 leaves one measure for fraud: revocation. Rectification and suspension are the
-- graded measures of 第十七条.
local function accident_only(case, q)
  if case.data.ground ~= "accident" then
    return false, "弄虚作假的，依第十六条应撤销等级认定结果；限期整改、暂停使用仅适用于第十七条情形"
  end
  return grant_in_force(case, q)
end

local function enterprise_name(case, q)
  local ent = q.enterprise(case.enterprise)
  return ent and ent.name or case.enterprise
end

local function notify_rectification(case, fx, q)
  local due = q.add_workdays(q.today(), RECTIFY_WORKDAYS)
  fx.set { rectification_due = due }
  fx.document {
    name = "rectification_notice",
    title = "责令限期整改通知书",
    body = enterprise_name(case, q) .. "：\n经查实，你单位" .. GROUND_TEXT.accident
      .. "。依据《江苏省企业质量信用等级认定管理办法》第十七条，责令你单位于" .. due
      .. "前完成整改，并报送整改情况。逾期未整改或整改不到位的，将视情节暂停使用质量信用等级宣传"
      .. "或撤销质量信用等级认定结果。",
  }
end

local function revoke(case, fx, q)
  local ground = case.data.ground
  local years = BAN_YEARS[ground]
  local until_day = q.add_days(q.anniversary(q.today(), years), -1)
  local name = enterprise_name(case, q)
  fx.revoke { grant_id = case.data.grant_id }
  fx.ban {
    family = GRADE_FAMILY,
    years = years,
    reason = GROUND_TEXT[ground] .. "，撤销质量信用等级认定结果（" .. GROUND_BASIS[ground] .. "）",
    basis = GROUND_BASIS[ground],
  }
  fx.record {
    category = "grade_revoked", basis = GROUND_BASIS[ground],
    detail = "江苏省企业质量信用等级认定结果（认定编号" .. case.data.grant_id .. "）因" .. GROUND_TEXT[ground] .. "被撤销",
  }
  fx.set { revoked_on = q.today(), ban_until = until_day }
  fx.announce {
    kind = "grade_revoked",
    title = "撤销江苏省企业质量信用等级认定结果公告",
    body = name .. "（统一社会信用代码" .. case.enterprise .. "）" .. GROUND_TEXT[ground] .. "，依据"
      .. GROUND_BASIS[ground] .. "撤销其质量信用等级认定结果，" .. years .. "年内不得重新申报。",
  }
  fx.document {
    name = "revocation_decision",
    title = "撤销质量信用等级认定结果决定书",
    body = name .. "：\n经查实，你单位" .. GROUND_TEXT[ground]
      .. "。依据《江苏省企业质量信用等级认定管理办法》" .. GROUND_BASIS[ground]
      .. "，决定撤销你单位的质量信用等级认定结果（认定编号" .. case.data.grant_id .. "），并向社会公告；"
      .. years .. "年内（" .. q.today() .. "至" .. until_day .. "）不得重新申报。",
  }
end

local function province(t)
  t.role, t.level = "samr", "province"
  return t
end

return procedure {
  id = "jiangsu.grade_sanction",
  version = 1,
  title = "江苏省企业质量信用等级监督处理",
  region = "320000",
  family = "jiangsu.grade_sanction",
  basis = "《江苏省企业质量信用等级认定管理办法》第十六条、第十七条",
  fields = {
    { name = "grant_id", type = "integer", label = "等级认定编号", required = true },
    { name = "ground", type = "enum", options = { "fraud", "accident" },
      label = "处理事由（fraud：弄虚作假，第十六条；accident：重大质量事故或投诉经查实，第十七条）",
      required = true },
    { name = "facts", type = "text", label = "查实的事实" },
    { name = "rectification_report", type = "text", label = "整改情况报告" },
  },
  starters = { "samr" },
  guard = grant_is_sanctionable,
  start = "decision",
  stages = {
    decision = {
      title = "处理决定",
      basis = "第十六条、第十七条、第十八条",
      actions = {
        rectify = province { title = "责令限期整改", to = "rectification", guard = accident_only,
                             basis = "第十七条" },
        suspend = province { title = "暂停使用质量信用等级宣传", to = "suspended", guard = accident_only,
                             basis = "第十七条" },
        revoke = province { title = "撤销等级认定结果", to = "revoked", guard = grant_in_force,
                            basis = "第十六条、第十七条" },
        dismiss = province { title = "经查不属实，不予处理", to = "closed", basis = "第十八条" },
      },
    },
    rectification = {
      title = "限期整改",
      basis = "第十七条",
      timer = { workdays = RECTIFY_WORKDAYS, fire = "rectification_overdue" },
      on_enter = notify_rectification,
      actions = {
        report = { title = "报送整改情况", role = "enterprise", to = "rectification_review",
                   requires = { "rectification_report" }, fields = { "rectification_report" } },
        -- No report by the deadline: back to the province to decide the next measure.
        rectification_overdue = { title = "整改逾期未报", role = "system", to = "decision" },
      },
    },
    rectification_review = {
      title = "整改验收",
      basis = "第十七条",
      actions = {
        accept = province { title = "整改合格，结案", to = "rectified" },
        escalate = province { title = "整改不到位，另行处理", to = "decision" },
      },
    },
    suspended = {
      title = "暂停使用质量信用等级宣传",
      basis = "第十七条",
      on_enter = function(case, fx) fx.suspend { grant_id = case.data.grant_id } end,
      actions = {
        reinstate = province {
          title = "恢复使用", to = "reinstated", guard = grant_in_force,
          effects = function(case, fx) fx.reinstate { grant_id = case.data.grant_id } end,
        },
        revoke = province { title = "撤销等级认定结果", to = "revoked", guard = grant_in_force,
                            basis = "第十七条" },
      },
    },
    revoked = {
      title = "已撤销等级认定结果", basis = "第十六条、第十七条", terminal = true, on_enter = revoke,
    },
    reinstated = { title = "已恢复使用", terminal = true },
    rectified = { title = "整改完成", terminal = true },
    closed = { title = "不予处理", terminal = true },
  },
}
