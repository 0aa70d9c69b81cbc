// Opening: migrations apply once, data outlives the process's store, bad URLs fail cleanly.
#include <filesystem>
#include <fstream>

#include "store_fixture.hpp"

namespace qc::test {
namespace {

class OpenTest : public StoreTest {};
QC_STORE_BACKENDS(OpenTest);

TEST_P(OpenTest, ReportsItsBackendAndAnswersPing) {
  EXPECT_EQ(store().backend(), GetParam() == Db::sqlite ? "sqlite" : "postgresql");
  EXPECT_TRUE(store().ping());
}

TEST_P(OpenTest, MigrationsApplyOnceWhenOpenedTwice) {
  auto second = open();
  ASSERT_NE(second, nullptr);
  auto third = open();
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(count("schema_migrations"), 2);  // one row per migration, each applied once
  // Both see one database.
  ASSERT_TRUE(store().insert_enterprise(enterprise("91320102MA1AAAAA01", "320102"),
                                        audit_of("enterprise.create")));
  EXPECT_TRUE(second->enterprise("91320102MA1AAAAA01").has_value());
}

TEST_P(OpenTest, DataSurvivesClosingAndReopening) {
  ASSERT_TRUE(store().insert_enterprise(enterprise("91320102MA1AAAAA01", "320102", "甲公司"),
                                        audit_of("enterprise.create")));
  auto c = store().open_case(opening(enterprise("91320102MA1AAAAA01", "320102")));
  ASSERT_TRUE(c) << c.error().message;
  store().set_clock_offset(86400, audit_of("clock.set"));
  store_.reset();

  store_ = open();
  ASSERT_NE(store_, nullptr);
  auto e = store().enterprise("91320102MA1AAAAA01");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->name, "甲公司");
  EXPECT_EQ(e->established_on, (std::chrono::year{2010} / 5 / 20));
  auto back = store().case_by_id(c->id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->rev, 1);
  EXPECT_EQ(back->data.at("requested_grade").as_string(), "AA");
  EXPECT_EQ(store().clock_offset(), 86400);
  EXPECT_EQ(store().verify_audit().entries, 3);
  EXPECT_TRUE(store().verify_audit().ok);
}

TEST(OpenStore, RejectsAnUnknownScheme) {
  auto r = open_store("mysql://localhost/x", 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::bad_request);
}

TEST(OpenStore, UnreachablePostgresIsUnavailable) {
  // Port 1 on the loopback refuses connections at once.
  auto r = open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unavailable) << r.error().message;
}

TEST(OpenStore, SqliteFileThatCannotBeCreatedIsUnavailable) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("qc-store-file-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "plain-file") << "x"; }
  // The parent "directory" is a regular file.
  auto r = open_store("sqlite:" + (dir / "plain-file" / "db.sqlite").string(), 1);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unavailable) << r.error().message;
}

}  // namespace
}  // namespace qc::test
