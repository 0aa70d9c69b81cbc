-- 守信（A级）企业对外公示: an enterprise the classification software graded A applies,
-- voluntarily, to have its A published; the province evaluates it (with the inspection
-- body's opinion where its products need supervised inspection); approved -> published A.
-- Source: 《关于加强企业质量信用监管工作的意见》三(五): "对外公示的A级守信企业，必须在企业
-- 自愿申请的基础上、由省级质检部门依照评价标准组织对计算机生成的A级企业进行评价，依法需要
-- 进行监督检验产品的，还应当由检验单位提出评价意见。" and 四(一): "根据企业自愿原则，对评价
-- 确定的A级企业进行公示".
-- The grade is the one plugins/credit/abcd.lua computes from the archive today; a published
-- A is withdrawn by the host when a re-grade no longer gives A (三(五) 动态管理).
local abcd = require "credit.abcd"

local basis = "《关于加强企业质量信用监管工作的意见》三（五）"
-- Parameters: the published A holds until the next yearly evaluation, unless withdrawn
-- earlier by a re-grade (五(五) "不搞终身制").
local PUBLISHED_YEARS = 1

local function grade_today(case, q)
  local e = q.enterprise(case.enterprise)
  if not e then return nil end
  return abcd.classify(e, q.records(case.enterprise), q.today()).grade
end

local function graded_a(case, q)
  local g = grade_today(case, q)
  if g ~= "A" then
    return false, "企业质量信用等级当前为" .. (g or "未评级") ..
                  "，只有计算机生成的A级企业可以申请对外公示（三（五））"
  end
  for _, grant in ipairs(q.grants(case.enterprise, "national.abcd")) do
    if grant.grade == "A" and grant.status == "active" then
      return false, "该企业的A级已在公示中（等级编号" .. grant.id .. "）"
    end
  end
  for _, other in ipairs(q.cases { procedure = "national.a_publication",
                                   enterprise = case.enterprise, status = "active" }) do
    if other.id ~= case.id then return false, "该企业已有正在办理的A级公示申请（案件" .. other.id .. "）" end
  end
  return true
end

-- The evaluation needs the inspection body's opinion when the products need it.
local function ready_to_approve(case, q)
  if case.data.needs_supervised_inspection and (case.data.inspection_opinion or "") == "" then
    return false, "依法需要监督检验的产品，须先由检验单位提出评价意见（三（五））"
  end
  return graded_a(case, q)
end

return procedure {
  id = "national.a_publication",
  version = 1,
  title = "守信（A级）企业对外公示",
  region = "000000",
  family = "national.abcd",
  basis = "国家质量监督检验检疫总局《关于加强企业质量信用监管工作的意见》三（五）、四（一）",
  fields = {
    { name = "statement", type = "text", label = "自愿申请说明" },
    { name = "needs_supervised_inspection", type = "boolean", label = "产品依法需要监督检验" },
    { name = "inspection_opinion", type = "text", label = "检验单位评价意见" },
    { name = "evaluation_opinion", type = "text", label = "省级评价意见" },
    { name = "reject_reason", type = "text", label = "不予公示理由" },
  },
  starters = { "enterprise" },
  max_open = 1, -- one open case per enterprise at a time
  guard = graded_a,
  start = "application",
  stages = {
    application = {
      title = "企业自愿申请",
      basis = basis,
      actions = {
        submit = { title = "提交申请", role = "enterprise", to = "evaluation", guard = graded_a,
                   fields = { "statement" }, basis = basis },
        withdraw = { title = "撤回申请", role = "enterprise", to = "withdrawn" },
      },
    },
    evaluation = {
      title = "省级质检部门评价",
      basis = basis,
      actions = {
        -- Whether the products need supervised inspection is the province's finding, not
        -- the applicant's: asking the inspection body records it.
        request_opinion = { title = "请检验单位提出评价意见", role = "samr", level = "province",
                            to = "inspection_opinion", basis = basis,
                            effects = function(case, fx) fx.set { needs_supervised_inspection = true } end },
        approve = { title = "评价通过，对外公示", role = "samr", level = "province",
                    to = "published", requires = { "evaluation_opinion" },
                    fields = { "evaluation_opinion", "needs_supervised_inspection" },
                    guard = ready_to_approve, basis = basis },
        reject = { title = "不予公示", role = "samr", level = "province", to = "rejected",
                   requires = { "reject_reason" }, fields = { "reject_reason" }, basis = basis },
      },
    },
    inspection_opinion = {
      title = "检验单位评价意见",
      basis = basis,
      actions = {
        give_opinion = { title = "提交评价意见", role = "expert", level = "province",
                         to = "evaluation", requires = { "inspection_opinion" },
                         fields = { "inspection_opinion" }, basis = basis },
      },
    },
    published = {
      title = "A级企业已公示",
      terminal = true,
      on_enter = function(case, fx, q)
        fx.grant { grade = "A", years = PUBLISHED_YEARS }
        fx.announce {
          kind = "grade_announced",
          title = "守信（A级）企业公示",
          body = "经企业自愿申请、省级质检部门评价，该企业质量信用等级为A级（守信），予以公示。",
        }
      end,
    },
    rejected = { title = "不予公示", terminal = true },
    withdrawn = { title = "已撤回", terminal = true },
  },
}
