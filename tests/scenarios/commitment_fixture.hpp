#pragma once
// The cast of the commitment-activity scenarios (workflows/national/commitment_*.lua):
// the activity office, two organising units in Jiangsu and one in Beijing (each user bound
// to its organisation's registry entry), and enterprises in Nanjing and Beijing. Every
// test starts on Monday 1 June 2026, 09:00 Beijing time.
#include <map>
#include <memory>
#include <string>

#include "support/api_fixture.hpp"

namespace qc::test {

inline constexpr const char* kActivity = "national.commitment_activity";
inline constexpr const char* kSupervision = "national.commitment_supervision";

inline std::string text_of(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : std::string();
}
inline bool has_text(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class CommitmentScenario : public ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    ASSERT_EQ(
        admin->post("/api/v1/admin/clock", json::object{{"set", "2026-06-01T01:00:00Z"}}).status,
        200);
    for (const auto& [uscc, region] : {std::pair{association, "320000"},
                                       {department, "320000"},
                                       {bj_association, "110000"},
                                       {nanjing, "320102"},
                                       {qinhuai, "320104"},
                                       {beijing, "110108"}})
      create_enterprise(uscc, region);
    create_user("office", "activity_office", "000000");
    create_user("organizer-js", "organizer", "320000", association);
    create_user("organizer-js2", "organizer", "320000", department);
    create_user("organizer-bj", "organizer", "110000", bj_association);
    create_user("ent-nj", "enterprise", "320102", nanjing);
    create_user("ent-qh", "enterprise", "320104", qinhuai);
  }

  HttpClient& as(const std::string& username) {
    auto& c = clients_[username];
    if (!c) c = login(username);
    return *c;
  }

  json::object get_case(int64_t id) {
    auto r = admin->get("/api/v1/cases/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().as_object();
  }
  int64_t rev(int64_t id) { return get_case(id).at("rev").as_int64(); }
  // Takes `action` at the case's current rev.
  HttpResult step(const std::string& user, int64_t id, const std::string& action,
                  json::object data = {}) {
    return act(as(user), id, action, rev(id), std::move(data));
  }

  // The organiser's work plan, filed with the activity office.
  void file_plan(const std::string& organizer, const std::string& uscc) {
    auto opened = as(organizer).post(
        "/api/v1/cases", json::object{{"procedure", "national.commitment_workplan"},
                                      {"enterprise", uscc},
                                      {"data", json::object{{"plan_title", "承诺活动工作方案"}}}});
    ASSERT_EQ(opened.status, 201) << opened.body;
    const int64_t id = id_of(opened);
    ASSERT_EQ(step(organizer, id, "submit",
                   {{"duties", "组织实施"},
                    {"requirements", "企业自愿申请"},
                    {"commitment_content", "六项承诺"},
                    {"review_procedure", "材料审查"},
                    {"supervision_measures", "社会监督"}})
                  .status,
              200);
    ASSERT_EQ(stage_of(step("office", id, "file")), "filed");
  }

  static json::array all_points() {
    return {"meaning", "honesty", "law", "lifecycle", "improvement", "supervision"};
  }
  static json::object letter(json::array points = all_points()) {
    return {{"points", std::move(points)}, {"legal_rep", "张三"}, {"sealed", true}};
  }

  // An application by the enterprise user, submitted with a complete letter.
  int64_t apply(const std::string& ent_user, const std::string& uscc) {
    auto opened = as(ent_user).post(
        "/api/v1/cases",
        json::object{{"procedure", kActivity}, {"enterprise", uscc}, {"data", json::object{}}});
    EXPECT_EQ(opened.status, 201) << opened.body;
    const int64_t id = id_of(opened);
    auto submitted = step(ent_user, id, "submit", letter());
    EXPECT_EQ(stage_of(submitted), "organizer_review") << submitted.body;
    return id;
  }

  // Applied, reviewed and listed by `organizer` (whose plan must be filed).
  int64_t listed(const std::string& ent_user, const std::string& uscc,
                 const std::string& organizer = "organizer-js") {
    const int64_t id = apply(ent_user, uscc);
    auto accepted = step(organizer, id, "accept");
    EXPECT_EQ(stage_of(accepted), "listed") << accepted.body;
    return id;
  }

  HttpResult complain(const std::string& uscc,
                      const std::string& content = "产品以次充好，违背承诺",
                      const std::string& contact = "13912345678") {
    return client()->post("/api/v1/public/complaints",
                          json::object{{"uscc", uscc}, {"content", content}, {"contact", contact}});
  }

  json::array listings(const std::string& uscc) {
    auto r = admin->get("/api/v1/listings?activity=national.commitment&enterprise=" + uscc);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("items").as_array();
  }
  bool publicly_listed(const std::string& uscc) {
    auto r = client()->get("/api/v1/public/listings?activity=national.commitment&per_page=500");
    const auto body = r.json();  // the items live in it
    for (const auto& item : body.at("items").as_array())
      if (text_of(item.at("enterprise").at("uscc")) == uscc) return true;
    return false;
  }
  json::array announcements(const std::string& kind) {
    auto r = client()->get("/api/v1/public/announcements?family=national.commitment&kind=" + kind);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().at("items").as_array();
  }

  std::string association = make_uscc("320000", "501234567");
  std::string department = make_uscc("320000", "601234567");
  std::string bj_association = make_uscc("110000", "501234568");
  std::string nanjing = make_uscc("320102", "MA1AAAA01");
  std::string qinhuai = make_uscc("320104", "MA1AAAA02");
  std::string beijing = make_uscc("110108", "MA1AAAA03");

 private:
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
};

}  // namespace qc::test
