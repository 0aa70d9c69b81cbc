-- 工作方案备案: an organiser of the quality-reputation commitment activity files its work
-- plan with the activity office (活动办), which files it or returns it for revision.
-- Source: 工信部科[2011]366号 三(一)1: "工作方案应规定承诺活动的职责、工作要求、承诺内容、
-- 承诺企业审查程序以及监督措施等。工作方案应提交活动办备案。"
-- The case's enterprise is the organiser's own organisation (its USCC).
local basis = "工信部科[2011]366号 三（一）1"

return procedure {
  id = "national.commitment_workplan",
  version = 1,
  title = "质量信誉承诺活动工作方案备案",
  region = "000000",
  family = "national.commitment_workplan",
  basis = "《关于深入开展“中国工业企业质量信誉承诺活动”的通知》（工信部科[2011]366号）",
  fields = {
    { name = "plan_title", type = "string", label = "方案名称" },
    { name = "duties", type = "text", label = "职责" },
    { name = "requirements", type = "text", label = "工作要求" },
    { name = "commitment_content", type = "text", label = "承诺内容" },
    { name = "review_procedure", type = "text", label = "承诺企业审查程序" },
    { name = "supervision_measures", type = "text", label = "监督措施" },
    { name = "return_reason", type = "text", label = "退回理由" },
  },
  starters = { "organizer" },
  start = "drafting",
  stages = {
    drafting = {
      title = "编制工作方案",
      basis = basis,
      actions = {
        submit = {
          title = "提交活动办备案",
          role = "organizer",
          to = "office_review",
          basis = basis,
          requires = { "plan_title", "duties", "requirements", "commitment_content",
                       "review_procedure", "supervision_measures" },
          fields = { "plan_title", "duties", "requirements", "commitment_content",
                     "review_procedure", "supervision_measures" },
        },
        withdraw = { title = "撤回", role = "organizer", to = "withdrawn" },
      },
    },
    office_review = {
      title = "活动办备案审核",
      basis = basis,
      timer = { workdays = 15, fire = "review_overdue" },
      actions = {
        file = { title = "予以备案", role = "activity_office", level = "national", to = "filed",
                 basis = basis },
        ["return"] = {
          title = "退回修改",
          role = "activity_office",
          level = "national",
          to = "drafting",
          requires = { "return_reason" },
          fields = { "return_reason" },
          basis = basis,
        },
        -- The office did not decide within 15 working days: the case stays with it, flagged.
        review_overdue = { title = "备案审核逾期", role = "system", to = "office_review_overdue" },
      },
    },
    office_review_overdue = {
      title = "活动办备案审核（已逾期）",
      actions = {
        file = { title = "予以备案", role = "activity_office", level = "national", to = "filed",
                 basis = basis },
        ["return"] = {
          title = "退回修改",
          role = "activity_office",
          level = "national",
          to = "drafting",
          requires = { "return_reason" },
          fields = { "return_reason" },
          basis = basis,
        },
      },
    },
    filed = {
      title = "已备案",
      terminal = true,
      on_enter = function(case, fx, q)
        fx.set { filed_on = q.today() }
        fx.document {
          name = "filing_receipt",
          title = "质量信誉承诺活动工作方案备案回执",
          body = "《" .. case.data.plan_title .. "》已于" .. q.today() ..
                 "在中国工业企业质量信誉承诺活动办公室备案。\n" ..
                 "组织单位可依据本工作方案开展承诺活动，并接受活动办监督。",
        }
      end,
    },
    withdrawn = { title = "已撤回", terminal = true },
  },
}
