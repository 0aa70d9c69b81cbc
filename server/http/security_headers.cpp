#include "http/security_headers.hpp"

namespace qc::http {

std::string_view content_security_policy(std::string_view route, std::string_view content_type) {
  if (route == "static") return kUiPolicy;
  if (content_type.starts_with("text/html")) return kDocumentPolicy;
  return kApiPolicy;
}

}  // namespace qc::http
