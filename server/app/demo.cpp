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
    {"organizer-js", "江苏省质量协会", "organizer", "320000", "51320000501234567"},
    {"ent-1", "南京玄武精密仪器有限公司", "enterprise", "320102", "91320102MA1NAB8K2"},
};

std::string full_uscc(const char* stem) { return std::string(stem) + uscc_check_char(stem); }

// Takes `action` on case `id` at its current rev; false (logged) when refused.
bool demo_act(CaseService& cases, Store& store, const Actor& actor, int64_t id,
              const std::string& action, JsonObject data = {}) {
  auto c = store.case_by_id(id);
  ActRequest req;
  req.rev = c ? c->rev : 0;
  req.data = std::move(data);
  auto r = cases.act(actor, id, action, req);
  if (!r) spdlog::warn("demo action {} on case {} refused: {}", action, id, r.error().message);
  return r.ok();
}

// The commitment activity (issue: work plans, listing, complaints): a filed 2025 plan of
// 江苏省质量协会, 南京玄武精密仪器 listed by it, and a complaint about an unlisted
// enterprise waiting in the staff inbox. Runs once: skipped when any activity case exists.
void load_commitment_demo(Store& store, CaseService& cases) {
  CaseQuery q;
  q.scope.all = true;
  q.procedure = "national.commitment_activity";
  if (store.cases(q).total > 0) return;
  const std::string association = full_uscc(kEnterprises[4].stem);
  const std::string xuanwu = full_uscc(kEnterprises[0].stem);
  const Actor organizer{
      "organizer-js", "江苏省质量协会", {RoleGrant{"organizer", "320000"}}, association};
  const Actor office{
      "office", "质量诚信承诺活动办公室", {RoleGrant{"activity_office", "000000"}}, std::nullopt};
  const Actor enterprise{
      "ent-1", "南京玄武精密仪器有限公司", {RoleGrant{"enterprise", "320102"}}, xuanwu};

  OpenRequest plan{"national.commitment_workplan",
                   association,
                   JsonObject{{"plan_title", "2025年江苏省质量信誉承诺活动工作方案"}},
                   {},
                   {}};
  auto p = cases.open(organizer, plan);
  if (!p) return spdlog::warn("demo plan not opened: {}", p.error().message);
  if (!demo_act(cases, store, organizer, p->c.id, "submit",
                {{"duties", "江苏省质量协会负责本省承诺活动的组织和管理。"},
                 {"requirements", "企业自愿申请，如实填写申请表。"},
                 {"commitment_content", "工信部科[2011]366号规定的六个方面。"},
                 {"review_procedure", "材料审查、现场核实、审查评价。"},
                 {"supervision_measures", "受理社会监督意见，年度复核。"}}) ||
      !demo_act(cases, store, office, p->c.id, "file"))
    return;

  OpenRequest apply{"national.commitment_activity", xuanwu, {}, {}, {}};
  auto a = cases.open(enterprise, apply);
  if (!a) return spdlog::warn("demo application not opened: {}", a.error().message);
  boost::json::array points{"meaning", "honesty", "law", "lifecycle", "improvement", "supervision"};
  if (!demo_act(cases, store, enterprise, a->c.id, "submit",
                {{"points", points}, {"legal_rep", "王建国"}, {"sealed", true}}) ||
      !demo_act(cases, store, organizer, a->c.id, "accept", {{"review_opinion", "符合参加条件"}}))
    return;

  // Kept for triage: 南京秦淮食品 is not listed, so no procedure took the complaint.
  const auto qinhuai = store.enterprise(full_uscc(kEnterprises[1].stem));
  Complaint k;
  k.uscc = qinhuai->uscc;
  k.region = qinhuai->region;
  k.content = "速冻水饺包装标注“零添加”，与配料表不符。";
  k.contact = "demo@example.com";
  k.received_at =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  (void)store.insert_complaint(
      k, AuditEntry{0, k.received_at, "public", "complaint.receive", {}, {}, {}});
}

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
    NewUser nu{
        u.username, kDemoPassword, u.display_name, {RoleGrant{u.role, u.region}}, std::nullopt};
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
  load_demo_archive(registry);
  // A work plan awaiting the activity office, so the demo has something to do.
  CaseQuery q;
  q.scope.all = true;
  q.procedure = "national.commitment_workplan";
  if (store.cases(q).total == 0) {
    Actor organizer{
        "organizer-js", "江苏省质量协会", {RoleGrant{"organizer", "320000"}}, std::nullopt};
    OpenRequest o;
    o.procedure = "national.commitment_workplan";
    o.enterprise = full_uscc(kEnterprises[4].stem);  // the organiser's own organisation
    o.data = {{"plan_title", "2026年江苏省质量诚信承诺活动工作方案"}};
    auto r = cases.open(organizer, o);
    if (!r) spdlog::warn("demo case not opened: {}", r.error().message);
  }
  load_commitment_demo(store, cases);
  load_demo_report(store, cases, full_uscc(kEnterprises[0].stem));
}

}  // namespace qc::app
