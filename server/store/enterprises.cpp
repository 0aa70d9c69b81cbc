// Enterprises and their quality-record archive.
#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

Status SqlStore::insert_enterprise(const Enterprise& e, AuditEntry audit) {
  return guarded([&]() -> Status {
    WriteTx tx = db_.write();
    try {
      exec(tx.sql(), Sql("INSERT INTO enterprises (uscc, name, region, established_on, status) "
                         "VALUES (?, ?, ?, ?, ?)",
                         {e.uscc, e.name, e.region, date_text(e.established_on), e.status}));
    } catch (const soci::soci_error& x) {
      if (classify(x) == Failure::unique_violation)
        return err(ErrorCode::already_exists, "enterprise " + e.uscc + " already exists", "uscc");
      throw;
    }
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return ok_status();
  });
}

std::optional<Enterprise> SqlStore::enterprise(const std::string& uscc) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(EnterpriseRow::kColumns).add(" FROM enterprises e WHERE e.uscc = ?", {uscc});
    return fetch_one<EnterpriseRow>(*sql, std::move(q));
  });
}

Page<Enterprise> SqlStore::enterprises(const EnterpriseQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "e.region", "e.uscc").prefix("e.region", q.region);
    if (q.q && !q.q->empty()) {
      const std::string pattern = like_contains(*q.q);
      w.add("(e.name LIKE ? ESCAPE '\\' OR e.uscc LIKE ? ESCAPE '\\')", {pattern, pattern});
    }
    auto sql = db_.read();
    return fetch_page<EnterpriseRow>(*sql, EnterpriseRow::kColumns, "enterprises e", w, "e.uscc",
                                     q.page);
  });
}

std::vector<Enterprise> SqlStore::enterprises_by_uscc(const std::vector<std::string>& usccs) {
  if (usccs.empty()) return {};
  return plain([&] {
    Sql q("SELECT ");
    q.add(EnterpriseRow::kColumns).add(" FROM enterprises e WHERE e.uscc IN (");
    for (size_t i = 0; i < usccs.size(); ++i) q.add(i ? ", ?" : "?", {usccs[i]});
    q.add(")");
    auto sql = db_.read();
    // Its text varies with the page's size: not kept among the prepared statements.
    return fetch_all<EnterpriseRow>(*sql, std::move(q.once()));
  });
}

Result<QualityRecord> SqlStore::insert_record(QualityRecord r, AuditEntry audit) {
  return guarded([&]() -> Result<QualityRecord> {
    WriteTx tx = db_.write();
    if (fetch_int(tx.sql(), Sql("SELECT COUNT(*) FROM enterprises WHERE uscc = ?", {r.uscc}))
            .value_or(0) == 0)
      return err(ErrorCode::not_found, "no enterprise " + r.uscc, "uscc");
    r.id = fetch_int(tx.sql(),
                     Sql("INSERT INTO quality_records (uscc, kind, category, occurred_on, source, "
                         "detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {r.uscc, r.kind, r.category, date_text(r.occurred_on), r.source, r.detail,
                          secs(r.created_at)}))
               .value_or(0);
    add_to_detail(audit, "record_id", r.id);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return r;
  });
}

std::vector<QualityRecord> SqlStore::records(const std::string& uscc) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(RecordRow::kColumns)
        .add(
            " FROM quality_records r WHERE r.uscc = ? AND r.corrected_at IS NULL "
            "ORDER BY r.occurred_on, r.id",
            {uscc});
    return fetch_all<RecordRow>(*sql, std::move(q));
  });
}

std::vector<QualityRecord> SqlStore::archive_records(const std::string& uscc) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(RecordRow::kColumns)
        .add(" FROM quality_records r WHERE r.uscc = ? ORDER BY r.occurred_on, r.id", {uscc});
    return fetch_all<RecordRow>(*sql, std::move(q));
  });
}

Result<QualityRecord> SqlStore::correct_record(const std::string& uscc, int64_t id,
                                               RecordCorrection c, AuditEntry audit) {
  return guarded([&]() -> Result<QualityRecord> {
    WriteTx tx = db_.write();
    auto select = [&] {
      Sql q("SELECT ");
      q.add(RecordRow::kColumns)
          .add(" FROM quality_records r WHERE r.id = ? AND r.uscc = ?", {id, uscc});
      return fetch_one<RecordRow>(tx.sql(), std::move(q));
    };
    auto before = select();
    if (!before)
      return err(ErrorCode::not_found, "no record " + std::to_string(id) + " of enterprise " + uscc,
                 "id");
    // The guard in the UPDATE makes two concurrent corrections one success and one conflict.
    if (before->correction ||
        exec(tx.sql(),
             Sql("UPDATE quality_records SET corrected_at = ?, corrected_by = ?, "
                 "correction_reason = ?, correction_case_id = ? "
                 "WHERE id = ? AND corrected_at IS NULL",
                 {secs(c.at), c.by, c.reason, c.case_id ? Param{*c.case_id} : Param{}, id})) == 0)
      return err(ErrorCode::conflict, "record " + std::to_string(id) + " is already corrected",
                 "id");
    add_to_detail(audit, "record_id", id);
    append_audit_entry(tx, std::move(audit));
    auto after = select();
    tx.commit();
    return std::move(*after);
  });
}

}  // namespace qc::store
