#pragma once
// 企业质量信用报告 (workflows/national/credit_report.lua): an enterprise in Nanjing writes its
// yearly report; province SAMR and an association select typical ones and compile the
// yearly package. The sections are those of 《〈企业质量信用报告〉一般要求》 二.
#include <utility>
#include <vector>

#include "support/api_fixture.hpp"

namespace qc::test {

// Every section the enterprise writes, as path (under data.sections) and seed title.
inline const std::vector<std::pair<std::string, std::string>>& report_leaves() {
  static const std::vector<std::pair<std::string, std::string>> leaves{
      {"preface.compilation_rules.objectivity", "报告内容客观性声明"},
      {"preface.compilation_rules.scope", "报告的组织范围"},
      {"preface.compilation_rules.period", "报告时间范围"},
      {"preface.compilation_rules.cycle", "报告发布周期"},
      {"preface.compilation_rules.data_notes", "报告数据说明"},
      {"preface.compilation_rules.availability", "报告获取方式"},
      {"preface.leadership", "高层致辞"},
      {"preface.profile", "企业简介"},
      {"body.philosophy", "企业质量理念"},
      {"body.management.organisation", "质量管理机构"},
      {"body.management.system", "质量管理体系"},
      {"body.management.risk.complaints", "质量投诉处理"},
      {"body.management.risk.monitoring", "质量风险监测"},
      {"body.management.risk.emergency", "应急管理"},
      {"body.integrity.integrity_management", "质量诚信管理"},
      {"body.integrity.culture", "质量文化建设"},
      {"body.foundation.standards", "企业产品标准"},
      {"body.foundation.metrology", "企业计量水平"},
      {"body.foundation.certification", "认证认可情况"},
      {"body.foundation.inspection", "质量检验情况"},
      {"body.responsibility.quality_level", "产品质量水平"},
      {"body.responsibility.after_sales", "产品售后责任"},
      {"body.responsibility.social_responsibility", "企业社会责任"},
      {"body.responsibility.credit_records", "质量信用记录"},
      {"closing", "报告结语"},
  };
  return leaves;
}

// Sets data.sections.<path> (dotted) to `value`, creating objects on the way.
inline void set_path(json::object& root, const std::string& path, json::value value) {
  json::object* at = &root;
  size_t start = 0;
  for (size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1) {
    auto& next = (*at)[path.substr(start, dot - start)];
    if (!next.is_object()) next = json::object{};
    at = &next.as_object();
  }
  (*at)[path.substr(start)] = std::move(value);
}

// A complete report: every section written; the credit records with a table.
inline json::object full_sections(const std::string& except = "") {
  json::object s;
  for (const auto& [path, title] : report_leaves())
    if (path != except) set_path(s, path, json::string(title + "：本企业报告期内的情况说明。"));
  if (except != "body.responsibility.credit_records")
    set_path(s, "body.responsibility.credit_records",
             json::object{
                 {"text", "报告期内质量信用记录如下。"},
                 {"tables", json::array{json::object{
                                {"caption", "质量信用记录"},
                                {"rows", json::array{json::array{"日期", "记录"},
                                                     json::array{"2025-05-10", "省长质量奖"}}}}}}});
  return s;
}

class CreditReportScenario : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    set_clock("2026-06-01T02:00:00Z");
    create_enterprise(ent, "320102");
    create_enterprise(other, "110101");
    create_user("ent-nj", "enterprise", "320102", ent);
    create_user("ent-bj", "enterprise", "110101", other);
    create_user("samr-js", "samr", "320000");
    create_user("samr-nj", "samr", "320100");
    create_user("assoc-js", "organizer", "320000");
  }

  void set_clock(const std::string& at) {
    auto r = admin->post("/api/v1/admin/clock", json::object{{"set", at}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  HttpResult open_report(HttpClient& c, const std::string& uscc, int64_t year = 2026) {
    return c.post("/api/v1/cases", json::object{{"procedure", "national.credit_report"},
                                                {"enterprise", uscc},
                                                {"data", json::object{{"year", year}}}});
  }

  HttpResult add_bad_record(const std::string& uscc, const std::string& category,
                            const std::string& occurred_on) {
    return admin->post("/api/v1/enterprises/" + uscc + "/records",
                       json::object{{"kind", "bad"},
                                    {"category", category},
                                    {"occurred_on", occurred_on},
                                    {"source", "南京市市场监督管理局"},
                                    {"detail", "场景测试记录"}});
  }

  // Opens, submits and publishes a complete report; returns the case after publication.
  HttpResult publish_report(HttpClient& c, const std::string& uscc, int64_t year = 2026) {
    auto opened = open_report(c, uscc, year);
    EXPECT_EQ(opened.status, 201) << opened.body;
    const int64_t id = id_of(opened);
    auto submitted = act(c, id, "submit", rev_of(opened), {{"sections", full_sections()}});
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    auto published = act(c, id, "publish", rev_of(submitted));
    EXPECT_EQ(published.status, 200) << published.body;
    return published;
  }

  std::string ent = make_uscc("320102", "301234567");
  std::string other = make_uscc("110101", "301234568");
};

}  // namespace qc::test
