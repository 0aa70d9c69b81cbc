// A new ban ends the open cases of its scheme (docs/registers.md): the enterprise may not
// apply in that scheme until the ban ends, so an application already under way cannot go
// on to a grant. Each is closed in the banning transaction: an event naming the ban and its
// article, its timers cancelled, its notice closed, a written notice to the enterprise,
// and an audit entry.
#include <boost/json.hpp>

#include "core/bans.hpp"
#include "store/audit_log.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/transition.hpp"

namespace qc::store {

namespace {

struct OpenCaseRow {
  using Value =
      std::tuple<int64_t, int64_t, std::string, std::string>;  // id, rev, stage, procedure
  int64_t id = 0, rev = 0;
  std::string stage, procedure;
  void bind(soci::statement& st) { into_all(st, id, rev, stage, procedure); }
  Value value() const { return {id, rev, stage, procedure}; }
};

}  // namespace

Status close_for_bans(WriteTx& tx, int64_t banning_case, const std::string& uscc,
                      const std::vector<BanClosure>& closures, Instant now) {
  Connection& sql = tx.sql();
  for (const BanClosure& b : closures) {
    if (b.procedures.empty()) continue;
    Sql q(
        "SELECT c.id, c.rev, c.stage, c.procedure FROM cases c WHERE c.uscc = ? AND "
        "c.status = 'active' AND c.id <> ? AND c.procedure IN (",
        {uscc, banning_case});
    for (size_t i = 0; i < b.procedures.size(); ++i) q.add(i ? ", ?" : "?", {b.procedures[i]});
    q.add(") ORDER BY c.id");
    for (const auto& [id, rev, stage, procedure] :
         fetch_all<OpenCaseRow>(sql, std::move(q.once()))) {
      const boost::json::object payload{{"ban_case_id", banning_case},
                                        {"reason", b.reason},
                                        {"basis", b.basis},
                                        {"until", format_date(b.until)}};
      std::vector<CaseEvent> events(1);
      CaseEvent& e = events.front();
      e.at = now;
      e.actor = "system";
      e.action = "closed_by_ban";
      e.from_stage = stage;
      e.to_stage = stage;
      e.comment = "因" + with_basis(b.reason, b.basis) + "，" + format_date(b.until) +
                  "前不得申报，本申请终止";
      e.payload = payload;
      exec(sql, Sql("UPDATE cases SET status = 'closed', rev = ?, updated_at = ? WHERE id = ? "
                    "AND rev = ?",
                    {rev + 1, secs(now), id, rev}));
      append_events(sql, id, events);
      exec(sql, Sql("UPDATE timers SET cancelled_at = ? WHERE case_id = ? AND fired_at IS NULL "
                    "AND cancelled_at IS NULL",
                    {secs(now), id}));
      close_notices_of(sql, id, now);
      upsert_document(sql, id, b.notice);
      append_audit_entry(tx, AuditEntry{0,
                                        now,
                                        "system",
                                        "case.closed_by_ban",
                                        boost::json::object{{"case_id", id},
                                                            {"procedure", procedure},
                                                            {"ban_case_id", banning_case},
                                                            {"reason", b.reason},
                                                            {"basis", b.basis}},
                                        {},
                                        {}});
    }
  }
  return ok_status();
}

void lock_enterprise(WriteTx& tx, const std::string& uscc) {
  // PostgreSQL: writers of one enterprise's registers queue on its row, so the rules across
  // its cases hold with several servers. SQLite has one writer already.
  if (tx.backend() == Backend::postgresql)
    exec(tx.sql(), Sql("SELECT uscc FROM enterprises WHERE uscc = ? FOR UPDATE", {uscc}));
}

bool touches_registers(const Transition& t) {
  const auto& w = t.writes;
  return !w.new_grants.empty() || !w.new_bans.empty() || !w.ban_closures.empty() ||
         !w.grant_status.empty() || t.max_open.has_value() || t.ban_family.has_value();
}

}  // namespace qc::store
