// q: each question, exported through fx.set so the test reads the answer as JSON.
#include <boost/json/parse.hpp>

#include "engine/engine_support.hpp"

namespace qc {
namespace {

using test::Harness;

Json answer(Harness& h) {
  auto fx = h.effects();
  EXPECT_TRUE(fx.ok()) << fx.error().message;
  if (!fx.ok() || fx->empty()) return nullptr;
  return fx->front().args.at("v");
}

Json ask(const std::string& expr, const std::function<void(test::FakeQuery&)>& fill = {}) {
  Harness h("return true", "fx.set{ v = " + expr + " }");
  h.q.at = *parse_instant("2026-03-01T17:00:00Z");  // 2026-03-02 01:00 in Beijing
  if (fill) fill(h.q);
  return answer(h);
}

std::string failure(const std::string& expr) {
  Harness h("return true", "fx.set{ v = " + expr + " }");
  auto fx = h.effects();
  EXPECT_FALSE(fx.ok()) << expr;
  return fx.ok() ? std::string() : fx.error().message;
}

TEST(Query, Actor) {
  const auto v = ask("q.actor()", [](auto& q) {
    q.who.username = "alice";
    q.who.display_name = "Alice";
    q.who.grants = {{"samr", "320100"}};
  });
  EXPECT_EQ(
      v,
      boost::json::parse(
          R"({"username":"alice","display_name":"Alice","grants":[{"role":"samr","region":"320100"}]})"));
  const auto bound = ask("q.actor().enterprise", [](auto& q) { q.who.enterprise = "E1"; });
  EXPECT_EQ(bound, "E1");
}

TEST(Query, Enterprise) {
  auto fill = [](test::FakeQuery& q) {
    q.enterprises.push_back(
        Enterprise{"E1", "甲公司", "320102", *parse_date("2001-02-03"), "active"});
  };
  EXPECT_EQ(ask("q.enterprise('E1')", fill),
            boost::json::parse(R"({"uscc":"E1","name":"甲公司","region":"320102",
                                   "established_on":"2001-02-03","status":"active"})"));
  EXPECT_EQ(ask("q.enterprise('E2') == nil", fill), true);
}

TEST(Query, Records) {
  const auto v = ask("q.records('E1')", [](auto& q) {
    q.quality_records.push_back(QualityRecord{
        5, "E1", "bad", "violation", *parse_date("2025-01-02"), "SAMR", "d", {}, {}, {}, {}});
    q.quality_records.push_back(QualityRecord{
        6, "E2", "good", "award", *parse_date("2025-01-02"), "SAMR", "", {}, {}, {}, {}});
  });
  EXPECT_EQ(v, boost::json::parse(R"([{"id":5,"kind":"bad","category":"violation",
      "occurred_on":"2025-01-02","source":"SAMR","detail":"d","basis":""}])"));
}

TEST(Query, GrantsBansListingsByFamily) {
  auto fill = [](test::FakeQuery& q) {
    q.grant_list.push_back(Grant{1, "E1", "js.grade", "AA", *parse_date("2025-01-01"),
                                 *parse_date("2027-12-31"), "active", 9, true, std::nullopt});
    q.grant_list.push_back(Grant{2, "E1", "other", "A", *parse_date("2025-01-01"),
                                 *parse_date("2027-12-31"), "active", 10, true, std::nullopt});
    q.ban_list.push_back(Ban{3, "E1", "js.grade", "fraud", *parse_date("2025-01-01"),
                             *parse_date("2027-12-31"), 11, ""});
    q.listing_list.push_back(
        Listing{4, "E1", "national.commitment", "listed", *parse_date("2024-05-01"), 12});
  };
  EXPECT_EQ(ask("#q.grants('E1')", fill), 2);
  EXPECT_EQ(
      ask("q.grants('E1', 'js.grade')", fill),
      boost::json::parse(R"([{"id":1,"family":"js.grade","grade":"AA","valid_from":"2025-01-01",
                "valid_to":"2027-12-31","status":"active","case_id":9,"published":true}])"));
  EXPECT_EQ(ask("q.bans('E1', 'js.grade')", fill),
            boost::json::parse(R"([{"id":3,"family":"js.grade","reason":"fraud","from":"2025-01-01",
                "until":"2027-12-31","basis":"","case_id":11}])"));
  EXPECT_EQ(ask("#q.bans('E1', 'other')", fill), 0);
  EXPECT_EQ(ask("q.listings('E1')", fill),
            boost::json::parse(R"([{"id":4,"activity":"national.commitment","status":"listed",
                "since":"2024-05-01","case_id":12}])"));
}

TEST(Query, CasesByFilter) {
  auto fill = [](test::FakeQuery& q) {
    Case a;
    a.id = 1;
    a.procedure = "p";
    a.version = 2;
    a.enterprise = "E1";
    a.stage = "review";
    a.data["k"] = "v";
    a.rev = 4;
    Case b = a;
    b.id = 2;
    b.stage = "closed";
    b.status = "closed";
    q.case_list = {a, b};
  };
  EXPECT_EQ(ask("q.cases{ procedure = 'p', stage = 'review' }", fill),
            boost::json::parse(R"([{"id":1,"procedure":"p","version":2,"enterprise":"E1",
                "stage":"review","status":"active","data":{"k":"v"},"rev":4}])"));
  EXPECT_EQ(ask("#q.cases{ status = 'closed' }", fill), 1);
  EXPECT_EQ(ask("#q.cases()", fill), 2);
  EXPECT_NE(failure("q.cases{ colour = 'red' }").find("unknown filter 'colour'"),
            std::string::npos);
}

TEST(Query, NowAndTodayInBeijing) {
  EXPECT_EQ(ask("q.now()"), "2026-03-01T17:00:00Z");
  EXPECT_EQ(ask("q.today()"), "2026-03-02");
  EXPECT_EQ(ask("q.today() < q.add_days(q.today(), 1)"), true);
}

TEST(Query, DateArithmetic) {
  EXPECT_EQ(ask("q.add_days('2026-01-30', 3)"), "2026-02-02");
  EXPECT_EQ(ask("q.add_days('2026-01-30', -30)"), "2025-12-31");
  EXPECT_EQ(ask("q.anniversary('2024-02-29', 1)"), "2025-03-01");
  EXPECT_EQ(ask("q.days_between('2026-01-01', '2026-03-01')"), 59);
  EXPECT_EQ(ask("q.days_between('2026-03-01', '2026-01-01')"), -59);
}

TEST(Query, WorkingDays) {
  auto fill = [](test::FakeQuery& q) {
    q.cal =
        WorkCalendar::from_json(
            R"({"years":[2026],"holidays":["2026-10-01","2026-10-02"],"workdays":["2026-10-10"]})")
            .value();
  };
  EXPECT_EQ(ask("q.add_workdays('2026-09-30', 1)", fill), "2026-10-05");
  EXPECT_EQ(ask("q.add_workdays('2026-10-09', 1)", fill), "2026-10-10");
  EXPECT_EQ(ask("q.is_workday('2026-10-10')", fill), true);
  EXPECT_EQ(ask("q.is_workday('2026-10-01')", fill), false);
}

TEST(Query, BadArgumentsAreClearErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"q.add_days('2026-13-01', 1)", "q.add_days: argument #1 must be a date \"YYYY-MM-DD\""},
      {"q.add_days('2026-01-01', 1.5)", "q.add_days: argument #2 must be an integer"},
      {"q.add_workdays('2026-01-01', 0)", "q.add_workdays: argument #2 must be an integer from 1"},
      {"q.enterprise(42)", "q.enterprise: argument #1 must be a string, got number"},
      {"q.days_between('2026-01-01')",
       "q.days_between: argument #2 must be a string, got no value"},
      {"q.cases{ stage = 3 }", "q.cases: filter 'stage' must be a string"},
  };
  for (const auto& [expr, message] : cases) {
    const auto m = failure(expr);
    EXPECT_NE(m.find(message), std::string::npos) << expr << " -> " << m;
    EXPECT_NE(m.find("t/h.lua:12:"), std::string::npos) << m;
  }
}

}  // namespace
}  // namespace qc
