// Verifying every case's event chain, streamed in one pass (the table may be large).
#include "store/chain.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

EventVerification SqlStore::verify_events() {
  return plain([&] {
    auto sql = db_.read();
    EventRow row;
    soci::statement st(*sql);
    row.bind(st);
    Sql q("SELECT ");
    q.add(EventRow::kColumns).add(" FROM case_events ev ORDER BY ev.case_id, ev.seq").once();
    detail::prepare(st, q);
    st.execute(false);
    EventVerification v;
    int64_t current = 0, expected_seq = 1;
    std::string expected_prev;
    auto broken = [&](const CaseEvent& e, std::string why) {
      v.ok = false;
      v.broken_case = e.case_id;
      v.broken_seq = e.seq;
      v.reason = std::move(why);
    };
    while (st.fetch()) {
      const CaseEvent e = row.value();
      ++v.events;
      if (e.case_id != current) {
        current = e.case_id;
        ++v.cases;
        expected_seq = 1;
        expected_prev.clear();
      }
      if (v.ok) {
        if (e.seq != expected_seq)
          broken(e, "event " + std::to_string(expected_seq) + " is missing");
        else if (e.prev_hash != expected_prev)
          broken(e,
                 "prev_hash does not match the previous event: an event was edited, "
                 "deleted or reordered");
        else if (event_hash(e) != e.hash)
          broken(e, "hash mismatch: event edited");
      }
      expected_seq = e.seq + 1;
      expected_prev = e.hash;
    }
    return v;
  });
}

}  // namespace qc::store
