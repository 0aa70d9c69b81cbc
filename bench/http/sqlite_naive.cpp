// The naive design's ceiling for durable writes: one SQLite transaction per transition,
// committed with synchronous=FULL in WAL mode (the server's pragmas), in a plain loop with
// no HTTP, no JSON and no Lua. Each transaction does what a transition must at least do:
// a rev-checked UPDATE of the case and one INSERT into its event log.
//
//   qc-bench-sqlite-naive DB_PATH [SECONDS]   prints {"transitions":N,"seconds":S,"per_second":R}
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

struct Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
  bool exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) == SQLITE_OK) return true;
    std::cerr << sql << ": " << (msg ? msg : "?") << "\n";
    sqlite3_free(msg);
    return false;
  }
};

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
      std::cerr << sql << ": " << sqlite3_errmsg(db) << "\n";
  }
  ~Stmt() { sqlite3_finalize(s); }
  bool run() {
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: qc-bench-sqlite-naive DB_PATH [SECONDS]\n";
    return 2;
  }
  const double seconds = argc > 2 ? std::atof(argv[2]) : 3.0;
  Db d;
  if (sqlite3_open(argv[1], &d.db) != SQLITE_OK) return 1;
  if (!d.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
              "CREATE TABLE IF NOT EXISTS cases (id INTEGER PRIMARY KEY, stage TEXT NOT NULL, "
              "rev INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
              "CREATE TABLE IF NOT EXISTS case_events (id INTEGER PRIMARY KEY, "
              "case_id INTEGER NOT NULL, seq INTEGER NOT NULL, action TEXT NOT NULL, "
              "from_stage TEXT NOT NULL, to_stage TEXT NOT NULL, at INTEGER NOT NULL, "
              "UNIQUE (case_id, seq));"
              "INSERT OR IGNORE INTO cases VALUES (1, 's1', 0, 0);"))
    return 1;
  Stmt begin(d.db, "BEGIN IMMEDIATE"), commit(d.db, "COMMIT");
  Stmt update(d.db,
              "UPDATE cases SET stage = ?1, rev = rev + 1, updated_at = ?2 "
              "WHERE id = 1 AND rev = ?3");
  Stmt event(d.db,
             "INSERT INTO case_events (case_id, seq, action, from_stage, to_stage, at) "
             "VALUES (1, ?1, 'next', ?2, ?3, ?4)");
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const auto until = start + std::chrono::duration<double>(seconds);
  int64_t rev = 0, n = 0;
  auto now = start;
  std::string from = "s1";
  while (now < until) {
    const std::string to = "s" + std::to_string(rev % 8 + 1);
    const auto at = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    sqlite3_bind_text(update.s, 1, to.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(update.s, 2, at);
    sqlite3_bind_int64(update.s, 3, rev);
    sqlite3_bind_int64(event.s, 1, rev + 1);
    sqlite3_bind_text(event.s, 2, from.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(event.s, 3, to.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(event.s, 4, at);
    if (!begin.run() || !update.run() || sqlite3_changes(d.db) != 1 || !event.run() ||
        !commit.run()) {
      std::cerr << "transition failed: " << sqlite3_errmsg(d.db) << "\n";
      return 1;
    }
    ++rev;
    ++n;
    from = to;
    now = clock::now();
  }
  const double s = std::chrono::duration<double>(now - start).count();
  std::printf("{\"transitions\":%lld,\"seconds\":%.3f,\"per_second\":%.0f}\n",
              static_cast<long long>(n), s, static_cast<double>(n) / s);
  return 0;
}
