#include "service/sim_clock.hpp"

#include <boost/json.hpp>

namespace qc {

void StoredOffsetClock::set(Instant to, const std::string& actor) {
  const Instant real = real_.now();
  const int64_t offset = (to - real).count();
  store_.set_clock_offset(offset, AuditEntry{0, real, actor, "clock.set",
                                             boost::json::object{{"now", format_instant(to)},
                                                                 {"offset_seconds", offset}},
                                             {}, {}});
}

}  // namespace qc
