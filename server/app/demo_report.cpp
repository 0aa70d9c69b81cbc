// Demo: one published yearly quality-credit report, so the public portal shows one.
// Idempotent: nothing happens once the demo enterprise has a report case.
#include <spdlog/spdlog.h>

#include "app/demo.hpp"

namespace qc::app {

namespace {

namespace json = boost::json;

json::object demo_sections() {
  auto text = [](const char* s) { return json::value(s); };
  return {
      {"preface",
       json::object{
           {"compilation_rules",
            json::object{
                {"objectivity", text("本报告内容真实、客观，不存在虚假记载或误导性陈述。")},
                {"scope", text("本报告覆盖南京玄武精密仪器有限公司及其全部生产基地。")},
                {"period", text("2025年1月1日至2025年12月31日。")},
                {"cycle", text("本报告每年发布一次。")},
                {"data_notes", text("报告数据来源于公司质量管理体系记录和财务统计。")},
                {"availability", text("可在公司门户网站“质量诚信”栏目下载。")}}},
           {"leadership",
            text("质量是企业的生命。我们坚持“质量第一、诚信为本”，对每一台仪器负责。")},
           {"profile",
            text("公司成立于2015年，民营企业，总部位于南京市玄武区，主要生产精密测量仪器。")}}},
      {"body",
       json::object{
           {"philosophy", text("以精准立身，以诚信立业。")},
           {"management",
            json::object{
                {"organisation", text("由总经理担任首席质量官，设质量管理委员会。")},
                {"system", text("通过GB/T 19001质量管理体系认证并有效运行。")},
                {"risk",
                 json::object{{"complaints", text("设立400服务热线，投诉48小时内响应。")},
                              {"monitoring", text("每季度开展质量安全风险分析评估。")},
                              {"emergency", text("制定重大质量安全事故应急预案并每年演练。")}}}}},
           {"integrity", json::object{{"integrity_management",
                                       text("在设计、采购、生产、售后全过程兑现质量承诺。")},
                                      {"culture", text("每年开展质量月活动和质量法律法规培训。")}}},
           {"foundation",
            json::object{{"standards", text("执行国家标准12项，参与制定行业标准2项。")},
                         {"metrology", text("建立完善的计量检测体系，通过测量管理体系认证。")},
                         {"certification", text("取得质量、环境、职业健康安全管理体系认证。")},
                         {"inspection", text("具备全项出厂检验能力。")}}},
           {"responsibility",
            json::object{
                {"quality_level", text("2025年产品出厂合格率100%。")},
                {"after_sales", text("严格履行三包责任，建立产品召回制度。")},
                {"social_responsibility", text("推行清洁生产，节能降耗。")},
                {"credit_records",
                 json::object{
                     {"text", text("报告期内无质量信用不良记录。良好记录如下：")},
                     {"tables",
                      json::array{json::object{
                          {"caption", text("质量信用良好记录")},
                          {"rows", json::array{json::array{"时间", "记录"},
                                               json::array{"2025-09", "南京市质量奖"}}}}}}}}}}}},
      {"closing", text("我们将持续提升质量管理水平，欢迎社会各界监督。")},
  };
}

}  // namespace

void load_demo_report(Store& store, CaseService& cases, const std::string& uscc) {
  CaseQuery q;
  q.scope.all = true;
  q.procedure = "national.credit_report";
  q.enterprise = uscc;
  if (store.cases(q).total > 0) return;
  Actor ent{"ent-1", "南京玄武精密仪器有限公司", {RoleGrant{"enterprise", "320102"}}, uscc};
  OpenRequest o;
  o.procedure = "national.credit_report";
  o.enterprise = uscc;
  o.data = {{"year", 2026}};
  auto opened = cases.open(ent, o);
  if (!opened) {
    spdlog::warn("demo report not opened: {}", opened.error().message);
    return;
  }
  ActRequest submit;
  submit.rev = opened->c.rev;
  submit.data = {{"sections", demo_sections()}};
  auto submitted = cases.act(ent, opened->c.id, "submit", submit);
  if (!submitted) {
    spdlog::warn("demo report not submitted: {}", submitted.error().message);
    return;
  }
  ActRequest publish;
  publish.rev = submitted->c.rev;
  if (auto r = cases.act(ent, opened->c.id, "publish", publish); !r)
    spdlog::warn("demo report not published: {}", r.error().message);
}

}  // namespace qc::app
