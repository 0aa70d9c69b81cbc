-- 质量信誉承诺活动: an enterprise applies (or an organiser invites it, opening the case) with
-- the application form and the commitment letter; the organiser reviews it and lists it.
-- Source: 工信部科[2011]366号 三（承诺内容）、四（二）3–4（选择邀请或受理申请、审查评价、
-- 申请表与承诺书、上网公示）. Only an organiser whose work plan is filed with the activity
-- office (national.commitment_workplan, stage filed) may list (四（二）1).
local rules = require "commitment.rules"

local function not_already_in(case, q)
  if rules.current_listing(q, case.enterprise) then
    return false, "该企业已列入质量信誉承诺企业名单"
  end
  for _, other in ipairs(q.cases { procedure = "national.commitment_activity",
                                   enterprise = case.enterprise, status = "active" }) do
    if other.id ~= case.id then
      return false, "该企业已有正在办理的承诺活动申请（案件" .. other.id .. "）"
    end
  end
  return true
end

-- An invitation is opened by the organiser (and a returned application was handled by
-- one): it is recorded as the case's organiser, and only that organiser may decide.
local function record_inviter(case, fx, q)
  local actor = q.actor()
  if case.data.organizer == nil and actor.enterprise then
    for _, g in ipairs(actor.grants) do
      if g.role == "organizer" then
        fx.set { organizer = actor.enterprise }
        return
      end
    end
  end
end

local function own_case(case, q)
  local actor = q.actor()
  if case.data.organizer and case.data.organizer ~= actor.enterprise then
    return false, "该企业由其他组织单位邀请或受理，只能由该组织单位审查（" .. rules.BASIS_PLAN .. "）"
  end
  return true
end

local function may_accept(case, q)
  local organizer, why = rules.organizer_with_plan(q)
  if not organizer then return false, why end
  if case.data.organizer and case.data.organizer ~= organizer then
    return false, "该企业由其他组织单位邀请或受理，只能由该组织单位审查（" .. rules.BASIS_PLAN .. "）"
  end
  return not_already_in(case, q)
end

local function letter_text(case, q)
  local lines = { rules.enterprise_name(q, case.enterprise) .. "郑重承诺：" }
  for i, p in ipairs(rules.POINTS) do lines[#lines + 1] = i .. "、" .. p.text .. "。" end
  lines[#lines + 1] = "本企业了解上述承诺条款，自愿签署本承诺书。"
  lines[#lines + 1] = "法定代表人：" .. case.data.legal_rep .. "（已加盖企业公章）"
  return table.concat(lines, "\n")
end

local function list(case, fx, q)
  local organizer = q.actor().enterprise
  fx.set { organizer = organizer, organizer_name = rules.enterprise_name(q, organizer),
           listed_on = q.today() }
  fx.list {}
  local letter = letter_text(case, q)
  fx.document { name = "commitment_letter", title = "质量信誉承诺书", body = letter }
  fx.announce { kind = "listed", title = "中国工业企业质量信誉承诺企业公示",
                body = rules.enterprise_name(q, case.enterprise) .. "（统一社会信用代码" ..
                  case.enterprise .. "）列入质量信誉承诺企业名单。\n" .. letter }
end

local function organizer(t)
  t.role = "organizer"
  return t
end

return procedure {
  id = "national.commitment_activity",
  version = 1,
  title = "中国工业企业质量信誉承诺活动",
  region = "000000",
  family = rules.ACTIVITY,
  basis = "《关于深入开展“中国工业企业质量信誉承诺活动”的通知》（工信部科[2011]366号）",
  fields = {
    { name = "application_form", type = "object", label = "质量承诺活动申请表" },
    { name = "points", type = "array",
      label = "承诺书承诺内容（meaning honesty law lifecycle improvement supervision）" },
    { name = "legal_rep", type = "string", label = "法定代表人" },
    { name = "sealed", type = "boolean", label = "已加盖企业公章" },
    { name = "organizer", type = "string", label = "组织单位（统一社会信用代码）" },
    { name = "review_opinion", type = "text", label = "审查意见" },
    { name = "return_reason", type = "text", label = "退回理由" },
    { name = "reject_reason", type = "text", label = "不予列入理由" },
  },
  starters = { "enterprise", "organizer" },
  max_open = 1, -- one open case per enterprise at a time
  guard = not_already_in,
  start = "application",
  stages = {
    application = {
      title = "提交申请表和承诺书",
      basis = rules.BASIS_LETTER,
      on_enter = record_inviter,
      actions = {
        submit = {
          title = "提交申请",
          role = "enterprise",
          to = "organizer_review",
          requires = { "legal_rep" },
          fields = { "points", "legal_rep", "sealed", "application_form" },
          guard = function(case) return rules.letter_complete(case) end,
          basis = rules.BASIS_CONTENT .. "、四（二）4",
        },
      },
    },
    organizer_review = {
      title = "组织单位审查评价",
      basis = "工信部科[2011]366号 四（二）3",
      actions = {
        accept = organizer { title = "审查通过，列入名单", to = "listed", guard = may_accept,
                             fields = { "review_opinion" }, basis = "工信部科[2011]366号 四（二）3–4" },
        ["return"] = organizer { title = "退回补正", to = "application", guard = own_case,
                                 requires = { "return_reason" }, fields = { "return_reason" } },
        reject = organizer { title = "不予列入", to = "rejected", guard = own_case,
                             requires = { "reject_reason" },
                             fields = { "reject_reason" }, basis = "工信部科[2011]366号 四（二）3" },
      },
    },
    listed = { title = "已列入承诺企业名单", basis = "工信部科[2011]366号 四（二）4", terminal = true,
               on_enter = list },
    rejected = { title = "不予列入", terminal = true },
  },
}
