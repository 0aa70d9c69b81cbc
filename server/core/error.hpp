#pragma once
// Expected failures are values: every service returns Result<T>, and one table in
// http/ maps an ErrorCode to its HTTP status (API.md "Errors").
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace qc {

enum class ErrorCode {
  bad_json,
  bad_request,
  unauthenticated,
  forbidden,
  not_found,
  conflict,
  banned,
  already_exists,
  invalid_transition,
  already_voted,
  already_open,
  too_large,
  validation,
  invalid_uscc,
  guard_failed,
  rate_limited,
  unavailable,
  internal,
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string field;               // the offending field, when one is to blame
  boost::json::value details;      // e.g. loader errors [{file,line,message}]
  std::optional<std::string> until;  // `banned`: last day of the ban
  std::optional<int64_t> case_id;    // `already_open`: the open case
  int retry_after = 0;               // `rate_limited`: seconds

  static Error make(ErrorCode c, std::string msg, std::string field = {}) {
    Error e;
    e.code = c;
    e.message = std::move(msg);
    e.field = std::move(field);
    return e;
  }
};

}  // namespace qc
