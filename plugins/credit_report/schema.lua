-- 《企业质量信用报告》一般要求 (质检办质函〔2014〕714号 附件), 二、基本内容: the sections of the
-- yearly enterprise quality-credit report, as data. A province or an association extends
-- the report by adding nodes here (or in a module of its own that returns the same shape).
--
-- A node: key (a Lua-id, unique among its siblings), title (the seed's words), children
-- (sub-sections), optional = true (may stay empty), generated = true (written by the
-- server, e.g. the contents list), hint (what the seed asks the section to describe).
local M = {}

M.title = "企业质量信用报告"
M.basis = "质检办质函〔2014〕714号 附件《〈企业质量信用报告〉一般要求》"

M.sections = {
  { key = "preface", title = "报告前言", basis = "二（一）", children = {
    { key = "compilation_rules", title = "编制规范", children = {
      { key = "objectivity", title = "报告内容客观性声明" },
      { key = "scope", title = "报告的组织范围" },
      { key = "period", title = "报告时间范围" },
      { key = "cycle", title = "报告发布周期" },
      { key = "data_notes", title = "报告数据说明" },
      { key = "availability", title = "报告获取方式" },
    } },
    { key = "leadership", title = "高层致辞",
      hint = "企业最高领导对企业产品质量责任和质量诚信的概括性阐释" },
    { key = "profile", title = "企业简介",
      hint = "企业的名称、所有权性质及总部所在地、主要产品和服务等" },
    { key = "contents", title = "报告目录", generated = true },
  } },
  { key = "body", title = "报告正文", basis = "二（二）", children = {
    { key = "philosophy", title = "企业质量理念",
      hint = "从企业决策层的角度阐述企业的质量理念、质量管理理念以及企业的愿景" },
    { key = "management", title = "企业质量管理", children = {
      { key = "organisation", title = "质量管理机构" },
      { key = "system", title = "质量管理体系" },
      { key = "risk", title = "质量风险管理", children = {
        { key = "complaints", title = "质量投诉处理" },
        { key = "monitoring", title = "质量风险监测" },
        { key = "emergency", title = "应急管理" },
      } },
    } },
    { key = "integrity", title = "质量诚信管理", children = {
      { key = "integrity_management", title = "质量诚信管理" },
      { key = "culture", title = "质量文化建设" },
    } },
    { key = "foundation", title = "企业质量基础", children = {
      { key = "standards", title = "企业产品标准" },
      { key = "metrology", title = "企业计量水平" },
      { key = "certification", title = "认证认可情况" },
      { key = "inspection", title = "质量检验情况" },
    } },
    { key = "responsibility", title = "产品质量责任", children = {
      { key = "quality_level", title = "产品质量水平" },
      { key = "after_sales", title = "产品售后责任" },
      { key = "social_responsibility", title = "企业社会责任" },
      { key = "credit_records", title = "质量信用记录",
        hint = "报告期内的质量信用不良记录和良好记录；不良记录须全部披露（可验证性原则）" },
    } },
  } },
  { key = "closing", title = "报告结语", basis = "二（三）",
    hint = "对未来质量责任、质量诚信管理工作的展望，报告参考及索引、读者意见反馈、专家评论等" },
}

-- Where the report discloses the archive's bad records (the verifiability check).
M.records_section = { "body", "responsibility", "credit_records" }

-- Bad-record categories as the report names them (API.md "Enterprises and records").
M.record_labels = {
  spot_check_fail = "监督抽查不合格", inspection_fail = "质量检验不合格",
  violation = "质量违法违规", serious_violation = "严重质量违法",
  counterfeit = "生产经营假冒伪劣产品", false_advertising = "质量虚假宣传",
  false_advertising_major = "质量虚假宣传（情节严重）", complaint_unresolved = "质量投诉未处理",
  claim_return = "因质量问题索赔、退货", accident_general = "一般质量事故",
  accident_major = "重大质量事故", license_missing = "无证生产",
  license_rectification = "许可证整改", license_rectification_failed = "许可证整改不合格",
  no_standard_production = "无标生产", below_standard_production = "低于标准生产",
  aftersales_breach = "违反三包规定", export_nonconformity = "出口产品被国外通报",
  export_nonconformity_serious = "出口产品严重质量问题", commitment_breach = "违背质量承诺",
  abnormal_operation = "列入经营异常名录", serious_dishonesty_list = "列入严重违法失信名单",
}

return M
