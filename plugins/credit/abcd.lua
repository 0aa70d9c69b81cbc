-- The national A/B/C/D quality-credit classification (《关于加强企业质量信用监管工作的意见》,
-- section 三(一)–(五)): an enterprise's quality archive, as of a date, mapped to a grade
-- and the reasons for it. The host calls `classify_batch` for a page of enterprises at a
-- time (server/service/classification_service.cpp); procedures call `classify` for one.
--
-- Input, per enterprise: { uscc, established_on = "YYYY-MM-DD",
--   records = { { id, kind = "good"|"bad", category, occurred_on = "YYYY-MM-DD" }, … } }
-- Output: { grade = "A"|"B"|"C"|"D"|nil, reasons = { { criterion, records = { id… } }, … } }
--
-- How the windows are read (DOMAIN.md §2):
--   当年   = the calendar year of as_of (from 1 January to as_of);
--   N年内  = occurred after as_of minus N years (29 Feb minus N years is 28 Feb);
--   满N年  = as_of on or after the Nth anniversary of establishment (29 Feb -> 1 Mar);
--   records dated after as_of are not yet in the archive as of that date;
--   an absent bad record satisfies a positive criterion ("no record of a failed check
--   means none failed"); good records never change a grade.
--
-- Decisions where the seed is silent or ambiguous:
--   * D criteria without a window of their own (三(四) 1–3, 5–7 and the heading's
--     "造成重大危害和损失") look back 3 years: "3年内" is the longest look-back the seed
--     names (三(一)1), and older facts have been "做相应调整" under 动态管理 (三(五)).
--   * 三(四)4 "当年连续2次产品质量、计量监督抽查不合格": the archive records failed spot checks
--     only, not passed ones, so no passed check can sit between two failures: any two
--     `spot_check_fail` records in 当年 are "连续2次". One that year is 三(三)2 (C).
--   * C criteria are read over 当年: 三(三)2 and 8 say "当年", and the heading's present
--     tense ("有违反法律法规的行为，有质量承诺未兑现记录") describes current conduct; so
--     `violation` and `commitment_breach` in 当年 are C.
--   * B's negative criteria (三(二)) are the C criteria over 当年; B additionally needs
--     "依法设立满2年". A (三(一)) needs "依法设立满3年" and a clean 3-year window for
--     everything 三(一)1–4, 6–7 name; 三(一)5 and 8 say "当年" and look at 当年 only.
--   * 三(二)5 "能够及时解决…投诉、索赔和退货": a `claim_return` alone keeps B (only an
--     unresolved complaint, `complaint_unresolved`, is C under 三(三)6); it stops A (三(一)5).
--     Likewise `export_nonconformity` (not serious) stops A (三(一)8) but not B (三(二)8).
--   * `aftersales_breach` is 三(三)7 ("不能够…做好售后服务"), C; the archive has no category
--     for the serious form of 三(四)8.
--   * `serious_dishonesty_list` (严重违法失信名单) is treated as 三(四)7 "严重质量违法".
--   * `abnormal_operation` (经营异常名录) is not a quality-credit criterion of this seed:
--     it does not change the grade.
--   * Outcomes written by procedures (fx.record): `complaint_upheld` (a complaint found
--     true) stops A in 当年 like any complaint (三(一)5); `false_materials` and
--     `grade_revoked` break the honesty A rests on (三(一) 守信) and stop A for 3 years;
--     `d_confirmed` records a rechecked D and changes no grade itself, so that correcting
--     the facts behind a D is enough to lift it.
--   * Under 2 years (not 满2年) an enterprise can be neither A nor B: with a C or D fact it
--     takes that grade; without one it is not graded (grade nil, reason "too_young").
local M = {}

local function is_leap(y)
  return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0
end

local function parts(date)
  return tonumber(date:sub(1, 4)), date:sub(6, 7), date:sub(9, 10)
end

-- as_of minus N years: 29 Feb in a common year is 28 Feb.
local function years_before(date, years)
  local y, m, d = parts(date)
  y = y - years
  if m == "02" and d == "29" and not is_leap(y) then return string.format("%04d-02-28", y) end
  return string.format("%04d-%s-%s", y, m, d)
end

-- criterion id -> { grade level, window ("year" | "3y"), categories, at_least }
-- Order matters only for the order of reasons in the answer.
local D_RULES = {
  { id = "d1_no_qualification", window = "3y", categories = { license_missing = true } },
  { id = "d2_counterfeit", window = "3y", categories = { counterfeit = true } },
  { id = "d3_license_rectification_failed", window = "3y",
    categories = { license_rectification_failed = true } },
  { id = "d4_spot_check_fail_twice", window = "year", at_least = 2,
    categories = { spot_check_fail = true } },
  { id = "d5_false_advertising_major", window = "3y",
    categories = { false_advertising_major = true } },
  { id = "d6_no_standard_production", window = "3y",
    categories = { no_standard_production = true } },
  { id = "d7_serious_violation", window = "3y",
    categories = { serious_violation = true, serious_dishonesty_list = true } },
  { id = "d_major_harm", window = "3y", categories = { accident_major = true } },
}

local C_RULES = {
  { id = "c1_license_rectification", window = "year",
    categories = { license_rectification = true } },
  { id = "c2_check_fail", window = "year",
    categories = { spot_check_fail = true, inspection_fail = true } },
  { id = "c4_below_standard_production", window = "year",
    categories = { below_standard_production = true } },
  { id = "c5_false_advertising", window = "year", categories = { false_advertising = true } },
  { id = "c6_complaint_or_accident", window = "year",
    categories = { complaint_unresolved = true, accident_general = true } },
  { id = "c7_aftersales", window = "year", categories = { aftersales_breach = true } },
  { id = "c8_export_nonconformity_serious", window = "year",
    categories = { export_nonconformity_serious = true } },
  { id = "c_violation_or_broken_commitment", window = "year",
    categories = { violation = true, commitment_breach = true } },
}

-- What stops A beyond the C criteria (which all stop A too).
local A_RULES = {
  { id = "a1_clean_3y", window = "3y",
    categories = { spot_check_fail = true, inspection_fail = true, violation = true,
                   serious_violation = true, serious_dishonesty_list = true } },
  { id = "a2_standard_production", window = "3y",
    categories = { below_standard_production = true, no_standard_production = true } },
  { id = "a4_no_false_advertising", window = "3y",
    categories = { false_advertising = true, false_advertising_major = true } },
  { id = "a5_no_complaint_claim_accident_this_year", window = "year",
    categories = { complaint_unresolved = true, claim_return = true, accident_general = true,
                   accident_major = true, complaint_upheld = true } },
  { id = "a6_aftersales", window = "3y", categories = { aftersales_breach = true } },
  { id = "a7_licensed", window = "3y",
    categories = { license_missing = true, license_rectification = true,
                   license_rectification_failed = true } },
  { id = "a8_export_conformity_this_year", window = "year",
    categories = { export_nonconformity = true, export_nonconformity_serious = true } },
  { id = "a_kept_commitments", window = "3y",
    categories = { commitment_breach = true, counterfeit = true, false_materials = true,
                   grade_revoked = true } },
}

-- The dates an as_of date's windows start at: computed once per batch, not per enterprise.
-- "满N年" is read through them: as_of < anniversary(established, N) exactly when
-- established > years_before(as_of, N) (both map 29 Feb of a common year the same way).
local function windows(as_of)
  return {
    as_of = as_of,
    year_start = as_of:sub(1, 4) .. "-01-01",
    two_years_ago = years_before(as_of, 2),
    three_years_ago = years_before(as_of, 3),
  }
end

-- The reasons of `rules` met by the bad records in the windows; nil when none is.
-- (Numeric loops rather than ipairs here and below: ipairs calls a C function per item.)
local function matches(rules, bad, w)
  local out
  local year_start, three_years_ago = w.year_start, w.three_years_ago
  for k = 1, #rules do
    local rule = rules[k]
    local ids  -- made only when a record matches: most enterprises have none
    local categories, by_year = rule.categories, rule.window == "year"
    for j = 1, #bad do
      local r = bad[j]
      if categories[r.category] then
        local on = r.occurred_on
        if (by_year and on >= year_start) or (not by_year and on > three_years_ago) then
          ids = ids or {}
          ids[#ids + 1] = r.id
        end
      end
    end
    if ids and #ids >= (rule.at_least or 1) then
      out = out or {}
      out[#out + 1] = { criterion = rule.id, records = ids }
    end
  end
  return out
end

-- Shared answers of the batch call (the host only reads them); `classify` copies them.
local TOO_YOUNG = { { criterion = "too_young", records = {} } }
local ALL_MET = { { criterion = "a_all_criteria", records = {} } }

-- One enterprise in the windows `w`: grade (nil when not graded) and reasons.
local function grade_of(enterprise, records, w)
  local bad  -- made only when there is a bad record
  local as_of = w.as_of
  for j = 1, #records do
    local r = records[j]
    if r.kind == "bad" and r.occurred_on <= as_of then
      bad = bad or {}
      bad[#bad + 1] = r
    end
  end
  local d = bad and matches(D_RULES, bad, w)
  if d then return "D", d end
  local c = bad and matches(C_RULES, bad, w)
  if c then return "C", c end

  local established = enterprise.established_on
  if established > w.two_years_ago then return nil, TOO_YOUNG end
  local not_a = bad and matches(A_RULES, bad, w)
  if established > w.three_years_ago then
    not_a = not_a or {}
    table.insert(not_a, 1, { criterion = "a1_established_3y", records = {} })
  end
  if not_a then return "B", not_a end
  return "A", ALL_MET
end

-- One enterprise as of `as_of`.
function M.classify(enterprise, records, as_of)
  local grade, reasons = grade_of(enterprise, records or {}, windows(as_of))
  if reasons == TOO_YOUNG or reasons == ALL_MET then
    reasons = { { criterion = reasons[1].criterion, records = {} } }
  end
  return { grade = grade, reasons = reasons }
end

-- The host's batch call: { as_of, enterprises = { {uscc, established_on, records}, … } }
-- -> { { uscc, grade, reasons }, … } in the same order.
function M.classify_batch(batch)
  local out = {}
  local w = windows(batch.as_of)
  local enterprises = batch.enterprises or {}
  for i = 1, #enterprises do
    local e = enterprises[i]
    local grade, reasons = grade_of(e, e.records or {}, w)
    out[i] = { uscc = e.uscc, grade = grade, reasons = reasons }
  end
  return out
end

return M
