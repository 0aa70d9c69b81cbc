#pragma once
// The source of the Lua modules procedures `require` from plugins/. One cache is shared by
// every state of a loaded set, so the set sees one version of each module even if the file
// changes on disk later (a reload picks up the new one).
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace qc::engine {

// "a.b" -> plugins/a/b.lua; only [a-z0-9_]+ segments, so no path can leave plugins/.
bool module_name_valid(std::string_view name);

class PluginCache {
 public:
  struct Module {
    bool found = false;
    std::string chunkname;  // "=credit/rules.lua": errors read credit/rules.lua:12: …
    std::string text;
    std::string error;  // why it could not be read
  };

  explicit PluginCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Thread-safe. The reference stays valid as long as the cache (entries are never erased).
  const Module& get(std::string_view name);

 private:
  Module read(std::string_view name) const;

  std::filesystem::path dir_;
  std::mutex mu_;
  std::map<std::string, Module, std::less<>> modules_;
};

}  // namespace qc::engine
