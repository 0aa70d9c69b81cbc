#include "store_fixture.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/hash.hpp"
#include "store/backends.hpp"

namespace qc::test {

std::string db_name(const ::testing::TestParamInfo<Db>& info) {
  return info.param == Db::sqlite ? "sqlite" : "postgresql";
}

namespace {
std::unique_ptr<store::Connection> pg_session(const std::string& url) {
  std::string why;
  auto conninfo = store::pg_conninfo(url, why);
  if (!conninfo) throw std::runtime_error(why);
  return store::open_postgresql(*conninfo);
}
}  // namespace

void StoreTest::SetUp() {
  if (GetParam() == Db::sqlite) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "qc-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    // A sub-directory that does not exist yet: open_store creates parent directories.
    url_ = "sqlite:" + dir_ + "/var/qcredit.db";
  } else {
    const char* pg = std::getenv("QCREDIT_TEST_PG");
    if (!pg || !*pg)
      GTEST_SKIP() << "QCREDIT_TEST_PG is not set; scripts/test starts a throw-away cluster";
    base_url_ = pg;
    schema_ = "qc_test_" + random_hex(6);
    auto admin = pg_session(base_url_);
    *admin << "CREATE SCHEMA " + schema_;  // a random identifier made here, not input
    // libpq URI options: the schema for every session, and no NOTICE chatter.
    url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_ + "%20-cclient_min_messages%3Dwarning";
  }
  store_ = open();
  ASSERT_NE(store_, nullptr);
}

void StoreTest::TearDown() {
  store_.reset();
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
  if (!schema_.empty()) {
    auto s = pg_session(url_);
    *s << "DROP SCHEMA " + schema_ + " CASCADE";
  }
}

std::unique_ptr<Store> StoreTest::open(int pool_size) {
  auto r = open_store(url_, pool_size);
  if (!r) {
    ADD_FAILURE() << "open_store(" << url_ << "): " << r.error().message;
    return nullptr;
  }
  return std::move(r).value();
}

std::unique_ptr<store::Connection> StoreTest::raw() {
  if (GetParam() == Db::sqlite) return store::open_sqlite(dir_ + "/var/qcredit.db");
  return pg_session(url_);
}

int64_t StoreTest::count(const std::string& table) {
  long long n = 0;
  auto s = raw();
  // Table names come from the tests themselves, never from input.
  *s << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return n;
}

Instant t0() { return Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2}}; }

Instant at_day(int day, int hour) {
  return t0() + std::chrono::days{day} + std::chrono::hours{hour};
}

Enterprise enterprise(const std::string& uscc, const std::string& region, const std::string& name) {
  Enterprise e;
  e.uscc = uscc;
  e.name = name;
  e.region = region;
  e.established_on = std::chrono::year{2010} / 5 / 20;
  return e;
}

AuditEntry audit_of(const std::string& what, Instant at) {
  AuditEntry a;
  a.at = at;
  a.actor = "tester";
  a.what = what;
  a.detail = JsonObject{{"note", what}};
  return a;
}

Transition opening(const Enterprise& e, Instant at) {
  Transition t;
  t.next.procedure = "jiangsu.grade_recognition";
  t.next.version = 1;
  t.next.enterprise = e.uscc;
  t.next.region = e.region;
  t.next.stage = "application";
  t.next.data = JsonObject{{"requested_grade", "AA"}};
  t.next.opened_by = "ent1";
  t.next.created_at = at;
  CaseEvent ev;
  ev.at = at;
  ev.actor = "ent1";
  ev.action = "open";
  ev.to_stage = "application";
  ev.payload = JsonObject{{"requested_grade", "AA"}};
  t.events.push_back(ev);
  t.audit = audit_of("case.open", at);
  return t;
}

Transition step(const Case& c, const std::string& action, const std::string& to, Instant at) {
  Transition t;
  t.expected_rev = c.rev;
  t.next = c;
  t.next.stage = to;
  CaseEvent ev;
  ev.at = at;
  ev.actor = "clerk";
  ev.action = action;
  ev.from_stage = c.stage;
  ev.to_stage = to;
  ev.comment = "ok";
  ev.payload = JsonObject{{"action", action}};
  t.events.push_back(ev);
  t.audit = audit_of("case.transition", at);
  return t;
}

std::string expected_event_hash(const CaseEvent& e) {
  JsonObject o{{"case_id", e.case_id}, {"seq", e.seq},         {"at", format_instant(e.at)},
               {"actor", e.actor},     {"action", e.action},   {"from", e.from_stage},
               {"to", e.to_stage},     {"comment", e.comment}, {"payload", e.payload}};
  return sha256_hex(e.prev_hash + canonical_json(o));
}

}  // namespace qc::test
