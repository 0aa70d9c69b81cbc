-- The checks a yearly quality-credit report passes before the enterprise may submit it
-- (《〈企业质量信用报告〉一般要求》 一、编制原则 and 二、基本内容), and the outline the server
-- prints it from. Each refusal names the section (or field) it is about, so that the
-- editor shows the message there: guard(case, q) returns false, message, field.
local schema = require "credit_report.schema"

local M = {}

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- A section's content: a string, or { text = "…", tables = {…}, figures = {…} }.
local function filled(v)
  if type(v) == "string" then return trim(v) ~= "" end
  if type(v) ~= "table" then return false end
  return (type(v.text) == "string" and trim(v.text) ~= "")
      or (type(v.tables) == "table" and #v.tables > 0)
      or (type(v.figures) == "table" and #v.figures > 0)
end

-- 简洁性原则: tables and figures are allowed; a malformed one is refused at its section.
local function shape_problem(v)
  if type(v) ~= "table" then return nil end
  if v.text ~= nil and type(v.text) ~= "string" then return "text 须为文字" end
  if v.tables ~= nil and type(v.tables) ~= "table" then return "tables 须为表格的列表" end
  if v.figures ~= nil and type(v.figures) ~= "table" then return "figures 须为图片的列表" end
  for _, t in ipairs(v.tables or {}) do
    if type(t) ~= "table" or type(t.rows) ~= "table" then return "表格须包含 rows（行的列表）" end
    for _, row in ipairs(t.rows) do
      if type(row) ~= "table" then return "表格的每一行须为单元格列表" end
    end
  end
  for _, f in ipairs(v.figures or {}) do
    if type(f) ~= "table" or type(f.src) ~= "string"
        or not f.src:match("^data:image/[a-z]+;base64,") then
      return "图片须以 data:image/…;base64, 形式嵌入"
    end
  end
  return nil
end

local function path_title(titles) return table.concat(titles, " › ") end

-- Walks the schema in order; the first missing or malformed section wins.
local function walk(nodes, values, path, titles)
  for _, node in ipairs(nodes) do
    local p = path .. "." .. node.key
    local t = { table.unpack(titles) }
    t[#t + 1] = node.title
    local v = type(values) == "table" and values[node.key] or nil
    if node.children then
      if not node.optional then
        local any = false
        if type(v) == "table" then for _ in pairs(v) do any = true end end
        if not any then return "报告缺少章节：" .. path_title(t), p end
        local msg, field = walk(node.children, v, p, t)
        if msg then return msg, field end
      end
    elseif not node.generated then
      if not node.optional and not filled(v) then
        return "章节“" .. path_title(t) .. "”不能为空", p
      end
      local problem = shape_problem(v)
      if problem then return "章节“" .. path_title(t) .. "”：" .. problem, p end
    end
  end
  return nil
end

function M.missing_section(case)
  return walk(schema.sections, case.data.sections, "sections", {})
end

-- 时效性原则 / 三、报告发布载体: a report covers one year (一般以年度为周期).
function M.period_problem(case, q)
  local from, to = case.data.period_from, case.data.period_to
  if not from then return "请填写报告时间范围的起始日期", "period_from" end
  if not to then return "请填写报告时间范围的截止日期", "period_to" end
  local expected = q.add_days(q.anniversary(from, 1), -1)
  if to ~= expected then
    return "报告时间范围应为一年：自 " .. from .. " 起应至 " .. expected .. " 止（现为 " .. to .. "）",
        "period_to"
  end
  return nil
end

local function disclosed(record, list)
  for _, d in ipairs(list or {}) do
    if d == record.id then return true end
    if type(d) == "table" and (d.id == record.id
        or (d.occurred_on == record.occurred_on and d.category == record.category)) then
      return true
    end
  end
  return false
end

-- 可验证性原则: every bad record the archive holds for the period is disclosed.
function M.undisclosed_records(case, q)
  local out = {}
  local from, to = case.data.period_from, case.data.period_to
  for _, r in ipairs(q.records(case.enterprise)) do
    if r.kind == "bad" and r.occurred_on >= from and r.occurred_on <= to
        and not disclosed(r, case.data.disclosed_records) then
      out[#out + 1] = r
    end
  end
  return out
end

function M.record_label(r)
  return r.occurred_on .. " " .. (schema.record_labels[r.category] or r.category) ..
      (r.detail ~= "" and ("（" .. r.detail .. "）") or "")
end

-- The guard of `submit`: true, or false, message, field.
function M.check(case, q)
  local msg, field = M.missing_section(case)
  if msg then return false, msg, field end
  msg, field = M.period_problem(case, q)
  if msg then return false, msg, field end
  local missing = M.undisclosed_records(case, q)
  if #missing > 0 then
    local names = {}
    for i, r in ipairs(missing) do names[i] = M.record_label(r) end
    return false, "报告未披露质量档案中报告期内的不良记录（可验证性原则）：" ..
        table.concat(names, "；"), "sections." .. table.concat(schema.records_section, ".")
  end
  return true
end

-- fx.document's outline: the schema's titles with the report's content.
local function outline(nodes, values)
  local out = {}
  for _, node in ipairs(nodes) do
    local v = type(values) == "table" and values[node.key] or nil
    if not node.generated then
      local s = { title = node.title }
      if node.children then
        s.children = outline(node.children, v)
      elseif type(v) == "string" then
        s.text = v
      elseif type(v) == "table" then
        s.text, s.tables, s.figures = v.text, v.tables, v.figures
      end
      out[#out + 1] = s
    end
  end
  return out
end

function M.outline(case)
  local o = outline(schema.sections, case.data.sections)
  table.insert(o, 1, { title = "报告期",
                       text = case.data.period_from .. " 至 " .. case.data.period_to })
  return o
end

return M
