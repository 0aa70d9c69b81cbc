// Who may see and do what, as one table: every route the server serves × every kind of
// caller (role × level × own or other jurisdiction), through HTTP against the real server.
// A read outside jurisdiction is 404 (existence is not confirmed); an action on a case the
// caller may read but not act on is 403. The table must name every route in
// /api/v1/openapi.json: a new endpoint fails this test until its row says who may use it.
#include <functional>
#include <set>
#include <tuple>

#include "jiangsu_fixture.hpp"

namespace qc::test {
namespace {

// The callers: anonymous, admin, two enterprises (own and sibling county), staff of the own
// county (玄武区 320102), the sibling county (秦淮区 320104), the city (南京 320100), the
// province (江苏 320000) and another province (北京 110000), and a provincial expert.
const std::vector<std::string> kCallers{"anon",    "admin",   "ent-own", "ent-sib",
                                        "xw-samr", "qh-samr", "nj-samr", "js-samr",
                                        "js-drc",  "bj-samr", "expert1"};

using Expect = std::map<std::string, int>;  // caller -> status

// Reading something of the own enterprise (玄武区) or of the sibling (秦淮区).
Expect read_own() {
  return {{"anon", 401},    {"admin", 200},   {"ent-own", 200}, {"ent-sib", 404},
          {"xw-samr", 200}, {"qh-samr", 404}, {"nj-samr", 200}, {"js-samr", 200},
          {"js-drc", 200},  {"bj-samr", 404}, {"expert1", 200}};
}
Expect read_sib() {
  Expect e = read_own();
  e["ent-own"] = 404;
  e["ent-sib"] = 200;
  e["xw-samr"] = 404;
  e["qh-samr"] = 200;
  return e;
}
Expect signed_in(int status = 200) {
  Expect e;
  for (const auto& c : kCallers) e[c] = c == "anon" ? 401 : status;
  return e;
}
Expect admin_only(int status = 200) {
  Expect e = signed_in(403);
  e["admin"] = status;
  return e;
}

struct Row {
  std::string method, pattern, path;
  std::string body;  // JSON text
  Expect expect;
  // Callers taken last, in this order, because their success changes what others see.
  std::vector<std::string> last = {};
};

class JurisdictionMatrix : public JiangsuScenario {
 protected:
  void SetUp() override {
    JiangsuScenario::SetUp();
    own_ = add_enterprise("MA1MXWN01", "320102");
    sib_ = add_enterprise("MA1MXB001", "320104");
    rename("ent-ma1mxwn01", "ent-own");
    rename("ent-ma1mxb001", "ent-sib");
    for (auto [name, role, region] :
         {std::tuple{"qh-samr", "samr", "320104"}, {"bj-samr", "samr", "110000"}}) {
      create_user(name, role, region);
      clients_[name] = login(name);
    }
    for (const char* name : {"xw-samr", "nj-samr", "js-samr", "js-drc", "expert1"}) as(name);
    create_user("mx-target", "samr", "320102");
    clients_["anon"] = client();
    clients_["admin"] = std::move(admin);
    admin = login("admin", ServerProcess::kAdminPassword);
  }

  void TearDown() override {
    clients_.erase("admin");
    clients_.erase("anon");
    JiangsuScenario::TearDown();
  }

  // A second session of `username` under a short name for the table.
  void rename(const std::string& username, const std::string& alias) {
    clients_[alias] = login(username);
  }

  HttpResult call(const std::string& who, const Row& row) {
    return clients_.at(who)->request(row.method, row.path, row.body);
  }

  // Runs the row for every caller, `last` ones at the end, and checks each status.
  void run(const Row& row) {
    std::vector<std::string> order;
    for (const auto& c : kCallers)
      if (std::find(row.last.begin(), row.last.end(), c) == row.last.end()) order.push_back(c);
    order.insert(order.end(), row.last.begin(), row.last.end());
    for (const auto& who : order) {
      ASSERT_TRUE(row.expect.contains(who)) << row.pattern << ": no expectation for " << who;
      const auto r = call(who, row);
      EXPECT_EQ(r.status, row.expect.at(who))
          << row.method << " " << row.path << " as " << who << ": " << r.body;
      if (r.status >= 400) {
        EXPECT_NO_THROW((void)r.json().at("error").at("code")) << r.body;
      }
    }
    covered_.insert(row.method + " " + row.pattern);
  }

  // A list endpoint: which of the two enterprises each caller sees in its items.
  // Without `uscc_of` (a register with no entries yet) only the statuses are checked.
  void visibility(const std::string& pattern, const std::string& path,
                  const std::function<std::string(const json::value&)>& uscc_of = {}) {
    for (const auto& who : kCallers) {
      const auto r = clients_.at(who)->get(path);
      if (who == "anon") {
        EXPECT_EQ(r.status, 401) << path;
        continue;
      }
      ASSERT_EQ(r.status, 200) << path << " as " << who << ": " << r.body;
      if (!uscc_of) continue;
      std::set<std::string> seen;
      const json::value r_json = r.json();
      for (const auto& item : r_json.at("items").as_array()) seen.insert(uscc_of(item));
      EXPECT_EQ(seen.contains(own_), read_own().at(who) == 200) << path << " as " << who;
      EXPECT_EQ(seen.contains(sib_), read_sib().at(who) == 200) << path << " as " << who;
    }
    covered_.insert("GET " + pattern);
  }

  std::string own_, sib_;
  std::set<std::string> covered_;
};

// Routes outside the matrix, and why.
const std::set<std::string> kExempt{
    "GET /healthz",           "GET /readyz",
    "GET /metrics",           "GET /api/v1/openapi.json",  // operations
    "POST /api/v1/session",                                // login: the brute-force tests cover it
    "DELETE /api/v1/session",  // logout ends the caller's own session: api_test covers it
};

TEST_F(JurisdictionMatrix, EveryRouteChecksRoleLevelAndJurisdiction) {
  // Opening a case: only the enterprise itself (the procedure's starter), in jurisdiction.
  Expect open = read_own();
  for (auto& [who, status] : open)
    if (status == 200) status = 403;
  open["ent-own"] = 201;
  const std::string open_body = json::serialize(json::object{
      {"procedure", kRecognition}, {"enterprise", own_}, {"data", {{"requested_grade", "A"}}}});
  run({"POST", "/api/v1/cases", "/api/v1/cases", open_body, open, {"ent-own"}});
  auto mine = clients_.at("ent-own")->get("/api/v1/cases?enterprise=" + own_);
  ASSERT_EQ(mine.status, 200) << mine.body;
  const int64_t c_own = mine.json().at("items").at(0).at("id").as_int64();
  auto sib_open = open_recognition("MA1MXB001", sib_, "A");
  ASSERT_EQ(sib_open.status, 201) << sib_open.body;
  const int64_t c_sib = id_of(sib_open);
  for (auto [who, id] : {std::pair{"ent-own", c_own}, {"ent-sib", c_sib}}) {
    auto r = act(*clients_.at(who), id, "submit", rev_of(get_case(id)));
    ASSERT_EQ(r.status, 200) << r.body;
  }
  const auto own_case = "/api/v1/cases/" + std::to_string(c_own);
  const auto sib_case = "/api/v1/cases/" + std::to_string(c_sib);

  // Reads of one enterprise or case.
  for (const char* sub : {"", "/records", "/grants", "/bans", "/listings"}) {
    const std::string pattern = std::string("/api/v1/enterprises/{uscc}") + sub;
    run({"GET", pattern, "/api/v1/enterprises/" + own_ + sub, "", read_own()});
    run({"GET", pattern, "/api/v1/enterprises/" + sib_ + sub, "", read_sib()});
  }
  for (const char* sub : {"", "/history", "/documents"}) {
    run({"GET", std::string("/api/v1/cases/{id}") + sub, own_case + sub, "", read_own()});
    run({"GET", std::string("/api/v1/cases/{id}") + sub, sib_case + sub, "", read_sib()});
  }
  // Objectors' identities: only the deciders of objection_review (province SAMR) and admin;
  // other readers of the case are refused, outsiders do not learn that it exists.
  Expect objectors = read_own();
  for (auto& [who, status] : objectors)
    if (status == 200 && who != "admin" && who != "js-samr") status = 403;
  run({"GET", "/api/v1/cases/{id}/objections", own_case + "/objections", "", objectors});
  // No document exists yet: readers get 404 for the document, outsiders for the case.
  Expect no_document = signed_in(404);
  run({"GET", "/api/v1/cases/{id}/documents/{name}", own_case + "/documents/decision", "",
       no_document});

  // Taking an action: county review is the county SAMR's (第十二条（二）).
  Expect approve = read_own();
  for (auto& [who, status] : approve)
    if (status == 200) status = 403;
  approve["xw-samr"] = 200;
  const std::string approve_body = json::serialize(act_body(rev_of(get_case(c_own))));
  run({"POST",
       "/api/v1/cases/{id}/actions/{action}",
       own_case + "/actions/approve",
       approve_body,
       approve,
       {"xw-samr"}});
  EXPECT_EQ(stage_of(get_case(c_own)), "county_recheck");
  EXPECT_EQ(stage_of(get_case(c_sib)), "county_review");

  // Writing the quality archive: SAMR staff of the jurisdiction and admin.
  Expect record = read_own();
  for (auto& [who, status] : record) status = status == 200 ? 403 : status;
  for (const char* who : {"admin", "xw-samr", "nj-samr", "js-samr"}) record[who] = 201;
  record["ent-sib"] = 403;  // not SAMR staff: refused before the enterprise is looked up
  run({"POST", "/api/v1/enterprises/{uscc}/records", "/api/v1/enterprises/" + own_ + "/records",
       json::serialize(json::object{{"kind", "good"},
                                    {"category", "award"},
                                    {"occurred_on", "2026-01-05"},
                                    {"source", "矩阵测试"}}),
       record});
  // Correcting a record: provincial SAMR of the jurisdiction and admin. A record is
  // corrected once: the row for each of the two runs it last, the other then gets 409.
  auto recs = clients_.at("admin")->get("/api/v1/enterprises/" + own_ + "/records");
  ASSERT_EQ(recs.status, 200) << recs.body;
  ASSERT_GE(recs.json().at("items").as_array().size(), 2u) << recs.body;
  Expect correct = record;
  for (const char* who : {"ent-own", "xw-samr", "nj-samr"}) correct[who] = 403;
  for (const auto& [who, last] : {std::pair{"admin", "js-samr"}, {"js-samr", "admin"}}) {
    const int64_t rid =
        recs.json().at("items").at(std::string_view(who) == "admin" ? 0 : 1).at("id").as_int64();
    Expect e = correct;
    e[who] = 200;
    e[last] = 409;
    run({"POST",
         "/api/v1/enterprises/{uscc}/records/{id}/correction",
         "/api/v1/enterprises/" + own_ + "/records/" + std::to_string(rid) + "/correction",
         json::serialize(json::object{{"reason", "矩阵测试：记录不属实"}}),
         e,
         {last}});
  }
  // Registering an enterprise: SAMR of the region it is registered in.
  Expect create = signed_in(403);
  for (const char* who : {"admin", "xw-samr", "nj-samr", "js-samr"}) create[who] = 201;
  const char* orgs[] = {"MA1MXNEW1", "MA1MXNEW2", "MA1MXNEW3", "MA1MXNEW4"};
  Row reg{"POST", "/api/v1/enterprises", "/api/v1/enterprises", "", {}};
  int n = 0;
  for (const auto& who : kCallers) {
    const bool ok = create.at(who) == 201;
    reg.body = json::serialize(
        json::object{{"uscc", make_uscc("320102", ok ? orgs[n++ % 4] : "MA1MXNP01")},
                     {"name", "矩阵新企业"},
                     {"region", "320102"},
                     {"established_on", "2020-01-01"}});
    auto r = call(who, reg);
    EXPECT_EQ(r.status, create.at(who)) << "POST /api/v1/enterprises as " << who << ": " << r.body;
  }
  covered_.insert("POST /api/v1/enterprises");
  // The same SAMR outside its region may not register there.
  Row elsewhere = reg;
  elsewhere.body = json::serialize(json::object{{"uscc", make_uscc("320104", "MA1MXQH01")},
                                                {"name", "秦淮新企业"},
                                                {"region", "320104"},
                                                {"established_on", "2020-01-01"}});
  EXPECT_EQ(call("xw-samr", elsewhere).status, 403);
  EXPECT_EQ(call("bj-samr", elsewhere).status, 403);

  // Lists: only what the caller's jurisdiction covers.
  auto ent_of = [](const json::value& v) { return str(v.at("uscc")); };
  auto case_ent = [](const json::value& v) { return str(v.at("enterprise")); };
  visibility("/api/v1/enterprises", "/api/v1/enterprises?per_page=500", ent_of);
  visibility("/api/v1/cases", "/api/v1/cases?per_page=500", case_ent);
  for (const char* reg_list : {"/api/v1/grants", "/api/v1/bans", "/api/v1/listings"})
    visibility(reg_list, std::string(reg_list) + "?per_page=500");

  // Any signed-in user.
  run({"GET", "/api/v1/me", "/api/v1/me", "", signed_in()});
  run({"GET", "/api/v1/admin/clock", "/api/v1/admin/clock", "", signed_in()});
  run({"GET", "/api/v1/procedures", "/api/v1/procedures", "", signed_in()});
  run({"GET", "/api/v1/procedures/{id}", std::string("/api/v1/procedures/") + kRecognition, "",
       signed_in()});
  run({"GET", "/api/v1/procedures/{id}/graph",
       std::string("/api/v1/procedures/") + kRecognition + "/graph?format=mermaid", "",
       signed_in()});

  // Admin only.
  run({"GET", "/api/v1/users", "/api/v1/users", "", admin_only()});
  run({"POST",
       "/api/v1/users",
       "/api/v1/users",
       json::serialize(json::object{
           {"username", "mx-created"},
           {"password", kPassword},
           {"grants", json::array{json::object{{"role", "samr"}, {"region", "320102"}}}}}),
       admin_only(201),
       {"admin"}});
  run({"GET", "/api/v1/users/{username}", "/api/v1/users/mx-target", "", admin_only()});
  run({"PATCH", "/api/v1/users/{username}", "/api/v1/users/mx-target",
       R"({"display_name":"矩阵目标"})", admin_only()});
  run({"POST", "/api/v1/users/{username}/password", "/api/v1/users/mx-target/password",
       R"({"password":"another-password-9"})", admin_only()});
  run({"GET", "/api/v1/users/{username}/sessions", "/api/v1/users/mx-target/sessions", "",
       admin_only()});
  run({"DELETE", "/api/v1/users/{username}/sessions", "/api/v1/users/mx-target/sessions", "",
       admin_only()});
  run({"DELETE", "/api/v1/users/{username}/sessions/{id}",
       "/api/v1/users/mx-target/sessions/0123456789abcdef01234567", "", admin_only(404)});
  run({"GET", "/api/v1/audit/verify", "/api/v1/audit/verify", "", admin_only()});
  run({"POST", "/api/v1/procedures/reload", "/api/v1/procedures/reload", "", admin_only()});
  run({"POST", "/api/v1/admin/clock", "/api/v1/admin/clock", R"({"advance_days":0})",
       admin_only()});

  // The audit trail: admins; provincial supervisors for one case of their province.
  run({"GET", "/api/v1/audit", "/api/v1/audit", "", admin_only()});
  Expect trail = admin_only();
  trail["js-samr"] = trail["js-drc"] = 200;
  trail["bj-samr"] = 404;  // a supervisor, but not of this case's province
  run({"GET", "/api/v1/audit", "/api/v1/audit?case=" + std::to_string(c_own), "", trail});

  // The commitment activity's complaints inbox and yearly report: activity office,
  // organisers, SAMR and admin, each within its jurisdiction. A complaint about the own
  // enterprise (not listed, so it waits in the inbox).
  auto filed = clients_.at("anon")->post(
      "/api/v1/public/complaints",
      json::object{{"uscc", own_}, {"content", "矩阵投诉"}, {"contact", "13900000000"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  const auto complaint = "/api/v1/complaints/" + std::to_string(filed.json().at("id").as_int64());
  Expect inbox = signed_in(403);
  for (const char* who : {"admin", "xw-samr", "qh-samr", "nj-samr", "js-samr", "bj-samr"})
    inbox[who] = 200;
  run({"GET", "/api/v1/complaints", "/api/v1/complaints", "", inbox});
  run({"GET", "/api/v1/reports/commitment", "/api/v1/reports/commitment?year=2026", "", inbox});
  Expect one = inbox;
  one["qh-samr"] = one["bj-samr"] = 404;
  run({"GET", "/api/v1/complaints/{id}", complaint, "", one});
  Expect route = one;  // supervision is opened by organisers (its starters), not by SAMR
  for (const char* who : {"admin", "xw-samr", "nj-samr", "js-samr"}) route[who] = 403;
  run({"POST", "/api/v1/complaints/{id}/route", complaint + "/route",
       R"({"procedure":"national.commitment_supervision"})", route});
  Expect close = one;  // the first allowed caller closes it; the others find it closed
  for (const char* who : {"admin", "xw-samr", "js-samr"}) close[who] = 409;
  run({"POST",
       "/api/v1/complaints/{id}/close",
       complaint + "/close",
       R"({"reason":"不属实"})",
       close,
       {"nj-samr", "xw-samr", "js-samr", "admin"}});

  // The national classification (internal): SAMR and admin.
  Expect samr = signed_in(403);
  for (const char* who : {"admin", "xw-samr", "qh-samr", "nj-samr", "js-samr", "bj-samr"})
    samr[who] = 200;
  // 001 五（一）: runs are the province's (or the nation's), not a county's or a city's.
  Expect started = samr;
  for (auto& [who, status] : started)
    if (status == 200) status = 202;
  for (const char* who : {"xw-samr", "qh-samr", "nj-samr"}) started[who] = 403;
  run({"POST", "/api/v1/classification/runs", "/api/v1/classification/runs",
       R"({"as_of":"2026-12-01"})", started});
  auto run_started =
      admin->post("/api/v1/classification/runs", json::object{{"as_of", "2026-12-01"}});
  ASSERT_EQ(run_started.status, 202) << run_started.body;
  run({"GET", "/api/v1/classification/runs/{id}",
       "/api/v1/classification/runs/" + std::to_string(run_started.json().at("id").as_int64()), "",
       samr});
  run({"GET", "/api/v1/classification", "/api/v1/classification", "", samr});
  run({"POST", "/api/v1/import", "/api/v1/import", "uscc,name,region,established_on\n", samr});

  // The yearly credit-report package of a region: staff of that region and admin. Another
  // region's package is refused (403): a region is not a record whose existence is hidden.
  Expect package = one;
  package["qh-samr"] = package["bj-samr"] = 403;
  for (const char* path : {"/api/v1/reports/package/manifest", "/api/v1/reports/package"})
    run({"GET", path, std::string(path) + "?year=2026&region=320102", "", package});
  Expect submitted = package;  // every allowed caller records a submission of its own
  for (auto& [who, status] : submitted)
    if (status == 200) status = 201;
  run({"POST", "/api/v1/reports/package/submissions", "/api/v1/reports/package/submissions",
       R"({"year":2026,"region":"320102"})", submitted});
  run({"GET", "/api/v1/reports/package/submissions", "/api/v1/reports/package/submissions", "",
       inbox});
  auto sent = admin->post("/api/v1/reports/package/submissions",
                          json::object{{"year", 2026}, {"region", "320102"}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  Expect one_package = package;  // another region's submission is not disclosed
  one_package["qh-samr"] = one_package["bj-samr"] = 404;
  run({"GET", "/api/v1/reports/package/submissions/{id}",
       "/api/v1/reports/package/submissions/" + std::to_string(sent.json().at("id").as_int64()), "",
       one_package});

  // Every route is in the table, or exempt above, or public (/api/v1/public/…).
  auto doc = clients_.at("anon")->get("/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  const json::value doc_json = doc.json();
  for (const auto& [pattern, ops] : doc_json.at("paths").as_object()) {
    for (const auto& [method, op] : ops.as_object()) {
      std::string m(method);
      for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      const std::string route = m + " " + std::string(pattern);
      if (kExempt.contains(route) || pattern.starts_with("/api/v1/public/")) continue;
      EXPECT_TRUE(covered_.contains(route))
          << route << " has no row in the jurisdiction matrix: say who may use it";
    }
  }
}

class PublicRoutes : public ApiFixture {};

TEST_F(PublicRoutes, NeedNoLoginAndShowNoContacts) {
  for (const char* path :
       {"/api/v1/public/notices", "/api/v1/public/grades", "/api/v1/public/listings",
        "/api/v1/public/announcements", "/api/v1/public/blacklist"}) {
    auto r = client()->get(path);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    EXPECT_EQ(r.body.find("contact"), std::string::npos) << path << ": " << r.body;
  }
}

}  // namespace
}  // namespace qc::test
