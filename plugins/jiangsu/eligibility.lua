-- 申报条件: the eligibility rules of 《江苏省企业质量信用等级认定管理办法》 第九条、第十条
-- that can be decided from the enterprise registry and its quality records. The other
-- conditions of 第九条 (policy compliance, management system, social responsibility …) are
-- judged by the reviewers from the materials, not here.
--
-- Reading of the windows (DOMAIN.md "Identifiers and calendars"): 满N年 = today is on or
-- after the Nth anniversary; N年内 = on or after the day N years before today, i.e. the Nth
-- anniversary of the record is still to come.
local M = {}

-- Per grade: the bad-record window (近N年内无不良行为记录) and the growth window
-- (近N年内经营稳健增长), each with the article that states it.
M.grades = {
  A = { clean_years = 1, clean_basis = "第十条（一）1" },
  AA = { clean_years = 3, clean_basis = "第十条（二）4", growth_years = 2, growth_basis = "第十条（二）5" },
  AAA = { clean_years = 5, clean_basis = "第十条（三）4", growth_years = 3, growth_basis = "第十条（三）5" },
}

M.min_years = 3 -- 存续3年以上
M.province_prefix = "32" -- 在省内正式登记注册

-- 第十条（一）1 names the two lists apart from the other bad records. The registry records
-- the day an enterprise was put on a list but not the day it came off, so a list record
-- counts as current until it is corrected in the registry, whatever its age.
local lists = {
  abnormal_operation = "经营异常名录",
  serious_dishonesty_list = "严重违法失信名单",
}

local labels = {
  spot_check_fail = "产品质量监督抽查不合格",
  inspection_fail = "监督检查不合格",
  violation = "质量违法违规",
  serious_violation = "严重质量违法",
  counterfeit = "生产经营假冒伪劣产品",
  false_advertising = "质量虚假宣传",
  false_advertising_major = "质量虚假宣传（情节严重）",
  complaint_unresolved = "质量投诉未处理",
  claim_return = "因质量问题索赔、退货",
  accident_general = "一般质量事故",
  accident_major = "重大质量事故",
  license_missing = "无证生产经营",
  license_rectification = "许可条件整改",
  license_rectification_failed = "许可条件整改不合格",
  no_standard_production = "无标准生产",
  below_standard_production = "低于标准生产",
  aftersales_breach = "违反售后服务义务",
  export_nonconformity = "出口商品不合格",
  export_nonconformity_serious = "出口商品严重不合格",
  commitment_breach = "违背质量承诺",
  false_materials = "申报中提供虚假材料",
  grade_revoked = "质量信用等级认定结果被撤销",
  d_confirmed = "经复核确认为D级（严重失信）",
  complaint_upheld = "质量投诉举报经查实",
}

local function label(category)
  return labels[category] or category
end

local function region_ok(ent)
  if ent.region:sub(1, 2) == M.province_prefix then return nil end
  return "企业登记注册地（区划代码" .. ent.region .. "）不在江苏省，不符合第九条（二）"
    .. "“在省内正式登记注册”的条件"
end

local function existence_ok(ent, q)
  local due = q.anniversary(ent.established_on, M.min_years)
  if q.today() >= due then return nil end
  return "企业成立于" .. ent.established_on .. "，至" .. due .. "方存续满" .. M.min_years
    .. "年，不符合第九条（二）“存续3年以上”的条件"
end

local function lists_ok(records)
  for _, r in ipairs(records) do
    if r.kind == "bad" and lists[r.category] then
      return "企业于" .. r.occurred_on .. "被列入" .. lists[r.category]
        .. "，不符合第十条（一）1“未被列入经营异常名录和严重违法失信名单”的条件"
    end
  end
  return nil
end

-- Every bad record (other than the lists, reported above) is a 质量信用相关的不良行为记录.
local function clean_ok(records, rule, q)
  local today = q.today()
  local found = {}
  for _, r in ipairs(records) do
    if r.kind == "bad" and not lists[r.category]
      and r.occurred_on <= today and q.anniversary(r.occurred_on, rule.clean_years) > today then
      found[#found + 1] = r.occurred_on .. " " .. label(r.category)
    end
  end
  if #found == 0 then return nil end
  table.sort(found)
  return "近" .. rule.clean_years .. "年内有质量信用不良行为记录（" .. table.concat(found, "、")
    .. "），不符合" .. rule.clean_basis .. "的条件"
end

-- 第十六条、第十七条: a ban of the grade family in force today refuses the application
-- (also at the grant: a ban imposed by another case after submission counts).
M.family = "jiangsu.quality_grade"
local function ban_ok(case, q)
  local today = q.today()
  for _, b in ipairs(q.bans(case.enterprise, M.family)) do
    if b["from"] <= today and b["until"] >= today then
      local why = b.reason
      if b.basis ~= "" and not why:find(b.basis, 1, true) then why = why .. "（" .. b.basis .. "）" end
      return "企业因" .. why .. "，" .. b["until"] .. "前不得申报"
    end
  end
  return nil
end

-- Growth for N years: each of the N years before the submission year is above the year
-- before it, so the N+1 years up to last year need a figure (revenue_by_year, 万元).
local function growth_ok(data, grade, rule, q)
  if not rule.growth_years then return nil end
  local last = tonumber(q.today():sub(1, 4)) - 1
  local first = last - rule.growth_years
  local revenue = data.revenue_by_year
  local window = first .. "—" .. last .. "年"
  if type(revenue) ~= "table" then
    return "申报" .. grade .. "级须填写revenue_by_year（" .. window .. "各年营业收入，万元），"
      .. "以核验" .. rule.growth_basis .. "“近" .. rule.growth_years .. "年内经营稳健增长”"
  end
  local prev
  for year = first, last do
    local v = tonumber(revenue[tostring(year)])
    if v == nil then
      return "revenue_by_year缺少" .. year .. "年营业收入（须填写" .. window .. "），无法核验"
        .. rule.growth_basis .. "“近" .. rule.growth_years .. "年内经营稳健增长”"
    end
    if prev ~= nil and v <= prev then
      return year .. "年营业收入（" .. v .. "万元）未高于" .. (year - 1) .. "年（" .. prev
        .. "万元），不符合" .. rule.growth_basis .. "“近" .. rule.growth_years .. "年内经营稳健增长”的条件"
    end
    prev = v
  end
  return nil
end

-- The submit guard, re-run by every review decision and by the grant: true, or false and
-- every failed condition with its article (a record by date and category, a ban by its end).
function M.check(case, q)
  local grade = case.data.requested_grade
  local rule = M.grades[grade]
  if not rule then return false, "申报等级须为A、AA或AAA（第四条）" end
  local ent = q.enterprise(case.enterprise)
  if not ent then return false, "企业登记信息不存在，无法核验第九条（二）的条件" end
  local records = q.records(case.enterprise)
  local failed = {}
  for _, problem in ipairs {
    ban_ok(case, q) or false,
    region_ok(ent) or false,
    existence_ok(ent, q) or false,
    lists_ok(records) or false,
    clean_ok(records, rule, q) or false,
    growth_ok(case.data, grade, rule, q) or false,
  } do
    if problem then failed[#failed + 1] = problem end
  end
  if #failed == 0 then return true end
  return false, "不符合申报" .. grade .. "级的条件：" .. table.concat(failed, "；")
end

return M
