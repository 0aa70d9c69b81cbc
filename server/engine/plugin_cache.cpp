#include "engine/plugin_cache.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace qc::engine {

namespace fs = std::filesystem;

bool module_name_valid(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  bool segment_empty = true;
  for (char c : name) {
    if (c == '.') {
      if (segment_empty) return false;
      segment_empty = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
      segment_empty = false;
    } else {
      return false;
    }
  }
  return !segment_empty;
}

const PluginCache::Module& PluginCache::get(std::string_view name) {
  std::lock_guard lock(mu_);
  if (auto it = modules_.find(name); it != modules_.end()) return it->second;
  return modules_.emplace(std::string(name), read(name)).first->second;
}

PluginCache::Module PluginCache::read(std::string_view name) const {
  Module m;
  std::string rel(name);
  for (auto& c : rel)
    if (c == '.') c = '/';
  rel += ".lua";
  m.chunkname = "=" + rel;
  std::error_code ec;
  const fs::path path = dir_ / rel;
  if (!fs::is_regular_file(path, ec)) {
    m.error = "module '" + std::string(name) + "' not found (plugins/" + rel + ")";
    return m;
  }
  // A symlink could point out of plugins/: the resolved file must stay inside it.
  const auto root = fs::canonical(dir_, ec);
  const auto real = fs::canonical(path, ec);
  const auto [end, _] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (ec || end != root.end()) {
    m.error = "module '" + std::string(name) + "' resolves outside plugins/";
    return m;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    m.error = "module '" + std::string(name) + "' cannot be read";
    return m;
  }
  std::ostringstream text;
  text << in.rdbuf();
  m.found = true;
  m.text = std::move(text).str();
  return m;
}

}  // namespace qc::engine
