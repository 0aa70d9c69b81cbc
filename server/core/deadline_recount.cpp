#include "core/deadline_recount.hpp"

namespace qc {

std::vector<DeadlineMove> recount_deadlines(const std::vector<Timer>& timers,
                                            const WorkCalendar& calendar) {
  std::vector<DeadlineMove> moves;
  for (const Timer& t : timers) {
    if (!t.provisional || !t.counted_from || t.workdays <= 0 || t.fired_at) continue;
    const Deadline d = calendar.add_workdays(*t.counted_from, t.workdays);
    if (d.due_at == t.due_at && d.provisional) continue;  // nothing new is known yet
    moves.push_back(
        DeadlineMove{t.id, t.case_id, t.stage, t.fire_action, t.due_at, d.due_at, d.provisional});
  }
  return moves;
}

std::string describe_move(const DeadlineMove& m) {
  // Deadlines are 24:00 Beijing: the day before the due instant's Beijing date.
  const auto last_day = [](Instant due) {
    return format_date(beijing_date(due - std::chrono::seconds{1}));
  };
  std::string s =
      "按公布的节假日安排重新计算期限：" + last_day(m.old_due) + " 改为 " + last_day(m.new_due);
  if (m.provisional) s += "（仍含未公布年份，暂定）";
  return s;
}

}  // namespace qc
