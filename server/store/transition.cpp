#include "store/transition.hpp"

#include "store/audit_log.hpp"
#include "store/chain.hpp"
#include "store/errors.hpp"
#include "store/idempotency.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"

namespace qc::store {

namespace {
struct LinkRow {  // the case's last event
  using Value = std::pair<int64_t, std::string>;
  int64_t seq = 0;
  std::string hash;
  void bind(soci::statement& st) {
    st.exchange(soci::into(seq));
    st.exchange(soci::into(hash));
  }
  Value value() const { return {seq, hash}; }
};

}  // namespace

// Chains and inserts the events. The case row is already updated in this transaction, so
// no other writer can append to this case until it ends.
void append_events(Connection& sql, int64_t case_id, std::vector<CaseEvent>& events) {
  auto last = fetch_one<LinkRow>(
      sql, Sql("SELECT seq, hash FROM case_events WHERE case_id = ? ORDER BY seq DESC LIMIT 1",
               {case_id}));
  int64_t seq = last ? last->first : 0;
  std::string prev = last ? last->second : "";
  for (CaseEvent& e : events) {
    e.case_id = case_id;
    e.seq = ++seq;
    e.prev_hash = prev;
    e.hash = event_hash(e);
    prev = e.hash;
    exec(sql, Sql("INSERT INTO case_events (case_id, seq, at, actor, action, from_stage, "
                  "to_stage, comment, payload, prev_hash, hash) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {e.case_id, e.seq, secs(e.at), e.actor, e.action, e.from_stage, e.to_stage,
                   e.comment, json_text(e.payload), e.prev_hash, e.hash}));
  }
}

namespace {
Status apply_timers(Connection& sql, int64_t case_id, const Transition& t, Instant now) {
  if (t.fired_timer) {
    // The conditional update is what makes a timer fire at most once across servers.
    const int64_t n = exec(sql, Sql("UPDATE timers SET fired_at = ? WHERE id = ? AND case_id = ? "
                                    "AND fired_at IS NULL AND cancelled_at IS NULL",
                                    {secs(now), *t.fired_timer, case_id}));
    if (n == 0) return err(ErrorCode::conflict, "the timer has already fired or was cancelled");
  }
  if (t.cancel_timers) {
    exec(sql, Sql("UPDATE timers SET cancelled_at = ? WHERE case_id = ? AND fired_at IS NULL "
                  "AND cancelled_at IS NULL",
                  {secs(now), case_id}));
  }
  if (t.new_timer) {
    const Timer& tm = *t.new_timer;
    exec(sql, Sql("INSERT INTO timers (case_id, stage, fire_action, due_at, provisional, "
                  "workdays, counted_from) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  {case_id, tm.stage, tm.fire_action, secs(tm.due_at), int64_t{tm.provisional},
                   int64_t{tm.workdays},
                   tm.counted_from ? Param{format_date(*tm.counted_from)} : Param{}}));
  }
  return ok_status();
}
}  // namespace

std::optional<Case> read_case(Connection& sql, int64_t id) {
  Sql q("SELECT ");
  q.add(CaseRow::kColumns).add(" FROM cases c WHERE c.id = ?", {id});
  return fetch_one<CaseRow>(sql, std::move(q));
}

Result<Case> finish_transition(WriteTx& tx, int64_t case_id, Transition& t) {
  Connection& sql = tx.sql();
  const Instant now = t.events.empty() ? t.audit.at : t.events.back().at;
  append_events(sql, case_id, t.events);
  if (t.vote) {
    try {
      exec(sql, Sql("INSERT INTO votes (case_id, round, username, pass, at) VALUES (?, ?, ?, ?, ?)",
                    {case_id, t.vote->round, t.vote->username, int64_t{t.vote->pass}, secs(now)}));
    } catch (const soci::soci_error& e) {
      if (classify(e) == Failure::unique_violation)
        return err(ErrorCode::already_voted, "you have already voted in this round");
      throw;
    }
  }
  if (t.objection) {
    const Objection& o = *t.objection;
    exec(sql, Sql("INSERT INTO objections (notice_id, case_id, name, contact, content, at) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  {o.notice_id, case_id, o.name, o.contact, o.content, secs(o.at)}));
  }
  if (Status s = apply_timers(sql, case_id, t, now); !s) return s.take_error();
  if (Status s = apply_register_writes(sql, case_id, t.writes, now); !s) return s.take_error();
  if (Status s = close_for_bans(tx, case_id, t.next.enterprise, t.writes.ban_closures, now); !s)
    return s.take_error();

  // The row is what the caller just wrote (its rev checked): not read back.
  Case stored = t.next;
  stored.id = case_id;
  if (t.idempotency) {
    t.idempotency->outcome.snapshot = stored;
    if (Status s = insert_idempotency(sql, *t.idempotency, now); !s) return s.take_error();
  }
  add_to_detail(t.audit, "case_id", case_id);
  append_audit_entry(tx, std::move(t.audit));
  return stored;
}

}  // namespace qc::store
