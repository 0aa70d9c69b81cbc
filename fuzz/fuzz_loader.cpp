// libFuzzer target: bytes as a procedure file, loaded strictly (engine/loader.cpp) with the
// shipped plugins, in the sandbox's limits. Every input must end as a loaded set or as
// errors with a file and a message: never a crash, a hang past the sandbox deadline, or
// an escape from the sandbox.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/engine.hpp"

namespace {

namespace fs = std::filesystem;

struct Dirs {
  fs::path workflows;
  fs::path plugins;
  Dirs() {
    workflows = fs::temp_directory_path() / ("qc-fuzz-loader-" + std::to_string(::getpid()));
    fs::create_directories(workflows);
    plugins = fs::path(QC_SOURCE_DIR) / "plugins";
  }
  ~Dirs() {
    std::error_code ec;
    fs::remove_all(workflows, ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Dirs dirs;
  {
    std::ofstream out(dirs.workflows / "fuzz.lua", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  qc::SandboxLimits limits;
  limits.memory_bytes = 16u << 20;
  limits.instructions = 1'000'000;
  limits.deadline = std::chrono::milliseconds(200);
  const qc::Engine engine(dirs.workflows, dirs.plugins, limits);
  const auto loaded = engine.load();
  if (!loaded.set && loaded.errors.empty()) std::abort();  // neither a set nor a reason
  for (const auto& e : loaded.errors)
    if (e.message.empty()) std::abort();
  return 0;
}
