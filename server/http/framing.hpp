#pragma once
// Where a request's body ends must have exactly one answer, or a proxy in front and this
// server may each find a different one and the rest of the body is read as a second
// request (request smuggling). RFC 9112 §6.1 and §6.3: the server accepts a body framed
// by one `Transfer-Encoding: chunked` or by one plain `Content-Length`, and refuses
// everything else with 400 and a closed connection. No Beast here: the fuzz target
// (fuzz/fuzz_request.cpp) calls the same check on what the parser saw.
#include <string>
#include <string_view>
#include <vector>

namespace qc::http {

struct FramingFields {
  std::vector<std::string_view> transfer_encoding;  // every Transfer-Encoding field value
  std::vector<std::string_view> content_length;     // every Content-Length field value
  unsigned version = 11;                            // 10 = HTTP/1.0, 11 = HTTP/1.1
};

// Why the framing is refused (for the 400's message), or empty when it is unambiguous:
//  - Transfer-Encoding must be one field whose value is the single token `chunked`
//    (any case); `xchunked`, `chunked, identity`, `gzip, chunked` and an empty value are
//    refused, and so is any Transfer-Encoding in an HTTP/1.0 request;
//  - Transfer-Encoding and Content-Length together are refused;
//  - Content-Length must be one field of 1 to 18 decimal digits: repeated fields (even
//    equal), lists (`5, 5`), signs and anything else are refused.
std::string framing_problem(const FramingFields& fields);

}  // namespace qc::http
