// Yearly quality-credit report packages as submitted by a province or an association.
#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

namespace {

struct SubmissionRow {
  using Value = ReportSubmission;
  static constexpr const char* kColumns =
      "s.id, s.procedure, s.year, s.region, s.submitted_by, s.submitted_as, s.submitted_at, "
      "s.due_on, s.status, s.total, s.typical, s.sha256, s.manifest";
  ReportSubmission v;
  int64_t submitted_at = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(v.id));
    st.exchange(soci::into(v.procedure));
    st.exchange(soci::into(v.year));
    for (std::string* s : {&v.region, &v.submitted_by, &v.submitted_as})
      st.exchange(soci::into(*s));
    st.exchange(soci::into(submitted_at));
    for (std::string* s : {&v.due_on, &v.status}) st.exchange(soci::into(*s));
    st.exchange(soci::into(v.total));
    st.exchange(soci::into(v.typical));
    for (std::string* s : {&v.sha256, &v.manifest}) st.exchange(soci::into(*s));
  }
  Value value() const {
    ReportSubmission out = v;
    out.submitted_at = instant(submitted_at);
    return out;
  }
};

}  // namespace

Result<ReportSubmission> SqlStore::insert_report_submission(ReportSubmission s, AuditEntry audit) {
  return guarded([&]() -> Result<ReportSubmission> {
    WriteTx tx = db_.write();
    s.id = fetch_int(tx.sql(),
                     Sql("INSERT INTO report_submissions (procedure, year, region, submitted_by, "
                         "submitted_as, submitted_at, due_on, status, total, typical, sha256, "
                         "manifest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {s.procedure, s.year, s.region, s.submitted_by, s.submitted_as,
                          secs(s.submitted_at), s.due_on, s.status, s.total, s.typical, s.sha256,
                          s.manifest}))
               .value_or(0);
    add_to_detail(audit, "submission_id", s.id);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return s;
  });
}

std::optional<ReportSubmission> SqlStore::report_submission(int64_t id) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(SubmissionRow::kColumns).add(" FROM report_submissions s WHERE s.id = ?", {id});
    return fetch_one<SubmissionRow>(*sql, std::move(q));
  });
}

Page<ReportSubmission> SqlStore::report_submissions(const ReportSubmissionQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "s.region", "s.region").prefix("s.region", q.region);
    if (q.year) w.add("s.year = ?", {*q.year});
    auto sql = db_.read();
    return fetch_page<SubmissionRow>(*sql, SubmissionRow::kColumns, "report_submissions s", w,
                                     "s.submitted_at DESC, s.id DESC", q.page);
  });
}

}  // namespace qc::store
