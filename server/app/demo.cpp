#include "app/demo.hpp"

#include <spdlog/spdlog.h>

#include "core/uscc.hpp"

namespace qc::app {

namespace {

struct DemoUser {
  const char* username;
  const char* display_name;
  const char* role;
  const char* region;
  const char* enterprise_stem;  // first 17 characters of the bound enterprise's USCC
};

struct DemoEnterprise {
  const char* stem;  // 17 characters; the check character is computed
  const char* name;
  const char* region;
  const char* established_on;
};

constexpr DemoEnterprise kEnterprises[] = {
    {"91320102MA1NAB8K2", "南京玄武精密仪器有限公司", "320102", "2015-06-18"},
    {"91320104MA1PQ3RT5", "南京秦淮食品股份有限公司", "320104", "2012-03-09"},
    {"91320205MA1WX7YB3", "无锡锡山电缆有限公司", "320205", "2021-11-02"},
    {"91110108MA01KD4L6", "北京海淀软件有限公司", "110108", "2018-08-08"},
    {"51320000501234567", "江苏省质量协会", "320000", "1985-04-01"},
};

constexpr DemoUser kUsers[] = {
    {"admin-demo", "系统管理员", "admin", "000000", nullptr},
    {"js-samr", "江苏省市场监管局", "samr", "320000", nullptr},
    {"js-drc", "江苏省发展改革委", "drc", "320000", nullptr},
    {"nj-samr", "南京市市场监管局", "samr", "320100", nullptr},
    {"nj-drc", "南京市发展改革委", "drc", "320100", nullptr},
    {"xw-samr", "玄武区市场监管局", "samr", "320102", nullptr},
    {"xw-drc", "玄武区发展改革委", "drc", "320102", nullptr},
    {"expert1", "评审专家一", "expert", "320000", nullptr},
    {"expert2", "评审专家二", "expert", "320000", nullptr},
    {"expert3", "评审专家三", "expert", "320000", nullptr},
    {"expert4", "评审专家四", "expert", "320000", nullptr},
    {"expert5", "评审专家五", "expert", "320000", nullptr},
    {"office", "质量诚信承诺活动办公室", "activity_office", "000000", nullptr},
    {"organizer-js", "江苏省质量协会", "organizer", "320000", nullptr},
    {"ent-1", "南京玄武精密仪器有限公司", "enterprise", "320102", "91320102MA1NAB8K2"},
};

std::string full_uscc(const char* stem) { return std::string(stem) + uscc_check_char(stem); }

}  // namespace

void load_demo(Store& store, AuthService& auth, RegistryService& registry, CaseService& cases) {
  Actor system{"demo", "demo", {RoleGrant{"admin", "000000"}}, std::nullopt};
  for (const auto& e : kEnterprises) {
    Enterprise ent{full_uscc(e.stem), e.name, e.region, *parse_date(e.established_on), "active"};
    if (store.enterprise(ent.uscc)) continue;
    if (auto r = registry.create_enterprise(system, ent); !r)
      spdlog::warn("demo enterprise {} not created: {}", ent.uscc, r.error().message);
  }
  for (const auto& u : kUsers) {
    if (store.user(u.username)) continue;
    NewUser nu{u.username, kDemoPassword, u.display_name, {RoleGrant{u.role, u.region}}, std::nullopt};
    if (u.enterprise_stem) nu.enterprise = full_uscc(u.enterprise_stem);
    if (auto r = auth.create_user(nu, "demo"); !r)
      spdlog::warn("demo user {} not created: {}", u.username, r.error().message);
  }
  // One bad record, so the archive is not empty.
  const auto qinhuai = full_uscc(kEnterprises[1].stem);
  if (store.records(qinhuai).empty()) {
    QualityRecord rec;
    rec.kind = "bad";
    rec.category = "spot_check_fail";
    rec.occurred_on = *parse_date("2024-05-20");
    rec.source = "南京市市场监管局2024年第2期产品质量监督抽查";
    rec.detail = "速冻面米制品菌落总数不合格";
    (void)registry.add_record(system, qinhuai, rec);
  }
  // A work plan awaiting the activity office, so the demo has something to do.
  CaseQuery q;
  q.scope.all = true;
  q.procedure = "national.commitment_workplan";
  if (store.cases(q).total == 0) {
    Actor organizer{"organizer-js", "江苏省质量协会", {RoleGrant{"organizer", "320000"}}, std::nullopt};
    OpenRequest o;
    o.procedure = "national.commitment_workplan";
    o.enterprise = full_uscc(kEnterprises[4].stem);  // the organiser's own organisation
    o.data = {{"plan_title", "2026年江苏省质量诚信承诺活动工作方案"}};
    auto r = cases.open(organizer, o, [](const Case&, const CaseExtras&) { return std::string(); });
    if (!r) spdlog::warn("demo case not opened: {}", r.error().message);
  }
  load_demo_report(store, cases, full_uscc(kEnterprises[0].stem));
}

}  // namespace qc::app
