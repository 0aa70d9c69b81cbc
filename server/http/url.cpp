#include "http/url.hpp"

#include "auth/utf8.hpp"

namespace qc::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view in, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return std::nullopt;
      const int hi = hex_value(in[i + 1]);
      const int lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::map<std::string, std::string>> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  while (i <= query.size()) {
    size_t amp = query.find('&', i);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view pair = query.substr(i, amp - i);
    i = amp + 1;
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!key || !value) return err(ErrorCode::bad_request, "invalid percent-encoding in query");
    // Everything downstream (JSON, PostgreSQL text) needs UTF-8: refuse here, clearly.
    if (!auth_detail::utf8_length(*key) || !auth_detail::utf8_length(*value))
      return err(ErrorCode::bad_request, "query is not valid UTF-8");
    out.emplace(std::move(*key), std::move(*value));
  }
  return out;
}

Status validate_path(std::string_view path) {
  if (path.empty() || path.front() != '/')
    return err(ErrorCode::bad_request, "path must start with /");
  if (path.find('\0') != std::string_view::npos) return err(ErrorCode::bad_request, "NUL in path");
  if (path.find('\\') != std::string_view::npos)
    return err(ErrorCode::bad_request, "backslash in path");
  size_t i = 0;
  while (i < path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    if (path.substr(i, slash - i) == "..") return err(ErrorCode::bad_request, "'..' in path");
    i = slash + 1;
  }
  return ok_status();
}

Result<Target> parse_target(std::string_view target) {
  const size_t q = target.find('?');
  const std::string_view raw_path = target.substr(0, q);
  // A fragment is never sent by a conforming client; refuse rather than guess.
  if (raw_path.find('#') != std::string_view::npos)
    return err(ErrorCode::bad_request, "fragment in request-target");
  auto path = percent_decode(raw_path);
  if (!path) return err(ErrorCode::bad_request, "invalid percent-encoding in path");
  if (auto st = validate_path(*path); !st) return st.take_error();
  if (!auth_detail::utf8_length(*path)) return err(ErrorCode::bad_request, "path is not valid UTF-8");
  Target out;
  out.path = std::move(*path);
  if (q != std::string_view::npos) {
    auto query = parse_query(target.substr(q + 1));
    if (!query) return query.take_error();
    out.query = std::move(*query);
  }
  return out;
}

}  // namespace qc::http
