#include "http/router.hpp"

#include <algorithm>
#include <cctype>

namespace qc::http {

namespace {
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}
bool is_param(const std::string& s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }
}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return v;
  }
  return {};
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  Route r{std::move(method), pattern, split_path(pattern), std::move(handler)};
  routes_.push_back(std::move(r));
}

void Router::add_streaming(std::string method, std::string pattern, Handler handler) {
  add(std::move(method), std::move(pattern), std::move(handler));
  routes_.back().streaming = true;
}

Router::Match Router::match(Request& req) const {
  const auto segs = split_path(req.path);
  Match m;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      if (is_param(r.segments[i]))
        params[r.segments[i].substr(1, r.segments[i].size() - 2)] = segs[i];
      else
        ok = r.segments[i] == segs[i];
    }
    if (!ok) continue;
    if (r.method != req.method) {
      m.path_known = true;
      continue;
    }
    req.params = std::move(params);
    m.handler = &r.handler;
    m.pattern = r.pattern;
    m.streaming = r.streaming;
    return m;
  }
  return m;
}

}  // namespace qc::http
