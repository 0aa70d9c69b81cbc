-- 《企业质量信用报告》: an enterprise compiles, checks and publishes its yearly quality-credit
-- report; the province's SAMR (or an association acting as organiser) may select a
-- published report as typical (典型报告). Reports are self-declarations: publication is the
-- enterprise's own act, and no fee is charged (通知 四（六）).
-- Source: 质检办质函〔2014〕714号 and its annex 《〈企业质量信用报告〉一般要求》.
-- The section schema is data in plugins/credit_report/schema.lua; the checks are in
-- plugins/credit_report/checks.lua.
local schema = require "credit_report.schema"
local checks = require "credit_report.checks"

local notice = "质检办质函〔2014〕714号"
local report_title = schema.title

-- 四（四）: typical reports and the others are submitted by 30 October (MM-DD); a report
-- not yet published is reminded `reminder_days` calendar days before that date.
local params = { submission_due = "10-30", reminder_days = "15" }

-- The day of the reminder for this report's year: nil once it has been reminded, and
-- after the due date (a reminder would be late news).
local function reminder_date(case, q)
  local due = string.format("%d-%s", case.data.year, params.submission_due)
  if case.data.reminded_on or q.today() > due then return nil end
  return q.add_days(due, -tonumber(params.reminder_days))
end

-- The reminder (taken by the host when its day comes): the case records it and the date
-- by which the report is to be published.
local function remind_action(stage)
  return {
    title = "发布提醒", role = "system", to = stage, basis = notice .. " 四（四）",
    effects = function(case, fx, q)
      fx.set {
        reminded_on = q.today(),
        publish_due = string.format("%d-%s", case.data.year, params.submission_due),
      }
    end,
  }
end

return procedure {
  id = "national.credit_report",
  version = 1,
  title = "企业质量信用报告",
  region = "000000",
  family = "national.credit_report",
  basis = "《质检总局办公厅关于组织企业发布〈企业质量信用报告〉的通知》（质检办质函〔2014〕714号）",
  params = params,
  fields = {
    { name = "year", type = "integer", label = "报告年度", required = true },
    { name = "period_from", type = "date", label = "报告期起" },
    { name = "period_to", type = "date", label = "报告期止" },
    { name = "sections", type = "object", label = "报告内容" },
    { name = "disclosed_records", type = "array", label = "已披露的不良记录" },
    { name = "typical_reason", type = "text", label = "推选理由" },
  },
  starters = { "enterprise" },
  -- One report per enterprise and year (a withdrawn one does not count).
  guard = function(case, q)
    local year = case.data.year
    if year < 2000 or year > 2100 then return false, "报告年度不正确", "year" end
    for _, c in ipairs(q.cases { procedure = case.procedure, enterprise = case.enterprise }) do
      if c.id ~= case.id and c.data.year == year and c.stage ~= "withdrawn" then
        return false, "本企业 " .. year .. " 年度的质量信用报告已存在（案件 " .. c.id .. "）", "year"
      end
    end
    return true
  end,
  start = "drafting",
  stages = {
    drafting = {
      title = "编制报告",
      basis = notice .. " 附件 二",
      timer = { at = reminder_date, fire = "remind" },
      -- The case carries the schema it is written against (the editor builds its form
      -- from it) and, by default, the previous calendar year as its period.
      on_enter = function(case, fx, q)
        local y = case.data.year - 1
        fx.set {
          schema = schema.sections,
          period_from = case.data.period_from or string.format("%d-01-01", y),
          period_to = case.data.period_to or string.format("%d-12-31", y),
        }
      end,
      actions = {
        save = { title = "保存草稿", role = "enterprise", to = "drafting",
                 fields = { "period_from", "period_to", "sections", "disclosed_records" } },
        submit = {
          title = "提交报告",
          role = "enterprise",
          to = "checked",
          basis = notice .. " 附件 一（四）",
          fields = { "period_from", "period_to", "sections", "disclosed_records" },
          guard = function(case, q) return checks.check(case, q) end,
          effects = function(case, fx, q)
            fx.document { name = "report", title = report_title, outline = checks.outline(case) }
          end,
        },
        withdraw = { title = "撤回", role = "enterprise", to = "withdrawn" },
        remind = remind_action("drafting"),
      },
    },
    checked = {
      title = "待发布",
      timer = { at = reminder_date, fire = "remind" },
      actions = {
        publish = { title = "发布报告", role = "enterprise", to = "published",
                    basis = notice .. " 附件 三" },
        revise = { title = "修改报告", role = "enterprise", to = "drafting" },
        remind = remind_action("checked"),
      },
    },
    published = {
      title = "已发布",
      basis = notice .. " 附件 三",
      on_enter = function(case, fx, q)
        fx.set { published_on = q.today() }
        fx.document { name = "report", title = report_title, outline = checks.outline(case) }
      end,
      actions = {
        select_typical = {
          title = "推选为典型报告", role = "samr", level = "province", to = "typical",
          requires = { "typical_reason" }, fields = { "typical_reason" }, basis = notice .. " 四（四）",
        },
        association_select_typical = {
          title = "推选为典型报告（行业协会）", role = "organizer", to = "typical",
          requires = { "typical_reason" }, fields = { "typical_reason" }, basis = notice .. " 四（四）",
        },
      },
    },
    typical = {
      title = "典型报告",
      terminal = true,
      basis = notice .. " 四（四）",
      on_enter = function(case, fx, q)
        fx.set { typical = true, typical_on = q.today(), typical_by = q.actor().username }
      end,
    },
    withdrawn = { title = "已撤回", terminal = true },
  },
}
