#pragma once
// A complaint from the public about an enterprise (监督意见, 工信部科[2011]366号 五). It
// either opens the supervision procedure of an activity the enterprise is listed in at
// once, or waits in the staff inbox until staff route it to a procedure or close it.
#include <cstdint>
#include <optional>
#include <string>

#include "core/time.hpp"

namespace qc {

struct Complaint {
  int64_t id = 0;
  std::string uscc;    // the enterprise complained about (a valid USCC, registered or not)
  std::string region;  // its registered region, else the USCC's region digits (jurisdiction)
  std::string content;
  std::string contact;  // only staff handling the complaint see it; never public, never logged
  std::string status = "open";  // open (in the inbox) | routed (a case opened) | closed
  std::optional<int64_t> case_id;
  std::string procedure;     // of the case it opened
  std::string close_reason;  // why staff closed it
  std::string handled_by;    // "public" when it opened a case at once
  Instant received_at{};
  std::optional<Instant> handled_at;
};

}  // namespace qc
