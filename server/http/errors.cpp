#include "http/errors.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <string>

namespace qc::http {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_json:
    case ErrorCode::bad_request:
      return 400;
    case ErrorCode::unauthenticated:
      return 401;
    case ErrorCode::forbidden:
      return 403;
    case ErrorCode::not_found:
      return 404;
    case ErrorCode::conflict:
    case ErrorCode::banned:
    case ErrorCode::already_exists:
    case ErrorCode::invalid_transition:
    case ErrorCode::already_voted:
    case ErrorCode::already_open:
      return 409;
    case ErrorCode::too_large:
      return 413;
    case ErrorCode::validation:
    case ErrorCode::invalid_uscc:
    case ErrorCode::guard_failed:
      return 422;
    case ErrorCode::rate_limited:
      return 429;
    case ErrorCode::unavailable:
      return 503;
    case ErrorCode::internal:
      return 500;
  }
  return 500;
}

Response error_response(const Error& error) {
  boost::json::object inner;
  inner["code"] = to_string(error.code);
  inner["message"] = error.message;
  if (!error.field.empty()) inner["field"] = error.field;
  if (!error.details.is_null()) inner["details"] = error.details;
  if (error.until) inner["until"] = *error.until;
  if (error.case_id) inner["case_id"] = *error.case_id;
  boost::json::object body;
  body["error"] = std::move(inner);
  Response res = json_response(http_status(error.code), body);
  if (error.code == ErrorCode::rate_limited)
    res.set("Retry-After", std::to_string(error.retry_after > 0 ? error.retry_after : 1));
  return res;
}

Response error_response(ErrorCode code, std::string message) {
  return error_response(Error::make(code, std::move(message)));
}

Response json_response(int status, const boost::json::value& body) {
  Response res;
  res.status = status;
  res.content_type = "application/json";
  res.body = boost::json::serialize(body);
  return res;
}

}  // namespace qc::http
