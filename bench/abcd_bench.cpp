// scripts/bench abcd: grades a generated province (by default 1,000,000 enterprises and
// 5,000,000 records) with plugins/credit/abcd.lua exactly as a classification run does
// (batched store reads, one reused Lua state per grading thread, batched result writes),
// and measures in the same run the reference: the same store pass without Lua or writes.
// Prints the figures on stderr and one JSON line {"bench","figure","unit","reference",
// "reference_figure","ratio"} on stdout.
#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <boost/json.hpp>

#include "core/uscc.hpp"
#include "engine/plugin_function.hpp"
#include "service/classification_pass.hpp"
#include "store/store.hpp"

namespace {

using namespace qc;
using Stopwatch = std::chrono::steady_clock;

// CPU seconds used by the process (all threads) so far: on a shared machine the wall
// clock also measures the neighbours, the CPU time only this program.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double seconds_since(Stopwatch::time_point t) {
  return std::chrono::duration<double>(Stopwatch::now() - t).count();
}

// A small deterministic generator (no host randomness: the data is the same every run).
struct Lcg {
  uint64_t s = 0x9E3779B97F4A7C15ull;
  uint32_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(s >> 33);
  }
};

constexpr const char* kBad[] = {
    "spot_check_fail",  "inspection_fail",      "violation",   "false_advertising",
    "claim_return",     "complaint_unresolved", "counterfeit", "export_nonconformity",
    "accident_general", "license_rectification"};
constexpr const char* kGood[] = {"award", "certification", "pass_rate_100"};
constexpr const char* kRegions[] = {"320102", "320104", "320205", "320311",
                                    "320412", "320506", "320602", "320703"};

Result<int64_t> generate(Store& store, int64_t enterprises, int64_t records) {
  Lcg rng;
  const Date base = *parse_date("2000-01-01");
  const Date recent = *parse_date("2020-01-01");
  const Instant now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  int64_t written = 0;
  std::vector<Enterprise> es;
  std::vector<QualityRecord> rs;
  constexpr int64_t kChunk = 20000;
  for (int64_t i = 0; i < enterprises; ++i) {
    char stem[32];  // 17 characters for fewer than 10^9 enterprises
    std::snprintf(stem, sizeof stem, "91%s%09lld", kRegions[i % 8], static_cast<long long>(i));
    Enterprise e;
    e.uscc = std::string(stem) + uscc_check_char(stem);
    e.name = "企业" + std::to_string(i);
    e.region = kRegions[i % 8];
    e.established_on = add_days(base, static_cast<int>(rng.next() % 9600));
    // Records spread so that the total is `records`: each enterprise takes its share of
    // what is left, with some variation (0 to twice the average).
    const int64_t left_e = enterprises - i;
    const int64_t left_r = records - written;
    const int64_t avg = left_r / left_e;
    int64_t n = i + 1 == enterprises
                    ? left_r
                    : std::min<int64_t>(
                          left_r, avg == 0 ? (rng.next() % left_e < left_r)
                                           : static_cast<int64_t>(rng.next() % (2 * avg + 1)));
    for (int64_t k = 0; k < n; ++k) {
      QualityRecord r;
      r.uscc = e.uscc;
      const bool bad = rng.next() % 100 < 35;
      r.kind = bad ? "bad" : "good";
      r.category = bad ? kBad[rng.next() % 10] : kGood[rng.next() % 3];
      r.occurred_on = add_days(recent, static_cast<int>(rng.next() % 2500));
      r.source = "bench";
      r.created_at = now;
      rs.push_back(std::move(r));
    }
    written += n;
    es.push_back(std::move(e));
    if (static_cast<int64_t>(es.size()) == kChunk || i + 1 == enterprises) {
      auto s =
          store.import_archive(es, rs, AuditEntry{0, now, "bench", "bench.generate", {}, {}, {}});
      if (!s) return s.take_error();
      es.clear();
      rs.clear();
    }
  }
  return written;
}

int64_t arg(int argc, char** argv, const std::string& name, int64_t fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == "--" + name) return std::atoll(argv[i + 1]);
  return fallback;
}

std::string sarg(int argc, char** argv, const std::string& name, std::string fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == "--" + name) return argv[i + 1];
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t n_enterprises = arg(argc, argv, "enterprises", 1'000'000);
  const int64_t n_records = arg(argc, argv, "records", 5'000'000);
  const int batch = static_cast<int>(arg(argc, argv, "batch", 2000));
  const std::string plugins = sarg(argc, argv, "plugins", "plugins");
  const std::string db = sarg(argc, argv, "db",
                              (std::filesystem::temp_directory_path() /
                               ("qcredit-bench-abcd-" + std::to_string(getpid()) + ".db"))
                                  .string());
  const bool reuse = std::filesystem::exists(db);

  auto opened = open_store("sqlite:" + db, 4);
  if (!opened) {
    std::cerr << "bench abcd: " << opened.error().message << "\n";
    return 1;
  }
  Store& store = **opened;
  Scope all;
  all.all = true;
  if (!reuse || store.count_enterprises(all, std::nullopt) == 0) {
    const auto t = Stopwatch::now();
    auto g = generate(store, n_enterprises, n_records);
    if (!g) {
      std::cerr << "bench abcd: generating failed: " << g.error().message << "\n";
      return 1;
    }
    std::fprintf(stderr,
                 "bench: abcd: generated %lld enterprises and %lld records in %.1f s (%s)\n",
                 static_cast<long long>(n_enterprises), static_cast<long long>(*g),
                 seconds_since(t), db.c_str());
  }
  const int64_t total = store.count_enterprises(all, std::nullopt);

  SandboxLimits limits;  // as the server's (app/application.cpp)
  limits.instructions = 2'000'000'000;
  limits.deadline = std::chrono::seconds(60);
  auto grader = PluginFunction::load(plugins, limits, "credit.abcd", "classify_batch");
  if (!grader) {
    std::cerr << "bench abcd: " << grader.error().message << "\n";
    return 1;
  }

  // Reference: the same batched store pass (read every enterprise and record) without Lua.
  auto t = Stopwatch::now();
  double cpu = cpu_seconds();
  int64_t read = 0, read_records = 0;
  for (std::string after;;) {
    auto b = store.archive_batch(all, std::nullopt, after, batch);
    if (b.empty()) break;
    after = b.back().enterprise.uscc;
    read += static_cast<int64_t>(b.size());
    for (const auto& e : b) read_records += static_cast<int64_t>(e.records.size());
  }
  const double reference_s = seconds_since(t);
  const double reference_cpu = cpu_seconds() - cpu;

  // The figure: a classification run — read, grade in Lua, write every result.
  PassOptions o;
  o.scope = all;
  o.as_of = *parse_date("2026-06-15");
  o.at = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  o.batch_size = batch;
  std::array<int64_t, 5> grades{};  // A B C D none
  o.on_batch = [&grades](int64_t, const std::vector<Classification>& results) {
    for (const auto& c : results) grades[c.grade ? static_cast<size_t>((*c.grade)[0] - 'A') : 4]++;
    return true;
  };
  t = Stopwatch::now();
  cpu = cpu_seconds();
  auto graded = run_classification_pass(store, store, **grader, o);
  const double run_s = seconds_since(t);
  const double run_cpu = cpu_seconds() - cpu;
  if (!graded) {
    std::cerr << "bench abcd: the run failed: " << graded.error().message << "\n";
    return 1;
  }
  const double figure = static_cast<double>(*graded) / run_s;
  const double reference = static_cast<double>(read) / reference_s;
  std::fprintf(stderr,
               "bench: abcd: read pass without Lua: %lld enterprises, %lld records in %.2f s (%.0f "
               "enterprises/s)\n",
               static_cast<long long>(read), static_cast<long long>(read_records), reference_s,
               reference);
  std::fprintf(
      stderr,
      "bench: abcd: classification run:    %lld of %lld enterprises graded and stored in %.2f s "
      "(%.0f enterprises/s)\n",
      static_cast<long long>(*graded), static_cast<long long>(total), run_s, figure);
  std::fprintf(stderr,
               "bench: abcd: cpu time: read pass %.2f s, classification run %.2f s (all threads)\n",
               reference_cpu, run_cpu);
  std::fprintf(stderr, "bench: abcd: grades: A %lld, B %lld, C %lld, D %lld, not graded %lld\n",
               static_cast<long long>(grades[0]), static_cast<long long>(grades[1]),
               static_cast<long long>(grades[2]), static_cast<long long>(grades[3]),
               static_cast<long long>(grades[4]));
  boost::json::object line{{"bench", "abcd"},
                           {"figure", std::round(figure)},
                           {"unit", "enterprises/s"},
                           {"reference", "the same batched store read pass without Lua"},
                           {"reference_figure", std::round(reference)},
                           {"ratio", std::round(figure / reference * 1000) / 1000}};
  std::cout << boost::json::serialize(line) << std::endl;
  if (!reuse && sarg(argc, argv, "keep", "0") != "1") {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);
  }
  return 0;
}
