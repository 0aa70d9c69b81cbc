// Cases: opening, committing transitions (optimistic on rev), and reading them back.
#include "core/bans.hpp"
#include "store/case_summaries.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"
#include "store/transition.hpp"

namespace qc::store {

Result<Case> SqlStore::open_case(Transition t) {
  return guarded([&]() -> Result<Case> {
    Case& c = t.next;
    c.rev = static_cast<int64_t>(t.events.size());
    if (c.created_at == Instant{} && !t.events.empty()) c.created_at = t.events.front().at;
    c.updated_at = t.events.empty() ? c.created_at : t.events.back().at;
    // Built (the data serialised) before the writer is taken: the writer is the one
    // serial section of every write on SQLite.
    Sql insert(
        "INSERT INTO cases (procedure, version, uscc, region, stage, status, data, summary, "
        "rev, stage_seq, opened_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {c.procedure, int64_t{c.version}, c.enterprise, c.region, c.stage, c.status,
         json_text(c.data), nullable(summary_text(c.data)), c.rev, c.stage_seq, c.opened_by,
         secs(c.created_at), secs(c.updated_at)});
    WriteTx tx = db_.write();
    if (touches_registers(t)) lock_enterprise(tx, c.enterprise);
    if (t.ban_family)
      if (auto ban = ban_on(tx.sql(), c.enterprise, *t.ban_family, beijing_date(c.created_at)))
        return banned_error(*ban);
    if (t.max_open) {
      // The open cases of this procedure (every version) the enterprise has already.
      auto open = fetch_all<IntRow>(
          tx.sql(), Sql("SELECT id FROM cases WHERE uscc = ? AND procedure = ? AND status = "
                        "'active' ORDER BY id DESC",
                        {c.enterprise, c.procedure}));
      if (static_cast<int64_t>(open.size()) >= *t.max_open) {
        Error e =
            err(ErrorCode::already_open,
                "the enterprise already has " + std::to_string(open.size()) + " open case(s) of " +
                    c.procedure + " (at most " + std::to_string(*t.max_open) + "); case " +
                    std::to_string(open.front().value_or(0)) + " is open");
        e.case_id = open.front().value_or(0);
        return e;
      }
    }
    c.id = fetch_int(tx.sql(), std::move(insert)).value_or(0);
    Result<Case> stored = finish_transition(tx, c.id, t);
    if (stored) tx.commit();
    return stored;
  });
}

Result<Case> SqlStore::commit(Transition t) {
  return guarded([&]() -> Result<Case> {
    Case& c = t.next;
    c.rev = t.expected_rev + static_cast<int64_t>(t.events.size());
    if (!t.events.empty()) c.updated_at = t.events.back().at;
    // The compare-and-set on rev: on PostgreSQL a concurrent writer of the same case waits
    // for this row lock and then sees the new rev; on SQLite writers are serialised.
    Sql update(
        "UPDATE cases SET version = ?, stage = ?, status = ?, data = ?, summary = ?, rev = ?, "
        "stage_seq = ?, updated_at = ? WHERE id = ? AND rev = ?",
        {int64_t{c.version}, c.stage, c.status, json_text(c.data), nullable(summary_text(c.data)),
         c.rev, c.stage_seq, secs(c.updated_at), c.id, t.expected_rev});
    WriteTx tx = db_.write();
    if (touches_registers(t)) lock_enterprise(tx, c.enterprise);
    const int64_t changed = exec(tx.sql(), std::move(update));
    if (changed == 0) {
      if (!read_case(tx.sql(), c.id)) return err(ErrorCode::not_found, "no such case");
      return err(ErrorCode::conflict, "the case has changed (stale rev)", "rev");
    }
    Result<Case> stored = finish_transition(tx, c.id, t);
    if (stored) tx.commit();
    return stored;
  });
}

namespace {
struct VersionRow {
  using Value = Store::VersionInUse;
  std::string procedure;
  int version = 0;
  long long case_id = 0;
  void bind(soci::statement& st) {
    st.exchange(soci::into(procedure));
    st.exchange(soci::into(version));
    st.exchange(soci::into(case_id));
  }
  Value value() const { return {procedure, version, case_id}; }
};
}  // namespace

std::vector<Store::VersionInUse> SqlStore::versions_in_use() {
  return plain([&] {
    auto sql = db_.read();
    return fetch_all<VersionRow>(*sql, Sql("SELECT procedure, version, MIN(id) FROM cases "
                                           "WHERE status = 'active' GROUP BY procedure, version"));
  });
}

std::optional<Case> SqlStore::case_by_id(int64_t id) {
  return plain([&] {
    auto sql = db_.read();
    return read_case(*sql, id);
  });
}

Page<Case> SqlStore::cases(const CaseQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "c.region", "c.uscc")
        .eq("c.procedure", q.procedure)
        .eq("c.stage", q.stage)
        .eq("c.status", q.status)
        .eq("c.uscc", q.enterprise)
        .prefix("c.region", q.region)
        .eq("c.opened_by", q.opened_by);
    auto sql = db_.read();
    if (q.summary_only)
      return fetch_page<CaseSummaryRow>(*sql, CaseSummaryRow::kColumns, "cases c", w, "c.id",
                                        q.page);
    return fetch_page<CaseRow>(*sql, CaseRow::kColumns, "cases c", w, "c.id", q.page);
  });
}

Page<CaseEvent> SqlStore::events(int64_t case_id, const PageRequest& page) {
  return plain([&] {
    auto sql = db_.read();
    Where w;
    w.add("ev.case_id = ?", {case_id});
    return fetch_page<EventRow>(*sql, EventRow::kColumns, "case_events ev", w, "ev.seq", page);
  });
}

std::vector<Vote> SqlStore::votes(int64_t case_id, int64_t round) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(VoteRow::kColumns)
        .add(" FROM votes v WHERE v.case_id = ? AND v.round = ? ORDER BY v.at, v.username",
             {case_id, round});
    return fetch_all<VoteRow>(*sql, std::move(q));
  });
}

std::vector<Document> SqlStore::documents(int64_t case_id) {
  return plain([&] {
    auto sql = db_.read();
    // The listing leaves html out (it can be large); document() reads one in full.
    Sql q(
        "SELECT d.case_id, d.name, d.title, '', d.created_at FROM documents d "
        "WHERE d.case_id = ? ORDER BY d.created_at, d.name",
        {case_id});
    return fetch_all<DocumentRow>(*sql, std::move(q));
  });
}

std::optional<Document> SqlStore::document(int64_t case_id, const std::string& name) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(DocumentRow::kColumns)
        .add(" FROM documents d WHERE d.case_id = ? AND d.name = ?", {case_id, name});
    return fetch_one<DocumentRow>(*sql, std::move(q));
  });
}

}  // namespace qc::store
