// Durable timers with leases (provisional deadlines moved in deadline_moves.cpp), plus the
// small shared settings: the simulated clock's offset,
// loaded procedures, and Idempotency-Key replay.
#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

namespace {
constexpr const char* kClockOffset = "clock_offset";

int64_t read_clock_offset(Connection& sql) {
  auto row =
      fetch_one<TextRow>(sql, Sql("SELECT value FROM settings WHERE name = ?", {kClockOffset}));
  if (!row || !*row) return 0;
  try {
    return std::stoll(**row);
  } catch (const std::exception&) {
    return 0;  // not written by this module; treat as no offset
  }
}
}  // namespace

std::vector<Timer> SqlStore::due_timers(Instant now, int limit) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(TimerRow::kColumns)
        .add(
            " FROM timers tm WHERE tm.fired_at IS NULL AND tm.cancelled_at IS NULL "
            "AND tm.due_at <= ? AND (tm.claimed_until IS NULL OR tm.claimed_until < ?) "
            "ORDER BY tm.due_at, tm.id LIMIT ?",
            {secs(now), secs(now), int64_t{limit < 1 ? 1 : limit}});
    return fetch_all<TimerRow>(*sql, std::move(q));
  });
}

bool SqlStore::claim_timer(int64_t id, const std::string& owner, Instant until) {
  return plain([&] {
    WriteTx tx = db_.write();
    // "Now" on the timeline of due_timers: real time shifted by the simulated clock.
    const Instant now = db_.real_now() + std::chrono::seconds{read_clock_offset(tx.sql())};
    const int64_t n =
        exec(tx.sql(), Sql("UPDATE timers SET claimed_by = ?, claimed_until = ? WHERE id = ? "
                           "AND fired_at IS NULL AND cancelled_at IS NULL "
                           "AND (claimed_until IS NULL OR claimed_until < ?)",
                           {owner, secs(until), id, secs(now)}));
    tx.commit();
    return n == 1;
  });
}

std::optional<Timer> SqlStore::pending_timer(int64_t case_id) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(TimerRow::kColumns)
        .add(
            // MAX over the case's index entries, not ORDER BY id DESC LIMIT 1: timers_case
            // (case_id, stage) is not ordered by id, and the sort that needs costs SQLite a
            // temporary b-tree per call (a fifth of a case read; docs/performance.md).
            " FROM timers tm WHERE tm.id = (SELECT MAX(p.id) FROM timers p WHERE p.case_id = ? "
            "AND p.fired_at IS NULL AND p.cancelled_at IS NULL)",
            {case_id});
    return fetch_one<TimerRow>(*sql, std::move(q));
  });
}

std::optional<Timer> SqlStore::kept_timer(int64_t case_id, const std::string& stage) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(TimerRow::kColumns)
        .add(
            " FROM timers tm WHERE tm.id = (SELECT MAX(k.id) FROM timers k WHERE k.case_id = ? "
            "AND k.stage = ?)",
            {case_id, stage});
    return fetch_one<TimerRow>(*sql, std::move(q));
  });
}

int64_t SqlStore::clock_offset() {
  return plain([&] {
    auto sql = db_.read();
    return read_clock_offset(*sql);
  });
}

void SqlStore::set_clock_offset(int64_t seconds, AuditEntry audit) {
  plain([&] {
    WriteTx tx = db_.write();
    exec(tx.sql(), Sql("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) "
                       "DO UPDATE SET value = excluded.value",
                       {kClockOffset, std::to_string(seconds)}));
    append_audit_entry(tx, std::move(audit));
    tx.commit();
  });
}

void SqlStore::record_procedure(const std::string& id, int version, const std::string& hash,
                                Instant at) {
  plain([&] {
    WriteTx tx = db_.write();
    exec(tx.sql(), Sql("INSERT INTO procedures (id, version, source_hash, loaded_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (id, version) DO UPDATE SET "
                       "source_hash = excluded.source_hash, loaded_at = excluded.loaded_at",
                       {id, int64_t{version}, hash, secs(at)}));
    tx.commit();
  });
}

}  // namespace qc::store
