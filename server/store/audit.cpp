// The audit chain: appends inside write transactions, paging, and verification.
#include "store/audit_log.hpp"
#include "store/chain.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

namespace {
// Any constant, shared by every server on the database.
constexpr int64_t kAuditLock = 0x71630002;

struct LinkRow {  // the last link of the chain
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

AuditEntry append_audit_entry(WriteTx& tx, AuditEntry e) {
  Connection& sql = tx.sql();
  if (tx.backend() == Backend::postgresql)
    exec(sql, Sql("SELECT pg_advisory_xact_lock(?)", {kAuditLock}));
  const auto last =
      fetch_one<LinkRow>(sql, Sql("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
  e.seq = last ? last->first + 1 : 1;
  e.prev_hash = last ? last->second : "";
  e.hash = audit_hash(e);
  // case_id (schema version 2) makes the trail of one case a lookup, not a scan of details.
  Param case_id;
  if (const auto* o = e.detail.if_object())
    if (const auto* c = o->if_contains("case_id"); c && c->is_int64()) case_id = c->as_int64();
  exec(sql, Sql("INSERT INTO audit (seq, at, actor, what, detail, prev_hash, hash, case_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                {e.seq, secs(e.at), e.actor, e.what, json_text(e.detail), e.prev_hash, e.hash,
                 case_id}));
  return e;
}

void add_to_detail(AuditEntry& e, std::string_view key, int64_t id) {
  if (e.detail.is_null()) e.detail.emplace_object();
  if (auto* o = e.detail.if_object(); o && !o->contains(key)) (*o)[key] = id;
}

void SqlStore::append_audit(AuditEntry e) {
  plain([&] {
    WriteTx tx = db_.write();
    append_audit_entry(tx, std::move(e));
    tx.commit();
  });
}

Page<AuditEntry> SqlStore::audit(const PageRequest& page) {
  return plain([&] {
    auto sql = db_.read();
    return fetch_page<AuditRow>(*sql, AuditRow::kColumns, "audit au", Where(), "au.seq", page);
  });
}

AuditVerification SqlStore::verify_audit() {
  return plain([&] {
    auto sql = db_.read();
    AuditRow row;
    soci::statement st(*sql);
    row.bind(st);
    Sql q("SELECT ");
    q.add(AuditRow::kColumns).add(" FROM audit au ORDER BY au.seq").once();
    detail::prepare(st, q);
    st.execute(false);
    // Streams the rows: the chain may be long.
    AuditVerification v;
    int64_t expected_seq = 1;
    std::string expected_prev;
    while (st.fetch()) {
      const AuditEntry e = row.value();
      ++v.entries;
      if (!v.ok) continue;  // keep counting
      if (e.seq != expected_seq) {
        v.ok = false;
        v.broken_seq = expected_seq;
        v.reason = e.seq > expected_seq
                       ? "entry missing: seq " + std::to_string(expected_seq) + " was deleted"
                       : "entries out of order";
      } else if (e.prev_hash != expected_prev) {
        v.ok = false;
        v.broken_seq = e.seq;
        v.reason =
            "prev_hash does not match the previous entry: an entry was edited and rehashed, "
            "deleted or reordered";
      } else if (audit_hash(e) != e.hash) {
        v.ok = false;
        v.broken_seq = e.seq;
        v.reason = "hash mismatch: entry edited";
      }
      expected_seq = e.seq + 1;
      expected_prev = e.hash;
    }
    return v;
  });
}

}  // namespace qc::store
