// Public complaints: received from the portal, triaged by staff. The contact column is
// read only by staff endpoints and never copied into audit details.
#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

namespace {

struct ComplaintRow {
  using Value = Complaint;
  static constexpr const char* kColumns =
      "k.id, k.uscc, k.region, k.content, k.contact, k.status, k.case_id, k.procedure, "
      "k.close_reason, k.handled_by, k.received_at, k.handled_at";
  int64_t id = 0, case_id = 0, received_at = 0, handled_at = 0;
  soci::indicator case_ind = soci::i_null, handled_ind = soci::i_null;
  std::string uscc, region, content, contact, status, procedure, close_reason, handled_by;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    for (std::string* s : {&uscc, &region, &content, &contact, &status})
      st.exchange(soci::into(*s));
    st.exchange(soci::into(case_id, case_ind));
    for (std::string* s : {&procedure, &close_reason, &handled_by}) st.exchange(soci::into(*s));
    st.exchange(soci::into(received_at));
    st.exchange(soci::into(handled_at, handled_ind));
  }
  Value value() const {
    Complaint c;
    c.id = id;
    c.uscc = uscc;
    c.region = region;
    c.content = content;
    c.contact = contact;
    c.status = status;
    if (case_ind == soci::i_ok) c.case_id = case_id;
    c.procedure = procedure;
    c.close_reason = close_reason;
    c.handled_by = handled_by;
    c.received_at = instant(received_at);
    if (handled_ind == soci::i_ok) c.handled_at = instant(handled_at);
    return c;
  }
};

Param nullable_id(const std::optional<int64_t>& v) { return v ? Param{*v} : Param{}; }

}  // namespace

Result<Complaint> SqlStore::insert_complaint(Complaint c, AuditEntry audit) {
  return guarded([&]() -> Result<Complaint> {
    WriteTx tx = db_.write();
    c.id = fetch_int(tx.sql(),
                     Sql("INSERT INTO complaints (uscc, region, content, contact, status, "
                         "case_id, procedure, close_reason, handled_by, received_at, handled_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {c.uscc, c.region, c.content, c.contact, c.status, nullable_id(c.case_id),
                          c.procedure, c.close_reason, c.handled_by, secs(c.received_at),
                          nullable(c.handled_at)}))
               .value_or(0);
    add_to_detail(audit, "complaint_id", c.id);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return c;
  });
}

std::optional<Complaint> SqlStore::complaint(int64_t id) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(ComplaintRow::kColumns).add(" FROM complaints k WHERE k.id = ?", {id});
    return fetch_one<ComplaintRow>(*sql, std::move(q));
  });
}

Page<Complaint> SqlStore::complaints(const ComplaintQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "k.region", "k.uscc").eq("k.status", q.status).eq("k.uscc", q.uscc);
    if (q.received_from) w.add("k.received_at >= ?", {secs(*q.received_from)});
    if (q.received_before) w.add("k.received_at < ?", {secs(*q.received_before)});
    auto sql = db_.read();
    return fetch_page<ComplaintRow>(*sql, ComplaintRow::kColumns, "complaints k", w,
                                    "k.received_at, k.id", q.page);
  });
}

Status SqlStore::handle_complaint(const Complaint& c, AuditEntry audit) {
  return guarded([&]() -> Status {
    WriteTx tx = db_.write();
    // Only an open complaint is triaged: of two staff handling it at once, one wins.
    if (exec(tx.sql(), Sql("UPDATE complaints SET status = ?, case_id = ?, procedure = ?, "
                           "close_reason = ?, handled_by = ?, handled_at = ? "
                           "WHERE id = ? AND status = 'open'",
                           {c.status, nullable_id(c.case_id), c.procedure, c.close_reason,
                            c.handled_by, nullable(c.handled_at), c.id})) == 0)
      return err(ErrorCode::conflict, "complaint " + std::to_string(c.id) + " is not open");
    add_to_detail(audit, "complaint_id", c.id);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return ok_status();
  });
}

}  // namespace qc::store
