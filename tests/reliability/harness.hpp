#pragma once
// The reliability harness of scripts/reliability: the real server under load, and the
// faults a deployment meets — kill -9 at random moments, a full disk, a database that turns
// read-only, a PostgreSQL restart, hours of mixed load. Each mode checks that nothing
// acknowledged is lost, no case is half-updated (its events match its rev), the audit chain
// verifies, and the server recovers; each prints a summary table.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace qc::test {

struct Settings {
  std::string mode = "crash";  // crash | disk-full | read-only | pg-restart | soak | large
  int crashes = 20;
  int clients = 16;
  int seconds = 60;         // soak and pg-restart: how long the load runs
  std::string db;           // default: SQLite in the server's directory
  std::string dir;          // disk-full, read-only: a small file system of its own
  std::string pg_restart;   // pg-restart: the shell command that restarts PostgreSQL
  int cases = 80;           // large: how many large cases
  int case_kib = 200;       // large: the data of each
  int rounds = 3;           // large: list pages each client asks for, per phase
  int settle_seconds = 10;  // large: idle time before the settled RSS is read
};

struct Tally {
  int64_t acknowledged = 0;             // transitions answered 200
  int64_t reads = 0, failed_reads = 0;  // mixed load: reads, and those not answered 200/503
  int64_t unavailable = 0;              // answered 503 while the fault lasted
  int64_t lost = 0;                     // acknowledged but missing afterwards
  int64_t half_updated = 0;             // cases whose event count differs from their rev
  int64_t chain_breaks = 0;             // audit chain did not verify
  int64_t timers_expected = 0, timers_fired_once = 0;
  std::string chains;          // the last verification: "audit entries, events, seconds"
  bool recovered = true;       // writes succeed again once the fault is gone
  bool memory_bounded = true;  // soak: RSS at the end within bounds of RSS once warm
  std::vector<std::pair<std::string, std::string>> notes;  // extra rows of the table
};

class Harness {
 public:
  Harness(Settings s, ServerProcess& server) : s_(std::move(s)), server_(server) {}
  // Runs the mode, prints the table and the closing line; 0 when every check held.
  int run();

 private:
  // harness.cpp: the load and the checks every mode shares.
  std::unique_ptr<HttpClient> login(const std::string& user, const std::string& password);
  std::unique_ptr<HttpClient> admin();
  void setup();
  int64_t open(const std::string& kind);
  // Each client steps its own case until `stop()` says so or the server stops answering;
  // `mixed`: with reads of the case, its history and the case list between the steps.
  void load(const std::function<bool()>& stop, bool mixed = false);
  void read_around(HttpClient& c, int64_t id, int64_t n);
  // One step of case `id` from `rev`: the HTTP status (and the new rev when 200).
  int step(HttpClient& c, int64_t id, int64_t& rev);
  void verify();
  bool writes_succeed();
  void report() const;
  bool passed() const;

  // crash.cpp
  void crashes();
  void timers_across_downtime();
  // faults.cpp
  void disk_full();
  void read_only();
  void pg_restart();
  void soak();
  // large.cpp
  void large_cases();

  Settings s_;
  ServerProcess& server_;
  std::string token_;
  std::string uscc_;
  std::mutex mu_;
  std::map<int64_t, int64_t> acked_;  // case id -> last acknowledged rev
  Tally tally_;
};

}  // namespace qc::test
