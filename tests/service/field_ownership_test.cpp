// Case data integrity: a request writes only the fields of the action it takes. Every
// action of every shipped procedure is taken, in its stage, by a user who holds its role,
// with each declared field it does not take (and an undeclared key): each is refused with
// 422 `validation` naming that key, and the case is unchanged. Opening a case is walked the
// same way with the fields another stage's action takes.
#include <gtest/gtest.h>

#include "store/store.hpp"

#include <filesystem>
#include <random>

#include "core/region.hpp"
#include "core/uscc.hpp"
#include "service/case_service.hpp"

namespace qc {
namespace {

namespace fs = std::filesystem;

class FixedClock final : public Clock {
 public:
  Instant now() const override { return *parse_instant("2026-06-15T02:00:00Z"); }
};

// A value of the field's type, so that only ownership can refuse it.
Json sample(const FieldDef& f) {
  if (f.type == "enum") return Json(f.options.front());
  if (f.type == "number" || f.type == "integer") return Json(1);
  if (f.type == "boolean") return Json(true);
  if (f.type == "date") return Json("2026-01-01");
  if (f.type == "object") return boost::json::object{{"k", "v"}};
  if (f.type == "array") return boost::json::array{1};
  return Json("x");
}

// Holds `role` at exactly `level` above `region` (the enterprise's), or is the enterprise.
Actor holder(const std::string& role, Level level, const std::string& region,
             const std::string& uscc) {
  Actor a{"u-" + role, role, {}, std::nullopt};
  if (role == "enterprise") {
    a.grants.push_back(RoleGrant{"enterprise", region});
    a.enterprise = uscc;
  } else {
    a.grants.push_back(
        RoleGrant{role, level == Level::none ? region : std::string(region_at(region, level))});
  }
  return a;
}

class FieldOwnership : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = fs::temp_directory_path() / ("qc-own-" + std::to_string(std::random_device{}()) + ".db");
    auto opened = open_store("sqlite:" + db_.string(), 2);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened.value());
    auto cal =
        WorkCalendar::from_file(std::string(QC_SOURCE_DIR) + "/plugins/calendar/cn_workdays.json");
    ASSERT_TRUE(cal.ok());
    calendar_ = cal.value();
    registry_ = std::make_unique<ProcedureRegistry>(
        Engine(fs::path(QC_SOURCE_DIR) / "workflows", fs::path(QC_SOURCE_DIR) / "plugins",
               SandboxLimits{}),
        *store_, *store_, clock_);
    ASSERT_TRUE(registry_->reload("test").ok());
    service_ = std::make_unique<CaseService>(CasePorts::of(*store_), *registry_, clock_, calendar_);
    const char* stem = "91320102MA1QWN001";
    uscc_ = std::string(stem) + uscc_check_char(stem);
    ASSERT_TRUE(store_
                    ->insert_enterprise(Enterprise{uscc_, "所有权测试企业", "320102",
                                                   *parse_date("2010-01-01"), "active"},
                                        AuditEntry{0, clock_.now(), "test", "test", {}, {}, {}})
                    .ok());
  }
  void TearDown() override {
    service_.reset();
    registry_.reset();
    store_.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_.string() + suffix, ec);
  }

  // A case of `def` standing in `stage`, put there directly (its data empty).
  Case case_in(const ProcedureDef& def, const std::string& stage) {
    Transition t;
    t.next.procedure = def.id;
    t.next.version = def.version;
    t.next.enterprise = uscc_;
    t.next.region = "320102";
    t.next.stage = stage;
    t.next.opened_by = "test";
    t.next.created_at = clock_.now();
    CaseEvent e;
    e.at = clock_.now();
    e.actor = "test";
    e.action = "open";
    e.to_stage = stage;
    t.events.push_back(e);
    t.next.stage_seq = 1;
    t.audit = AuditEntry{0, clock_.now(), "test", "case.open", boost::json::object{}, {}, {}};
    auto c = store_->open_case(std::move(t));
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c.value();
  }

  fs::path db_;
  std::unique_ptr<Store> store_;
  FixedClock clock_;
  WorkCalendar calendar_;
  std::unique_ptr<ProcedureRegistry> registry_;
  std::unique_ptr<CaseService> service_;
  std::string uscc_;
};

TEST_F(FieldOwnership, EveryActionRefusesEveryFieldItDoesNotTake) {
  int refusals = 0;
  for (const ProcedureDef* def : registry_->current()->all()) {
    for (const auto& stage : def->stages) {
      for (const auto& action : stage.actions) {
        if (action.role == "system" || action.role == "public") continue;
        const Actor actor = holder(action.role, action.level, "320102", uscc_);
        std::vector<std::pair<std::string, Json>> foreign{{"not_a_declared_field", Json("x")}};
        for (const auto& f : def->fields)
          if (!action.takes(f.name)) foreign.emplace_back(f.name, sample(f));
        const Case c = case_in(*def, stage.id);
        for (const auto& [key, value] : foreign) {
          ActRequest req;
          req.rev = c.rev;
          req.data[key] = value;
          auto r = service_->act(actor, c.id, action.id, req);
          ASSERT_FALSE(r.ok()) << def->id << " " << stage.id << "." << action.id << " took " << key;
          EXPECT_EQ(r.error().code, ErrorCode::validation)
              << def->id << " " << stage.id << "." << action.id << " " << key << ": "
              << r.error().message;
          EXPECT_EQ(r.error().field, key) << r.error().message;
          ++refusals;
        }
        EXPECT_EQ(store_->case_by_id(c.id)->rev, c.rev) << "a refused action changes nothing";
      }
    }
  }
  EXPECT_GT(refusals, 200) << "every shipped procedure was walked";
}

TEST_F(FieldOwnership, AnActionTakesTheFieldsOfItsFormTogether) {
  const ProcedureDef* def = registry_->current()->latest("national.d_recheck");
  ASSERT_NE(def, nullptr);
  const Case c = case_in(*def, "statement");
  ActRequest req;
  req.rev = c.rev;
  req.data["statement"] = "陈述";
  req.data["corrected_records"] = boost::json::array{3};
  req.data["correction"] = "x";
  auto r = service_->act(holder("enterprise", Level::none, "320102", uscc_), c.id, "state", req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::validation);
  // Every foreign key is named, not only the first.
  ASSERT_TRUE(r.error().details.is_array());
  EXPECT_EQ(r.error().details.as_array().size(), 2u) << r.error().message;
  EXPECT_NE(r.error().message.find("corrected_records"), std::string::npos);
  EXPECT_NE(r.error().message.find("correction"), std::string::npos);
}

TEST_F(FieldOwnership, OpeningTakesOnlyTheOpenersFields) {
  int refusals = 0;
  for (const ProcedureDef* def : registry_->current()->all()) {
    for (const auto& f : def->fields) {
      if (def->opening_takes(f.name)) continue;
      OpenRequest req;
      req.procedure = def->id;
      req.enterprise = uscc_;
      for (const auto& g : def->fields)
        if (g.required) req.data[g.name] = sample(g);
      req.data[f.name] = sample(f);
      std::vector<std::string> starters = def->starters;
      if (starters.empty())
        for (const auto& a : def->stage(def->start)->actions) starters.push_back(a.role);
      auto r = service_->open(holder(starters.front(), Level::none, "320102", uscc_), req);
      ASSERT_FALSE(r.ok()) << def->id << " opened with " << f.name;
      EXPECT_EQ(r.error().code, ErrorCode::validation) << def->id << ": " << r.error().message;
      EXPECT_EQ(r.error().field, f.name) << r.error().message;
      ++refusals;
    }
  }
  const ProcedureDef* jiangsu = registry_->current()->latest("jiangsu.grade_recognition");
  ASSERT_NE(jiangsu, nullptr);
  EXPECT_FALSE(jiangsu->opening_takes("city_opinion")) << "the city reviewer's opinion";
  EXPECT_FALSE(jiangsu->opening_takes("submitted_grade")) << "set by the procedure";
  EXPECT_TRUE(jiangsu->opening_takes("requested_grade"));
  EXPECT_GT(refusals, 10);
}

}  // namespace
}  // namespace qc
