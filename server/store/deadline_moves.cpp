// Provisional deadlines moved once their year's holiday arrangement is published
// (docs/adr/045): the timer, the open notice's closing, an event on the case (rev + 1) and
// an audit entry, in one transaction.
#include <boost/json.hpp>

#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"
#include "store/transition.hpp"

namespace qc::store {

std::vector<Timer> SqlStore::provisional_timers() {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(TimerRow::kColumns)
        .add(
            " FROM timers tm WHERE tm.provisional = 1 AND tm.fired_at IS NULL "
            "AND tm.cancelled_at IS NULL ORDER BY tm.id");
    return fetch_all<TimerRow>(*sql, std::move(q));
  });
}

bool SqlStore::move_deadline(const DeadlineMove& m, Instant now, AuditEntry audit) {
  return plain([&] {
    WriteTx tx = db_.write();
    Connection& sql = tx.sql();
    // The case row first, as a transition takes it: writers of one case queue on it, and a
    // client holding the old rev gets 409 (the case changed: its deadline moved).
    if (exec(sql, Sql("UPDATE cases SET rev = rev + 1, updated_at = ? WHERE id = ? AND "
                      "status = 'active' AND stage = ?",
                      {secs(now), m.case_id, m.stage})) != 1)
      return false;
    if (exec(sql, Sql("UPDATE timers SET due_at = ?, provisional = ? WHERE id = ? AND "
                      "case_id = ? AND due_at = ? AND provisional = 1 AND fired_at IS NULL AND "
                      "cancelled_at IS NULL",
                      {secs(m.new_due), int64_t{m.provisional}, m.timer_id, m.case_id,
                       secs(m.old_due)})) != 1)
      return false;  // not committed: the case row's update rolls back
    exec(sql, Sql("UPDATE notices SET closes = ? WHERE case_id = ? AND stage = ? AND "
                  "is_open = 1 AND closes = ?",
                  {secs(m.new_due), m.case_id, m.stage, secs(m.old_due)}));
    std::vector<CaseEvent> events(1);
    CaseEvent& e = events.front();
    e.at = now;
    e.actor = "system";
    e.action = "deadline_recomputed";
    e.from_stage = m.stage;
    e.to_stage = m.stage;
    e.comment = describe_move(m);
    e.payload = boost::json::object{{"timer_action", m.fire_action},
                                    {"old_due_at", format_instant(m.old_due)},
                                    {"new_due_at", format_instant(m.new_due)},
                                    {"provisional", m.provisional}};
    append_events(sql, m.case_id, events);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return true;
  });
}

}  // namespace qc::store
