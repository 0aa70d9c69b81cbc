#pragma once
// The one table that maps a domain error to HTTP (API.md "Errors"), and the JSON
// response builders every handler uses.
#include <boost/json/value.hpp>

#include "core/error.hpp"
#include "http/message.hpp"

namespace qc::http {

int http_status(ErrorCode code);

// {"error":{"code","message","field"?,"details"?,"until"?}}; rate_limited adds Retry-After.
Response error_response(const Error& error);
Response error_response(ErrorCode code, std::string message);

Response json_response(int status, const boost::json::value& body);

}  // namespace qc::http
