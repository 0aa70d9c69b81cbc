// The classification pass over a small SQLite province: every enterprise is graded and
// stored across several batches (read, grade and write on their own threads, with one or
// two graders), on_batch sees the running count, and an on_batch that says stop ends the
// pass with nothing written after that batch.
#include "service/classification_pass.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

#include <algorithm>
#include <filesystem>
#include <random>

#include "core/time.hpp"
#include "core/uscc.hpp"

namespace qc {
namespace {

struct Province {
  std::filesystem::path db = std::filesystem::temp_directory_path() /
                             ("qc-pass-" + std::to_string(std::random_device{}()) + ".db");
  std::unique_ptr<Store> store;
  std::shared_ptr<PluginFunction> grader;
  std::vector<std::string> usccs;

  explicit Province(int n) {
    auto opened = open_store("sqlite:" + db.string(), 2);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    store = std::move(opened.value());
    std::vector<Enterprise> es;
    std::vector<QualityRecord> rs;
    for (int i = 0; i < n; ++i) {
      char stem[32];
      std::snprintf(stem, sizeof stem, "91320102%09d", i);
      Enterprise e{std::string(stem) + uscc_check_char(stem), "企业", "320102",
                   *parse_date(i % 2 ? "2010-05-01" : "2025-05-01"), "active"};
      if (i % 3 == 0) {
        QualityRecord r;
        r.uscc = e.uscc;
        r.kind = "bad";
        r.category = "counterfeit";
        r.occurred_on = *parse_date("2026-01-10");
        r.source = "test";
        rs.push_back(r);
      }
      usccs.push_back(e.uscc);
      es.push_back(std::move(e));
    }
    EXPECT_TRUE(
        store->import_archive(es, rs, AuditEntry{0, {}, "test", "test.import", {}, {}, {}}).ok());
    auto g = PluginFunction::load(std::filesystem::path(QC_SOURCE_DIR) / "plugins", SandboxLimits{},
                                  "credit.abcd", "classify_batch");
    EXPECT_TRUE(g.ok()) << g.error().message;
    grader = g.value();
  }
  ~Province() {
    store.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(db.string() + suffix, ec);
  }

  PassOptions options() const {
    PassOptions o;
    o.scope.all = true;
    o.as_of = *parse_date("2026-06-15");
    o.run_id = 0;
    o.batch_size = 4;
    return o;
  }
};

void grades_every_enterprise(int graders) {
  Province p(23);
  std::vector<int64_t> seen;
  PassOptions o = p.options();
  o.graders = graders;
  o.on_batch = [&seen](int64_t done, const std::vector<Classification>&) {
    seen.push_back(done);
    return true;
  };
  auto done = run_classification_pass(*p.store, *p.store, *p.grader, o);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(*done, 23);
  if (graders == 1) {
    EXPECT_EQ(seen, (std::vector<int64_t>{4, 8, 12, 16, 20, 23}));
  } else {  // batches are written as they are graded: the short last one may come earlier
    ASSERT_EQ(seen.size(), 6u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), 23);
  }
  for (size_t i = 0; i < p.usccs.size(); ++i) {
    const auto c = p.store->classification(p.usccs[i]);
    ASSERT_TRUE(c.has_value()) << p.usccs[i];
    if (i % 3 == 0)
      EXPECT_EQ(c->grade, std::optional<std::string>("D")) << i;
    else if (i % 2 == 0)
      EXPECT_EQ(c->grade, std::nullopt) << i;  // established under 2 years ago
    else
      EXPECT_EQ(c->grade, std::optional<std::string>("A")) << i;
  }
}

TEST(ClassificationPass, GradesAndStoresEveryEnterpriseAcrossBatches) {
  grades_every_enterprise(1);
}

TEST(ClassificationPass, TwoGradersGradeAndStoreEveryEnterpriseOnce) { grades_every_enterprise(2); }

TEST(ClassificationPass, StoppingInOnBatchEndsThePass) {
  Province p(23);
  PassOptions o = p.options();
  o.graders = 1;  // batches then reach on_batch in USCC order
  int calls = 0;
  o.on_batch = [&calls](int64_t, const std::vector<Classification>&) { return ++calls < 2; };
  auto done = run_classification_pass(*p.store, *p.store, *p.grader, o);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(*done, 8);
  EXPECT_EQ(calls, 2);
  // Stored in USCC order: the first two batches, nothing after them.
  for (size_t i = 0; i < p.usccs.size(); ++i)
    EXPECT_EQ(p.store->classification(p.usccs[i]).has_value(), i < 8) << i;
}

}  // namespace
}  // namespace qc
