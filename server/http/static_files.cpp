#include "http/static_files.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "http/errors.hpp"

namespace qc::http {

namespace fs = std::filesystem;

namespace {

Response not_found() { return error_response(ErrorCode::not_found, "no such resource"); }

bool has_dot_component(const fs::path& rel) {
  for (const auto& part : rel) {
    const std::string s = part.string();
    if (!s.empty() && s.front() == '.') return true;
  }
  return false;
}

std::string etag_for(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  const auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
  std::ostringstream out;
  out << '"' << std::hex << size << '-' << mtime << '"';
  return out.str();
}

}  // namespace

std::string_view content_type_for(std::string_view filename) {
  const size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  const std::string_view ext = filename.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& web_dir) {
  if (web_dir.empty()) return;
  std::error_code ec;
  fs::path root = fs::canonical(web_dir, ec);
  if (!ec && fs::is_directory(root, ec)) root_ = std::move(root);
}

fs::path StaticFiles::resolve(const fs::path& candidate) const {
  std::error_code ec;
  const fs::path real = fs::canonical(candidate, ec);
  if (ec || !fs::is_regular_file(real, ec)) return {};
  // Symlinks are followed by canonical(): what matters is where the file really is.
  const fs::path rel = real.lexically_relative(root_);
  if (rel.empty() || *rel.begin() == ".." || has_dot_component(rel)) return {};
  return real;
}

Response StaticFiles::serve(const Request& req) const {
  if (!enabled()) return not_found();
  const fs::path rel = fs::path(req.path).relative_path();
  // Never serve dotfiles, nor anything reached through a dot-named directory.
  if (has_dot_component(rel)) return not_found();
  if (!rel.empty()) {
    if (fs::path file = resolve(root_ / rel); !file.empty()) return file_response(req, file);
  }
  // SPA fallback: client-side routes (/cases/12) have no extension; a missing file
  // with an extension (/app.js) is a real 404.
  if (!rel.empty() && rel.filename().has_extension()) return not_found();
  if (fs::path index = resolve(root_ / "index.html"); !index.empty())
    return file_response(req, index);
  return not_found();
}

Response StaticFiles::file_response(const Request& req, const fs::path& file) const {
  Response res;
  const fs::path rel = file.lexically_relative(root_);
  const bool hashed_asset = *rel.begin() == "assets";
  res.set("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  const std::string etag = etag_for(file);
  res.set("ETag", etag);
  if (req.header("if-none-match") == etag) {
    res.status = 304;
    res.content_type.clear();
    return res;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found();
  res.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  res.content_type = std::string(content_type_for(file.filename().string()));
  return res;
}

}  // namespace qc::http
