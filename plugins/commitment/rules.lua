-- Shared rules of the quality-reputation commitment activity (工信部科[2011]366号), used by
-- national.commitment_activity and national.commitment_supervision.
local M = {}

M.ACTIVITY = "national.commitment"
M.WORKPLAN = "national.commitment_workplan"
M.BASIS_CONTENT = "工信部科[2011]366号 三"
M.BASIS_PLAN = "工信部科[2011]366号 四（二）1"
M.BASIS_LETTER = "工信部科[2011]366号 四（二）4"
M.BASIS_SUPERVISION = "工信部科[2011]366号 五"

-- 三、承诺内容：至少应包括以下六个方面 (in the seed's order).
M.POINTS = {
  { key = "meaning", text = "对质量信誉重要意义的理解" },
  { key = "honesty", text = "对诚实守信、珍视信誉的承诺" },
  { key = "law", text = "对遵守法律法规和标准要求的承诺" },
  { key = "lifecycle", text = "对承担产品全生命周期质量责任的承诺" },
  { key = "improvement", text = "对持续改进产品质量和质量管理，坚持技术进步和产品创新的承诺" },
  { key = "supervision", text = "对接受社会监督及对违背承诺行为接受处罚的承诺" },
}

local ORDINAL = { "一", "二", "三", "四", "五", "六" }

-- The letter covers the six points, names the legal representative and is sealed.
function M.letter_complete(case)
  local given = {}
  for _, key in ipairs(case.data.points or {}) do given[key] = true end
  for i, p in ipairs(M.POINTS) do
    if not given[p.key] then
      return false, "承诺书缺少第" .. ORDINAL[i] .. "项承诺内容（" .. p.key .. "）：" .. p.text ..
        "（" .. M.BASIS_CONTENT .. "）"
    end
  end
  if case.data.sealed ~= true then
    return false, "承诺书须由企业法人正式签署并加盖企业公章（sealed）（" .. M.BASIS_LETTER .. "）"
  end
  return true
end

-- The organising unit the acting organiser's account is bound to, and whether its work
-- plan has been filed with the activity office.
function M.organizer_with_plan(q)
  local actor = q.actor()
  if not actor.enterprise then
    return nil, "账号未绑定组织单位，无法确认工作方案备案情况（" .. M.BASIS_PLAN .. "）"
  end
  local filed = q.cases { procedure = M.WORKPLAN, enterprise = actor.enterprise, stage = "filed" }
  if #filed == 0 then
    return nil, "组织单位的承诺活动工作方案尚未在活动办备案，不能开展承诺活动（" .. M.BASIS_PLAN .. "）"
  end
  return actor.enterprise
end

-- The enterprise's current listing in the activity, or nil.
function M.current_listing(q, uscc)
  for _, l in ipairs(q.listings(uscc, M.ACTIVITY)) do
    if l.status == "listed" then return l end
  end
  return nil
end

-- The organising unit that listed the enterprise (recorded on the activity case).
function M.listing_organizer(q, uscc, listing)
  for _, c in ipairs(q.cases { procedure = "national.commitment_activity", enterprise = uscc }) do
    if c.id == listing.case_id then return c.data.organizer end
  end
  return nil
end

function M.enterprise_name(q, uscc)
  local e = q.enterprise(uscc)
  return e and e.name or uscc
end

return M
