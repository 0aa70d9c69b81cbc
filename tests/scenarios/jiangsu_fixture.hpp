#pragma once
// The cast and the walks shared by the Jiangsu scenario tests: the real server with the
// shipped workflows/jiangsu/*.lua, staff of 南京市玄武区 (320102) up to the province, and
// experts. Users are created and logged in on first use (argon2 makes both slow), and
// every step reads the case's current rev first, as a browser would.
//
// One server serves a whole test suite, with its users and their sessions: every test
// sets the clock first, works on enterprises of its own and reads public lists only for
// them (public_items), so tests cannot see each other and still run alone.
#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/api_fixture.hpp"

namespace qc::test {

inline constexpr const char* kRecognition = "jiangsu.grade_recognition";
inline constexpr const char* kSanction = "jiangsu.grade_sanction";
inline constexpr const char* kGradeFamily = "jiangsu.quality_grade";

// The string inside a JSON value ("" when it is not a string), for EXPECT_EQ.
inline std::string str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : std::string();
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class JiangsuScenario : public ApiFixture {
 protected:
  // What passes from one test of a suite to the next.
  struct Shared {
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<HttpClient> admin;
    std::map<std::string, std::unique_ptr<HttpClient>> clients;
    std::map<std::string, bool> created;
  };
  static Shared& shared() {
    static Shared s;
    return s;
  }
  static void TearDownTestSuite() { shared() = Shared{}; }

  // Every test starts on Monday 2 March 2026, 10:00 Beijing time.
  void SetUp() override {
    if (!shared().server) {
      ApiFixture::SetUp();
    } else {
      server = std::move(shared().server);
      admin = std::move(shared().admin);
      clients_ = std::move(shared().clients);
      created_ = std::move(shared().created);
    }
    set_clock("2026-03-02T02:00:00Z");
  }
  void TearDown() override {
    shared() =
        Shared{std::move(server), std::move(admin), std::move(clients_), std::move(created_)};
  }

  void set_clock(const std::string& instant) {
    auto r = admin->post("/api/v1/admin/clock", json::object{{"set", instant}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  // A Jiangsu enterprise with its own user "ent-<org>"; returns its USCC.
  std::string add_enterprise(const std::string& org, const std::string& region = "320102",
                             const std::string& established_on = "2015-01-01") {
    const std::string uscc = make_uscc(region, org);
    create_enterprise(uscc, region, established_on);
    create_user(lower("ent-" + org), "enterprise", region, uscc);
    created_[lower("ent-" + org)] = true;
    return uscc;
  }

  // Usernames are lowercase; tests name enterprise users after the organisation code.
  static std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  }

  // A logged-in client for one of the cast below (or an enterprise user "ent-<org>" made by
  // add_enterprise), created on first use.
  HttpClient& as(const std::string& name) {
    const std::string username = lower(name);
    if (auto it = clients_.find(username); it != clients_.end()) return *it->second;
    if (!created_[username]) {
      const auto& [role, region] = cast().at(username);
      create_user(username, role, region);
      created_[username] = true;
    }
    return *(clients_[username] = login(username));
  }

  static const std::map<std::string, std::pair<std::string, std::string>>& cast() {
    static const std::map<std::string, std::pair<std::string, std::string>> c{
        {"xw-samr", {"samr", "320102"}},   {"xw-drc", {"drc", "320102"}},
        {"nj-samr", {"samr", "320100"}},   {"nj-drc", {"drc", "320100"}},
        {"js-samr", {"samr", "320000"}},   {"js-drc", {"drc", "320000"}},
        {"expert1", {"expert", "320000"}}, {"expert2", {"expert", "320000"}},
        {"expert3", {"expert", "320000"}}, {"expert4", {"expert", "320000"}},
        {"expert5", {"expert", "320000"}}, {"nj-expert", {"expert", "320100"}},
    };
    return c;
  }

  HttpResult open_recognition(const std::string& org, const std::string& uscc,
                              const std::string& grade, json::object data = {}) {
    data["requested_grade"] = grade;
    return as("ent-" + org)
        .post("/api/v1/cases",
              json::object{
                  {"procedure", kRecognition}, {"enterprise", uscc}, {"data", std::move(data)}});
  }

  HttpResult get_case(int64_t id) { return admin->get("/api/v1/cases/" + std::to_string(id)); }

  // `username` takes `action` at the case's current rev.
  HttpResult step(const std::string& username, int64_t id, const std::string& action,
                  json::object data = {}) {
    const auto current = get_case(id);
    EXPECT_EQ(current.status, 200) << current.body;
    return act(as(username), id, action, rev_of(current), std::move(data));
  }

  using Walk = std::vector<std::pair<std::string, std::string>>;

  // Takes each (user, action) in turn and checks that every one is accepted.
  void steps(int64_t id, const Walk& walk) {
    for (const auto& [user, action] : walk) {
      auto r = step(user, id, action);
      ASSERT_EQ(r.status, 200) << user << " " << action << ": " << r.body;
    }
  }

  // county_review → city_recheck: the four local reviews every grade goes through.
  static Walk local_reviews() {
    return {{"xw-samr", "approve"},
            {"xw-drc", "approve"},
            {"nj-samr", "approve"},
            {"nj-drc", "approve"}};
  }

  // Submits an A application and walks it to the public notice.
  void a_to_notice(const std::string& org, int64_t id) {
    Walk walk{{"ent-" + org, "submit"}};
    for (auto& s : local_reviews()) walk.push_back(s);
    walk.insert(walk.end(), {{"js-samr", "approve"}, {"js-drc", "approve"}});
    steps(id, walk);
  }

  // Sets the clock to the case's deadline, so that its timer fires.
  void reach_deadline(int64_t id) {
    const auto c = get_case(id);
    ASSERT_TRUE(c.json().as_object().contains("deadline")) << c.body;
    set_clock(str(c.json().at("deadline").at("due_at")));
  }

  // A whole A recognition, from opening to announcement; returns the case id.
  int64_t announce_a(const std::string& org, const std::string& uscc) {
    auto opened = open_recognition(org, uscc, "A");
    EXPECT_EQ(opened.status, 201) << opened.body;
    const int64_t id = id_of(opened);
    a_to_notice(org, id);
    reach_deadline(id);
    EXPECT_EQ(stage_of(get_case(id)), "announced");
    return id;
  }

  // The enterprise's grants in the Jiangsu grade family.
  json::array grants_of(const std::string& uscc) {
    return items(*admin, "/api/v1/enterprises/" + uscc + "/grants?family=" + kGradeFamily);
  }

  // Revenue rising every year, enough for AAA in 2026.
  static json::object rising_revenue() {
    return {{"2022", 4500}, {"2023", 5200}, {"2024", 6100}, {"2025", 6900}};
  }

  HttpResult add_record(const std::string& uscc, const std::string& category,
                        const std::string& occurred_on) {
    return admin->post("/api/v1/enterprises/" + uscc + "/records",
                       json::object{{"kind", "bad"},
                                    {"category", category},
                                    {"occurred_on", occurred_on},
                                    {"source", "南京市玄武区市场监督管理局"},
                                    {"detail", "场景测试记录"}});
  }

  // The items of a public list that name the enterprise `uscc`.
  json::array public_items(const std::string& path, const std::string& uscc) {
    json::array mine;
    for (auto& item : items(*client(), path))
      if (str(item.at("enterprise").at("uscc")) == uscc) mine.push_back(item);
    return mine;
  }

  json::array items(HttpClient& c, const std::string& path) {
    auto r = c.get(path);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    return r.status == 200 ? r.json().at("items").as_array() : json::array{};
  }

  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  std::map<std::string, bool> created_;
};

}  // namespace qc::test
