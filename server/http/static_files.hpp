#pragma once
// The built web UI (web/dist): plain files, an SPA fallback to index.html, and cache
// headers that suit Vite's content-hashed /assets/ names.
#include <filesystem>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace qc::http {

class StaticFiles {
 public:
  // An empty or missing directory disables static serving: every request gets 404.
  explicit StaticFiles(const std::string& web_dir);

  bool enabled() const { return !root_.empty(); }

  // Answers a GET or HEAD whose path has already passed validate_path. The body is
  // filled for HEAD too; the transport sends only its length.
  Response serve(const Request& req) const;

 private:
  Response file_response(const Request& req, const std::filesystem::path& file) const;
  // The canonical form of `candidate` when it is a regular file inside root_ that no
  // dot-named component leads to; empty otherwise.
  std::filesystem::path resolve(const std::filesystem::path& candidate) const;

  std::filesystem::path root_;  // canonical; empty when disabled
};

// Content type for a file name, by extension.
std::string_view content_type_for(std::string_view filename);

}  // namespace qc::http
