// The national A/B/C/D classification register, its runs, and the archive import. A
// grading pass writes a batch of results with one prepared statement (SOCI bulk binding);
// it reads the archive through archive.cpp.
#include <boost/json.hpp>
#include <string_view>

#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"
#include "store/transition.hpp"

namespace qc::store {

namespace {

struct RunRow {
  using Value = ClassificationRun;
  static constexpr const char* kColumns =
      "cr.id, cr.as_of, cr.region, cr.status, cr.done, cr.total, cr.started_by, cr.error, "
      "cr.started_at, cr.finished_at, cr.what_if";
  int64_t id = 0, done = 0, total = 0, started_at = 0, finished_at = 0, what_if = 0;
  soci::indicator finished_ind = soci::i_null;
  std::string as_of, region, status, started_by, error;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(as_of));
    st.exchange(soci::into(region));
    st.exchange(soci::into(status));
    st.exchange(soci::into(done));
    st.exchange(soci::into(total));
    st.exchange(soci::into(started_by));
    st.exchange(soci::into(error));
    st.exchange(soci::into(started_at));
    st.exchange(soci::into(finished_at, finished_ind));
    st.exchange(soci::into(what_if));
  }
  Value value() const {
    ClassificationRun r;
    r.id = id;
    r.as_of = date_from(as_of);
    r.region = region;
    r.status = status;
    r.done = done;
    r.total = total;
    r.started_by = started_by;
    r.error = error;
    r.started_at = instant(started_at);
    if (finished_ind == soci::i_ok) r.finished_at = instant(finished_at);
    r.what_if = what_if != 0;
    return r;
  }
};

std::string reasons_text(const std::vector<GradeReason>& reasons) {
  boost::json::array out;
  for (const auto& r : reasons) {
    boost::json::array ids;
    for (auto id : r.records) ids.push_back(id);
    out.push_back(boost::json::object{{"criterion", r.criterion}, {"records", std::move(ids)}});
  }
  return boost::json::serialize(out);
}

std::vector<GradeReason> reasons_from(const std::string& text) {
  std::vector<GradeReason> out;
  const Json j = json_from(text);
  if (!j.is_array()) return out;
  for (const auto& v : j.as_array()) {
    if (!v.is_object()) continue;
    GradeReason r;
    if (const auto* c = v.as_object().if_contains("criterion"); c && c->is_string())
      r.criterion = std::string(c->as_string());
    if (const auto* ids = v.as_object().if_contains("records"); ids && ids->is_array())
      for (const auto& id : ids->as_array())
        if (id.is_int64()) r.records.push_back(id.as_int64());
    out.push_back(std::move(r));
  }
  return out;
}

struct ResultRow {
  using Value = Classification;
  static constexpr const char* kColumns =
      "cl.uscc, cl.grade, cl.as_of, cl.reasons, cl.run_id, cl.graded_at";
  std::string uscc, grade, as_of, reasons;
  soci::indicator grade_ind = soci::i_null;
  int64_t run_id = 0, graded_at = 0;
  void bind(soci::statement& st) {
    st.exchange(soci::into(uscc));
    st.exchange(soci::into(grade, grade_ind));
    st.exchange(soci::into(as_of));
    st.exchange(soci::into(reasons));
    st.exchange(soci::into(run_id));
    st.exchange(soci::into(graded_at));
  }
  Value value() const {
    Classification c;
    c.uscc = uscc;
    if (grade_ind == soci::i_ok) c.grade = grade;
    c.as_of = date_from(as_of);
    c.reasons = reasons_from(reasons);
    c.run_id = run_id;
    c.graded_at = instant(graded_at);
    return c;
  }
};

// The columns the classification needs, not source/detail (free text it never reads).
}  // namespace

Result<ClassificationRun> SqlStore::insert_classification_run(ClassificationRun run,
                                                              AuditEntry audit) {
  return guarded([&]() -> Result<ClassificationRun> {
    WriteTx tx = db_.write();
    run.id = fetch_int(tx.sql(),
                       Sql("INSERT INTO classification_runs (as_of, region, status, done, total, "
                           "started_by, error, started_at, what_if) VALUES (?, ?, ?, ?, ?, ?, ?, "
                           "?, ?) RETURNING id",
                           {date_text(run.as_of), run.region, run.status, run.done, run.total,
                            run.started_by, run.error, secs(run.started_at), int64_t{run.what_if}}))
                 .value_or(0);
    add_to_detail(audit, "run_id", run.id);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return run;
  });
}

void SqlStore::update_classification_run(const ClassificationRun& run) {
  plain([&] {
    WriteTx tx = db_.write();
    exec(tx.sql(),
         Sql("UPDATE classification_runs SET status = ?, done = ?, total = ?, "
             "error = ?, finished_at = ? WHERE id = ?",
             {run.status, run.done, run.total, run.error, nullable(run.finished_at), run.id}));
    tx.commit();
  });
}

std::optional<ClassificationRun> SqlStore::classification_run(int64_t id) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(RunRow::kColumns).add(" FROM classification_runs cr WHERE cr.id = ?", {id});
    return fetch_one<RunRow>(*sql, std::move(q));
  });
}

void SqlStore::save_classifications(const std::vector<Classification>& results) {
  if (results.empty()) return;
  plain([&] {
    std::vector<std::string> uscc, grade, as_of, reasons;
    std::vector<soci::indicator> grade_ind;
    std::vector<long long> run_id, graded_at;
    for (const auto& c : results) {
      uscc.push_back(c.uscc);
      grade.push_back(c.grade.value_or(""));
      grade_ind.push_back(c.grade ? soci::i_ok : soci::i_null);
      as_of.push_back(date_text(c.as_of));
      reasons.push_back(reasons_text(c.reasons));
      run_id.push_back(c.run_id);
      graded_at.push_back(secs(c.graded_at));
    }
    WriteTx tx = db_.write();
    // Fixed text; every value is bound (a vector per column: one prepared statement).
    tx.sql() << "INSERT INTO classification_results (uscc, grade, as_of, reasons, run_id, "
                "graded_at) VALUES (:u, :g, :a, :r, :run, :at) ON CONFLICT (uscc) DO UPDATE "
                "SET grade = excluded.grade, as_of = excluded.as_of, reasons = excluded.reasons, "
                "run_id = excluded.run_id, graded_at = excluded.graded_at",
        soci::use(uscc), soci::use(grade, grade_ind), soci::use(as_of), soci::use(reasons),
        soci::use(run_id), soci::use(graded_at);
    tx.commit();
  });
}

void SqlStore::save_run_results(int64_t run_id, const std::vector<Classification>& results) {
  if (results.empty()) return;
  plain([&] {
    std::vector<std::string> uscc, grade, reasons;
    std::vector<soci::indicator> grade_ind;
    std::vector<long long> run(results.size(), run_id);
    for (const auto& c : results) {
      uscc.push_back(c.uscc);
      grade.push_back(c.grade.value_or(""));
      grade_ind.push_back(c.grade ? soci::i_ok : soci::i_null);
      reasons.push_back(reasons_text(c.reasons));
    }
    WriteTx tx = db_.write();
    tx.sql() << "INSERT INTO classification_run_results (run_id, uscc, grade, reasons) VALUES "
                "(:run, :u, :g, :r) ON CONFLICT (run_id, uscc) DO UPDATE SET grade = "
                "excluded.grade, reasons = excluded.reasons",
        soci::use(run), soci::use(uscc), soci::use(grade, grade_ind), soci::use(reasons);
    tx.commit();
  });
}

std::optional<Classification> SqlStore::classification(const std::string& uscc) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(ResultRow::kColumns).add(" FROM classification_results cl WHERE cl.uscc = ?", {uscc});
    return fetch_one<ResultRow>(*sql, std::move(q));
  });
}

Page<Classification> SqlStore::classifications(const ClassificationQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "e.region", "cl.uscc").prefix("e.region", q.region);
    if (q.grade && *q.grade == "none")
      w.add("cl.grade IS NULL");
    else
      w.eq("cl.grade", q.grade);
    auto sql = db_.read();
    if (q.run_id) {
      // A what-if run's results read like the register: dated as of the run.
      w.add("cl.run_id = ?", {*q.run_id});
      return fetch_page<ResultRow>(
          *sql, "cl.uscc, cl.grade, cr.as_of, cl.reasons, cl.run_id, cr.started_at",
          "classification_run_results cl JOIN classification_runs cr ON cr.id = cl.run_id "
          "JOIN enterprises e ON e.uscc = cl.uscc",
          w, "cl.uscc", q.page);
    }
    return fetch_page<ResultRow>(*sql, ResultRow::kColumns,
                                 "classification_results cl JOIN enterprises e ON e.uscc = cl.uscc",
                                 w, "cl.uscc", q.page);
  });
}

Status SqlStore::withdraw_grants(const GrantWithdrawal& w, AuditEntry audit) {
  return guarded([&]() -> Status {
    WriteTx tx = db_.write();
    for (const auto& item : w.items) {
      if (exec(tx.sql(), Sql("UPDATE grants SET status = 'revoked' WHERE id = ? AND status IN "
                             "('active', 'suspended')",
                             {item.grant_id})) == 0)
        continue;  // withdrawn or ended meanwhile
      const int64_t announced = withdraw_announcements_of(tx.sql(), item.grant_id, w.reason, w.on);
      if (announced == 0) continue;  // nothing public to take back
      insert_announcement(tx.sql(), item.notice);
    }
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return ok_status();
  });
}

Status SqlStore::import_archive(const std::vector<Enterprise>& enterprises,
                                const std::vector<QualityRecord>& records, AuditEntry audit) {
  return guarded([&]() -> Status {
    // Column vectors, bound to one prepared statement each (SOCI bulk binding): a bulk
    // load of a province's archive runs at the database's speed, not one round trip a row.
    std::vector<std::string> uscc, name, region, established, status;
    for (const Enterprise& e : enterprises) {
      uscc.push_back(e.uscc);
      name.push_back(e.name);
      region.push_back(e.region);
      established.push_back(date_text(e.established_on));
      status.push_back(e.status);
    }
    std::vector<std::string> r_uscc, kind, category, occurred, source, detail;
    std::vector<long long> created;
    for (const QualityRecord& r : records) {
      r_uscc.push_back(r.uscc);
      kind.push_back(r.kind);
      category.push_back(r.category);
      occurred.push_back(date_text(r.occurred_on));
      source.push_back(r.source);
      detail.push_back(r.detail);
      created.push_back(secs(r.created_at));
    }
    WriteTx tx = db_.write();
    Connection& sql = tx.sql();
    try {
      if (!uscc.empty())
        sql << "INSERT INTO enterprises (uscc, name, region, established_on, status) "
               "VALUES (:u, :n, :r, :e, :s)",
            soci::use(uscc), soci::use(name), soci::use(region), soci::use(established),
            soci::use(status);
    } catch (const soci::soci_error& x) {
      if (classify(x) == Failure::unique_violation)
        return err(ErrorCode::already_exists, "an enterprise of the import is already registered",
                   "uscc");
      throw;
    }
    try {
      if (!r_uscc.empty())
        sql << "INSERT INTO quality_records (uscc, kind, category, occurred_on, source, detail, "
               "created_at) VALUES (:u, :k, :c, :o, :s, :d, :at)",
            soci::use(r_uscc), soci::use(kind), soci::use(category), soci::use(occurred),
            soci::use(source), soci::use(detail), soci::use(created);
    } catch (const soci::soci_error& x) {
      if (classify(x) == Failure::foreign_key_violation)
        return err(ErrorCode::not_found, "a record of the import names no registered enterprise",
                   "uscc");
      throw;
    }
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return ok_status();
  });
}

}  // namespace qc::store
