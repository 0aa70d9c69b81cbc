#pragma once
#include <stdexcept>

namespace qc {

// Thrown by the port methods that return plain values (optional/vector/Page/void) when the
// database is unreachable, read-only or full; callers answer `unavailable`.
// Result-returning methods answer ErrorCode::unavailable instead.
class StoreUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace qc
