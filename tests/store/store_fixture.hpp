#pragma once
// One repository test suite, run against every backend (as SOCI's own tests are): SQLite
// on a temporary file always, PostgreSQL on the database named by QCREDIT_TEST_PG (a libpq
// URI) when it is set. Each test gets a fresh database: a new file, or a new schema that
// is dropped afterwards.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <ostream>
#include <string>

#include "store/connection.hpp"
#include "store/store.hpp"

namespace qc::test {

enum class Db { sqlite, postgresql };
inline void PrintTo(Db d, std::ostream* os) { *os << (d == Db::sqlite ? "sqlite" : "postgresql"); }

class StoreTest : public ::testing::TestWithParam<Db> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Another store on the same database (for reopening, or a second server).
  std::unique_ptr<Store> open(int pool_size = 4);
  // A raw session on the same database, to inspect or tamper with rows directly.
  std::unique_ptr<store::Connection> raw();
  int64_t count(const std::string& table);

  Store& store() { return *store_; }

  std::string url_;
  std::unique_ptr<Store> store_;

 private:
  std::string dir_;     // SQLite: the temporary directory
  std::string schema_;  // PostgreSQL: the per-test schema
  std::string base_url_;
};

std::string db_name(const ::testing::TestParamInfo<Db>& info);

// Fixed instants and builders for the tests' records.
Instant t0();                           // 2026-03-02T00:00:00Z
Instant at_day(int day, int hour = 0);  // t0 + day days + hour hours
Enterprise enterprise(const std::string& uscc, const std::string& region,
                      const std::string& name = "测试企业");
AuditEntry audit_of(const std::string& what, Instant at = t0());
// A transition opening a case of `e` in stage "application" with one event.
Transition opening(const Enterprise& e, Instant at = t0());
// A transition taking `c` by `action` to `to` with one event at `at`.
Transition step(const Case& c, const std::string& action, const std::string& to, Instant at);
// The event hash recomputed here, independently of the store's code.
std::string expected_event_hash(const CaseEvent& e);

}  // namespace qc::test

#define QC_STORE_BACKENDS(Fixture)                                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, Fixture,                                                     \
                           ::testing::Values(::qc::test::Db::sqlite, ::qc::test::Db::postgresql), \
                           ::qc::test::db_name)
