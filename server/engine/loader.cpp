// Engine::load: every workflows/**/*.lua in a fresh sandbox, converted strictly; all or
// nothing.
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/hash.hpp"
#include "engine/convert.hpp"
#include "engine/procedure_set.hpp"
#include "engine/snapshot.hpp"
#include "engine/source_index.hpp"

namespace qc {

namespace fs = std::filesystem;
using engine::LoadedProcedure;

namespace {

std::vector<std::string> list_files(const fs::path& root, std::vector<LoadError>& errors) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    errors.push_back(LoadError{root.string(), 0, "workflows directory not found"});
    return files;
  }
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".lua")
      files.push_back(fs::relative(it->path(), root, ec).generic_string());
  if (ec) errors.push_back(LoadError{root.string(), 0, "cannot list: " + ec.message()});
  std::sort(files.begin(), files.end());
  return files;
}

// "script error: a/b.lua:12: text" -> {file, 12, text} when the position is in `file`;
// an error positioned elsewhere (a plugin) keeps its position in the message.
LoadError to_load_error(const std::string& file, const std::string& message) {
  std::string text = message;
  if (text.rfind("script error: ", 0) == 0) text = text.substr(14);
  LoadError e{file, 1, text};
  if (text.find("binary chunk") != std::string::npos) {
    e.message = "precompiled bytecode is not accepted: procedure files are Lua source text";
    return e;
  }
  if (!engine::has_position(text)) return e;
  const auto first = text.find(':');
  const auto second = text.find(':', first + 1);
  if (text.substr(0, first) != file) return e;
  e.line = std::stoi(text.substr(first + 1, second - first - 1));
  e.message = text.substr(second + 2);
  return e;
}

std::optional<LoadedProcedure> load_file(const fs::path& root, const std::string& rel,
                                         const SandboxLimits& limits,
                                         const std::shared_ptr<engine::PluginCache>& plugins,
                                         std::vector<LoadError>& errors) {
  std::ifstream in(root / rel, std::ios::binary);
  if (!in) {
    errors.push_back(LoadError{rel, 0, "cannot read the file"});
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  LoadedProcedure p;
  p.file = rel;
  p.chunkname = "=" + rel;
  p.text = std::move(buffer).str();

  auto sb = engine::Sandbox::create(limits, plugins);
  if (!sb) {
    errors.push_back(LoadError{rel, 0, sb.error().message});
    return std::nullopt;
  }
  lua_State* L = sb.value()->state();
  engine::StackGuard guard(L);
  const LoadedProcedure* job = &p;
  auto setup = [job](lua_State* S) {
    if (luaL_loadbufferx(S, job->text.data(), job->text.size(), job->chunkname.c_str(), "t") !=
        LUA_OK)
      lua_error(S);
    return 0;
  };
  if (auto st = sb.value()->run(setup, 1, rel + ":1"); !st) {
    errors.push_back(to_load_error(rel, st.error().message));
    return std::nullopt;
  }
  auto converted = engine::convert_procedure(engine::snapshot(L, -1), rel, p.text, errors);
  if (!converted) return std::nullopt;
  p.def = std::move(converted->def);
  p.def.source_hash = sha256_hex(p.text);
  p.functions = std::move(converted->functions);
  return p;
}

void check_duplicates(const std::vector<LoadedProcedure>& procs, std::vector<LoadError>& errors) {
  std::map<std::pair<std::string, int>, const LoadedProcedure*> seen;
  for (const auto& p : procs) {
    auto [it, fresh] = seen.emplace(std::pair{p.def.id, p.def.version}, &p);
    if (fresh) continue;
    const int line =
        engine::SourceIndex(p.text).find({engine::Anchor{engine::Anchor::Kind::key, "id"}});
    errors.push_back(LoadError{p.file, line > 0 ? line : 1,
                               "procedure '" + p.def.id + "' version " +
                                   std::to_string(p.def.version) + " is also declared in " +
                                   it->second->file});
  }
}

// A complaint about a listed enterprise must lead to one procedure: two procedure ids that
// claim the same activity are both named (versions of one id may share it).
void check_complaint_claims(const std::vector<LoadedProcedure>& procs,
                            std::vector<LoadError>& errors) {
  std::map<std::string, const LoadedProcedure*> claimed;
  for (const auto& p : procs) {
    if (p.def.complaints_listed_in.empty()) continue;
    auto [it, fresh] = claimed.emplace(p.def.complaints_listed_in, &p);
    if (fresh || it->second->def.id == p.def.id) continue;
    const int line =
        engine::SourceIndex(p.text).find({engine::Anchor{engine::Anchor::Kind::key, "complaints"}});
    errors.push_back(LoadError{p.file, line > 0 ? line : 1,
                               "complaints about '" + p.def.complaints_listed_in +
                                   "' are already opened by '" + it->second->def.id + "' (" +
                                   it->second->file + ")"});
  }
}

}  // namespace

Engine::Engine(std::filesystem::path workflows, std::filesystem::path plugins, SandboxLimits limits)
    : workflows_(std::move(workflows)), plugins_(std::move(plugins)), limits_(limits) {}

Engine::LoadResult Engine::load() const {
  LoadResult out;
  auto plugins = std::make_shared<engine::PluginCache>(plugins_);
  std::vector<LoadedProcedure> procs;
  for (const auto& rel : list_files(workflows_, out.errors))
    if (auto p = load_file(workflows_, rel, limits_, plugins, out.errors))
      procs.push_back(std::move(*p));
  check_duplicates(procs, out.errors);
  check_complaint_claims(procs, out.errors);
  if (!out.errors.empty()) return out;
  auto set = std::make_shared<engine::LuaProcedureSet>(std::move(procs), limits_, plugins);
  if (auto st = set->warm(); !st) {
    out.errors.push_back(LoadError{"", 0, st.error().message});
    return out;
  }
  out.set = std::move(set);
  return out;
}

}  // namespace qc
