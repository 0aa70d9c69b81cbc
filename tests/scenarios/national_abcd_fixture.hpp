#pragma once
// The national A/B/C/D classification through the HTTP API: five enterprises whose
// archives give A, B, C, D and no grade as of 2026-06-15, the staff and enterprise users
// of the two publication procedures, and the calls the scenarios share.
#include <chrono>
#include <thread>

#include "support/api_fixture.hpp"

namespace qc::test {

class NationalAbcdScenario : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    set_clock("2026-06-15T02:00:00Z");
    for (const auto* u : {&ent_a, &ent_b, &ent_c, &ent_d}) create_enterprise(*u, "320102");
    create_enterprise(ent_young, "320102", "2025-09-01");
    create_enterprise(ent_bj, "110108");
    create_user("js-samr", "samr", "320000");
    create_user("bj-samr", "samr", "110000");
    create_user("inspector", "expert", "320000");
    create_user("ent-a", "enterprise", "320102", ent_a);
    create_user("ent-b", "enterprise", "320102", ent_b);
    create_user("ent-d", "enterprise", "320102", ent_d);
    add_record(*admin, ent_b, "violation", "2025-03-01");
    add_record(*admin, ent_c, "spot_check_fail", "2026-03-01");
    add_record(*admin, ent_d, "counterfeit", "2026-02-01");
  }

  void set_clock(const std::string& at) {
    auto r = admin->post("/api/v1/admin/clock", json::object{{"set", at}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  HttpResult add_record(HttpClient& c, const std::string& uscc, const std::string& category,
                        const std::string& on, const std::string& kind = "bad") {
    return c.post("/api/v1/enterprises/" + uscc + "/records", json::object{{"kind", kind},
                                                                           {"category", category},
                                                                           {"occurred_on", on},
                                                                           {"source", "监督抽查"},
                                                                           {"detail", "测试"}});
  }

  // Starts a run and waits for it to finish; returns its final state.
  json::object run_to_end(HttpClient& c, const std::string& as_of = "2026-06-15") {
    auto started = c.post("/api/v1/classification/runs", json::object{{"as_of", as_of}});
    EXPECT_EQ(started.status, 202) << started.body;
    if (started.status != 202) return {};
    EXPECT_EQ(started.json().at("status"), "running");
    const auto id = std::to_string(id_of(started));
    for (int i = 0; i < 400; ++i) {
      auto r = c.get("/api/v1/classification/runs/" + id);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) return {};
      auto o = r.json().as_object();
      if (o.at("status") != "running") return o;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ADD_FAILURE() << "run " << id << " did not finish";
    return {};
  }

  // The internal register's entry for `uscc` (null when absent).
  // With `run_id`, a what-if run's kept results.
  json::value result_of(HttpClient& c, const std::string& uscc, int64_t run_id = 0) {
    auto r = c.get("/api/v1/classification?per_page=500" +
                   (run_id ? "&run_id=" + std::to_string(run_id) : std::string()));
    EXPECT_EQ(r.status, 200) << r.body;
    const json::value body = r.json();
    for (const auto& item : body.at("items").as_array())
      if (item.at("enterprise").at("uscc").as_string() == uscc) return item;
    return nullptr;
  }

  static std::string grade(const json::value& result) {
    if (!result.is_object() || result.at("grade").is_null()) return "";
    return std::string(result.at("grade").as_string());
  }

  // The enterprises a public list names.
  std::vector<std::string> public_usccs(const std::string& path) {
    auto r = client()->get(path);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    const json::value body = r.json();
    for (const auto& item : body.at("items").as_array())
      out.emplace_back(item.at("enterprise").at("uscc").as_string());
    return out;
  }

  std::string ent_a = make_uscc("320102", "MA1ABCDA1");
  std::string ent_b = make_uscc("320102", "MA1ABCDB2");
  std::string ent_c = make_uscc("320102", "MA1ABCDC3");
  std::string ent_d = make_uscc("320102", "MA1ABCDD4");
  std::string ent_young = make_uscc("320102", "MA1ABCDY5");
  std::string ent_bj = make_uscc("110108", "MA1ABCDJ6");
};

}  // namespace qc::test
