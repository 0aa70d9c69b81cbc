#include "http/framing.hpp"

#include <algorithm>
#include <cctype>

namespace qc::http {

namespace {

// Field values arrive without leading and trailing whitespace from Beast, but the check
// must not rely on that.
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_chunked(std::string_view value) {
  constexpr std::string_view kChunked = "chunked";
  value = trim(value);
  return value.size() == kChunked.size() &&
         std::equal(value.begin(), value.end(), kChunked.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// 18 digits keep the value below 2^63 whatever it is; a larger body is refused as too
// large long before that.
bool is_length(std::string_view value) {
  value = trim(value);
  return !value.empty() && value.size() <= 18 &&
         std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string framing_problem(const FramingFields& fields) {
  const auto& te = fields.transfer_encoding;
  const auto& cl = fields.content_length;
  if (!te.empty()) {
    if (!cl.empty()) return "Transfer-Encoding and Content-Length together";
    if (fields.version < 11) return "Transfer-Encoding in an HTTP/1.0 request";
    if (te.size() > 1) return "more than one Transfer-Encoding field";
    if (!is_chunked(te.front())) return "Transfer-Encoding other than chunked";
    return {};
  }
  if (cl.size() > 1) return "more than one Content-Length field";
  if (cl.size() == 1 && !is_length(cl.front())) return "a Content-Length that is not a number";
  return {};
}

}  // namespace qc::http
