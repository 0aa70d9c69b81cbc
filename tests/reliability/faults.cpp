// Faults other than a crash: a full disk, a database that turns read-only, a PostgreSQL
// restart, and a long soak with the server's memory watched.
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "reliability/harness.hpp"

namespace qc::test {

namespace {

using Steady = std::chrono::steady_clock;

std::function<bool()> after(std::chrono::seconds d) {
  const auto until = Steady::now() + d;
  return [until] { return Steady::now() >= until; };
}

void shell(const std::string& command) {
  if (std::system(command.c_str()) != 0) throw std::runtime_error("command failed: " + command);
}

// Fills the file system under `dir` until it refuses another byte.
void fill(const std::string& dir) {
  std::ofstream f(dir + "/filler", std::ios::binary);
  const std::string block(1 << 16, 'x');
  while (f.write(block.data(), static_cast<std::streamsize>(block.size())) && f.flush()) {
  }
}

int64_t rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  return -1;
}

}  // namespace

void Harness::disk_full() {
  if (s_.dir.empty()) throw std::runtime_error("disk-full needs --dir on a small file system");
  load(after(std::chrono::seconds(2)));
  fill(s_.dir);
  const int64_t before = tally_.unavailable;
  load(after(std::chrono::seconds(3)));
  if (tally_.unavailable == before) tally_.recovered = false;  // a full disk must answer 503
  HttpClient probe(server_.port());
  tally_.notes.emplace_back("server up while the disk was full",
                            probe.get("/healthz").status == 200 ? "yes" : "no");
  std::filesystem::remove(s_.dir + "/filler");
  tally_.recovered = tally_.recovered && writes_succeed();
  verify();
}

void Harness::read_only() {
  if (s_.dir.empty()) throw std::runtime_error("read-only needs --dir on a mount of its own");
  load(after(std::chrono::seconds(2)));
  shell("mount -o remount,ro '" + s_.dir + "'");
  const int64_t before = tally_.unavailable;
  load(after(std::chrono::seconds(3)));
  const bool answered_503 = tally_.unavailable > before;
  shell("mount -o remount,rw '" + s_.dir + "'");
  tally_.recovered = answered_503 && writes_succeed();
  verify();
}

void Harness::pg_restart() {
  if (s_.pg_restart.empty()) throw std::runtime_error("pg-restart needs --pg-restart COMMAND");
  std::thread restarter([this] {
    std::this_thread::sleep_for(std::chrono::seconds(s_.seconds / 3));
    shell(s_.pg_restart);
  });
  load(after(std::chrono::seconds(s_.seconds)));
  restarter.join();
  tally_.recovered = writes_succeed();
  verify();
}

void Harness::soak() {
  const int64_t start = rss_kib(server_.pid());
  load(after(std::chrono::seconds(s_.seconds)));
  const int64_t end = rss_kib(server_.pid());
  tally_.notes.emplace_back("RSS at start (KiB)", std::to_string(start));
  tally_.notes.emplace_back("RSS at end (KiB)", std::to_string(end));
  tally_.notes.emplace_back("duration (s)", std::to_string(s_.seconds));
  verify();
}

}  // namespace qc::test
