// Reading the quality archive for grading: the enterprises of a scope a batch at a time,
// each with its records (two queries per batch). On SQLite the pass goes straight through
// SQLite's C API (ADR 008); on PostgreSQL through SOCI.
#include <string_view>
#include <unordered_map>

#include "store/backends.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

namespace {

struct ArchiveRecordRow {
  using Value = QualityRecord;
  static constexpr const char* kColumns = "r.id, r.uscc, r.kind, r.category, r.occurred_on";
  int64_t id = 0;
  std::string uscc, kind, category, occurred_on;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(uscc));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(category));
    st.exchange(soci::into(occurred_on));
  }
  Value value() const {
    QualityRecord r;
    r.id = id;
    r.uscc = uscc;
    r.kind = kind;
    r.category = category;
    r.occurred_on = date_from(occurred_on);
    return r;
  }
};

Where archive_where(const Scope& scope, const std::optional<std::string>& region) {
  Where w;
  w.scope(scope, "e.region", "e.uscc").prefix("e.region", region);
  return w;
}

}  // namespace

int64_t SqlStore::count_enterprises(const Scope& scope, const std::optional<std::string>& region) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT COUNT(*) FROM enterprises e");
    archive_where(scope, region).append_to(q);
    return fetch_int(*sql, std::move(q)).value_or(0);
  });
}

std::vector<ArchiveEntry> SqlStore::archive_batch(const Scope& scope,
                                                  const std::optional<std::string>& region,
                                                  const std::string& after_uscc, int limit) {
  return plain([&] {
    auto sql = db_.read();
    Where w = archive_where(scope, region);
    w.add("e.uscc > ?", {after_uscc});
    Sql q("SELECT ");
    q.add(EnterpriseRow::kColumns).add(" FROM enterprises e");
    w.append_to(q);
    q.add(" ORDER BY e.uscc LIMIT ?", {int64_t{limit}});
    // The same enterprises' records: the USCC range of the batch, within the same filter.
    auto records_of = [&](const std::string& last) {
      Where rw = archive_where(scope, region);
      rw.add("r.uscc > ? AND r.uscc <= ?", {after_uscc, last});
      rw.add("r.corrected_at IS NULL");  // a corrected record no longer counts
      Sql rq("SELECT ");
      rq.add(ArchiveRecordRow::kColumns)
          .add(" FROM quality_records r JOIN enterprises e ON e.uscc = r.uscc");
      rw.append_to(rq);
      rq.add(" ORDER BY r.uscc, r.occurred_on, r.id");
      return rq;
    };
    std::vector<ArchiveEntry> out;
    // Records are matched by USCC, not by walking both lists: the database's collation need
    // not be the byte order of std::string. Rows come grouped by enterprise, so the entry
    // of the previous row is tried first.
    std::unordered_map<std::string_view, size_t> index;
    ArchiveEntry* last = nullptr;
    auto entry_of = [&](std::string_view uscc) -> ArchiveEntry* {
      if (last && last->enterprise.uscc == uscc) return last;
      auto it = index.find(uscc);
      return last = it == index.end() ? nullptr : &out[it->second];
    };
    auto index_batch = [&] {
      index.reserve(out.size());
      for (size_t i = 0; i < out.size(); ++i) index.emplace(out[i].enterprise.uscc, i);
    };
    if (sql->backend() == Backend::sqlite) {
      // The bulk read of a whole province: straight through SQLite's C API.
      sqlite_each_row(*sql, q, [&](const SqliteRow& row) {
        out.push_back(ArchiveEntry{
            Enterprise{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
                       date_from(row.text(3)), std::string(row.text(4))},
            {}});
      });
      if (out.empty()) return out;
      index_batch();
      sqlite_each_row(*sql, records_of(out.back().enterprise.uscc), [&](const SqliteRow& row) {
        ArchiveEntry* e = entry_of(row.text(1));
        if (!e) return;
        QualityRecord& r = e->records.emplace_back();
        r.id = row.integer(0);
        r.uscc = e->enterprise.uscc;
        r.kind = row.text(2);
        r.category = row.text(3);
        r.occurred_on = date_from(row.text(4));
      });
      return out;
    }
    for (auto& e : fetch_all<EnterpriseRow>(*sql, std::move(q)))
      out.push_back(ArchiveEntry{std::move(e), {}});
    if (out.empty()) return out;
    index_batch();
    for (auto& r : fetch_all<ArchiveRecordRow>(*sql, records_of(out.back().enterprise.uscc)))
      if (ArchiveEntry* e = entry_of(r.uscc)) e->records.push_back(std::move(r));
    return out;
  });
}

}  // namespace qc::store
