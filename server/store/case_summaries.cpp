#include "store/case_summaries.hpp"

#include "core/case_summary.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"

namespace qc::store {

namespace {

struct IdDataRow {
  using Value = std::pair<int64_t, std::string>;
  int64_t id = 0;
  std::string data;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(data));
  }
  Value value() const { return {id, data}; }
};

constexpr int64_t kBatch = 50;  // cases read at a time: their data may be large

}  // namespace

std::optional<std::string> summary_text(const JsonObject& data) {
  DataSummary s = summarize_data(data);
  if (s.complete) return std::nullopt;
  return json_text(s.data);
}

void backfill_case_summaries(Connection& sql) {
  const auto shortest = static_cast<int64_t>(kSummaryValueBytes);
  for (int64_t after = 0;;) {
    auto rows = fetch_all<IdDataRow>(
        sql, Sql("SELECT id, data FROM cases WHERE id > ? AND length(data) > ? ORDER BY id "
                 "LIMIT ?",
                 {after, shortest, kBatch})
                 .once());
    if (rows.empty()) return;
    for (auto& [id, text] : rows) {
      after = id;
      Json j = json_from(text);
      text.clear();
      if (!j.is_object()) continue;
      if (auto summary = summary_text(j.as_object()))
        exec(sql, Sql("UPDATE cases SET summary = ? WHERE id = ?", {*summary, id}).once());
    }
  }
}

}  // namespace qc::store
