#pragma once
// Request-target parsing: percent-decoding, query strings and the path checks that keep
// a request from naming anything outside the tree it addresses.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace qc::http {

// Decodes %XX escapes (and '+' as a space when plus_as_space, as in query strings).
// nullopt for a truncated or non-hex escape.
std::optional<std::string> percent_decode(std::string_view in, bool plus_as_space = false);

// Decoded query parameters; the first occurrence of a repeated name wins.
Result<std::map<std::string, std::string>> parse_query(std::string_view query);

// A path is refused when, once decoded, it contains a `..` segment, a NUL or a
// backslash, or when its encoding is invalid. Checked on the decoded form so that
// %2e%2e, %00, %5c and %2f-smuggled segments are caught too.
Status validate_path(std::string_view decoded_path);

struct Target {
  std::string path;  // decoded, validated
  std::map<std::string, std::string> query;
};

// Splits an origin-form request-target ("/path?query") and validates it; any failure is
// bad_request.
Result<Target> parse_target(std::string_view target);

}  // namespace qc::http
