// GET /api/v1/audit: the trail filtered by actor, case and time, newest first.
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

Page<AuditEntry> SqlStore::audit_entries(const AuditQuery& q) {
  return plain([&] {
    auto sql = db_.read();
    Where w;
    w.eq("au.actor", q.actor);
    if (q.case_id) w.add("au.case_id = ?", {*q.case_id});
    if (q.from) w.add("au.at >= ?", {secs(*q.from)});
    if (q.to) w.add("au.at <= ?", {secs(*q.to)});
    return fetch_page<AuditRow>(*sql, AuditRow::kColumns, "audit au", w, "au.seq DESC", q.page);
  });
}

}  // namespace qc::store
