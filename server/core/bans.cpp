#include "core/bans.hpp"

#include "core/time.hpp"

namespace qc {

std::string with_basis(const std::string& reason, const std::string& basis) {
  if (basis.empty() || reason.find(basis) != std::string::npos) return reason;
  return reason + "（" + basis + "）";
}

Error banned_error(const Ban& b) {
  Error e = err(ErrorCode::banned, "the enterprise may not apply in " + b.family + " until " +
                                       format_date(b.until) + ": " + with_basis(b.reason, b.basis));
  e.until = format_date(b.until);
  return e;
}

}  // namespace qc
