#include "core/error.hpp"

namespace qc {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_json: return "bad_json";
    case ErrorCode::bad_request: return "bad_request";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::banned: return "banned";
    case ErrorCode::already_exists: return "already_exists";
    case ErrorCode::invalid_transition: return "invalid_transition";
    case ErrorCode::already_voted: return "already_voted";
    case ErrorCode::already_open: return "already_open";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::validation: return "validation";
    case ErrorCode::invalid_uscc: return "invalid_uscc";
    case ErrorCode::guard_failed: return "guard_failed";
    case ErrorCode::rate_limited: return "rate_limited";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace qc
