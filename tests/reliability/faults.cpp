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

// The database files turn immutable (chattr +i on ext4): every write through the server's
// open descriptors now fails, as it does on a file system the kernel has turned read-only
// after an error, yet unlike a remount it can be undone while the server runs.
void Harness::read_only() {
  if (s_.dir.empty()) throw std::runtime_error("read-only needs --dir on an ext4 file system");
  load(after(std::chrono::seconds(2)));
  const std::string files = "'" + s_.dir + "'/qc.db*";
  shell("chattr +i " + files);
  const int64_t before = tally_.unavailable;
  load(after(std::chrono::seconds(3)));
  const bool answered_503 = tally_.unavailable > before;
  HttpClient probe(server_.port());
  tally_.notes.emplace_back("server up while the database was read-only",
                            probe.get("/healthz").status == 200 ? "yes" : "no");
  shell("chattr -i " + files);
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

// Mixed load for s_.seconds with the server's RSS sampled every few seconds. Bounded: the
// RSS at the end is within 1.5× (plus 32 MiB) of the RSS a quarter into the run, when the
// caches (SQLite's pages, kept statements, Lua states) have filled.
void Harness::soak() {
  const int64_t start = rss_kib(server_.pid());
  std::atomic<bool> done{false};
  int64_t warm = start, peak = start;
  std::thread sampler([&] {
    const auto began = Steady::now();
    const auto quarter = std::chrono::seconds(s_.seconds) / 4;
    bool warm_taken = false;
    while (!done) {
      std::this_thread::sleep_for(std::chrono::seconds(2));
      const int64_t now = rss_kib(server_.pid());
      peak = std::max(peak, now);
      if (!warm_taken && Steady::now() - began >= quarter) {
        warm = now;
        warm_taken = true;
      }
    }
  });
  load(after(std::chrono::seconds(s_.seconds)), true);
  done = true;
  sampler.join();
  const int64_t end = rss_kib(server_.pid());
  tally_.memory_bounded = end <= warm * 3 / 2 + 32 * 1024;
  tally_.notes.emplace_back("RSS at start, a quarter in, peak, end (KiB)",
                            std::to_string(start) + ", " + std::to_string(warm) + ", " +
                                std::to_string(peak) + ", " + std::to_string(end));
  tally_.notes.emplace_back("memory bounded (end ≤ 1.5 × quarter + 32 MiB)",
                            tally_.memory_bounded ? "yes" : "no");
  tally_.notes.emplace_back("duration (s)", std::to_string(s_.seconds));
  verify();
}

}  // namespace qc::test
