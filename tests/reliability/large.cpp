// Memory under large cases (issue 29): many cases with large data, concurrent list pages
// of them, the server's RSS sampled throughout and after the load has gone.
#include <sys/types.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "reliability/harness.hpp"

namespace qc::test {

namespace json = boost::json;

namespace {

// A field of /proc/PID/status in KiB (VmRSS: now, VmHWM: the peak so far).
int64_t status_kib(pid_t pid, const std::string& field) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(f, line);)
    if (line.rfind(field + ":", 0) == 0) return std::stoll(line.substr(field.size() + 1));
  return 0;
}

std::string mib(int64_t kib) { return std::to_string((kib + 512) / 1024); }

}  // namespace

void Harness::large_cases() {
  const pid_t pid = server_.pid();
  HttpClient c(server_.port());
  c.set_token(token_);
  c.set_timeout(std::chrono::seconds(120));
  const std::string notes(static_cast<size_t>(s_.case_kib) * 1024, 'x');
  for (int i = 0; i < s_.cases; ++i) {
    auto r = c.post(
        "/api/v1/cases",
        json::object{
            {"procedure", "test.counter"},
            {"enterprise", uscc_},
            {"data", json::object{{"kind", "count"}, {"title", "大案卷"}, {"notes", notes}}}});
    if (r.status != 201)
      throw std::runtime_error("open a large case: HTTP " + std::to_string(r.status) + " " +
                               r.body.substr(0, 300));
  }
  const int64_t before = status_kib(pid, "VmRSS");
  tally_.notes.emplace_back("cases × data, list clients × rounds",
                            std::to_string(s_.cases) + " × " + std::to_string(s_.case_kib) +
                                " KiB, " + std::to_string(s_.clients) + " × " +
                                std::to_string(s_.rounds));
  tally_.notes.emplace_back("RSS after opening them (MiB)", mib(before));
  // Summary pages first, then whole ones: each phase's peak is sampled as it runs, its
  // settled RSS after the load has been gone for a while.
  for (const std::string target :
       {"/api/v1/cases?per_page=500", "/api/v1/cases?per_page=500&full=1"}) {
    std::atomic<bool> done{false};
    int64_t peak = 0, bytes = 0;
    std::thread sampler([&] {
      while (!done) {
        peak = std::max(peak, status_kib(pid, "VmRSS"));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    });
    std::vector<std::thread> clients;
    std::mutex mu;
    for (int i = 0; i < s_.clients; ++i)
      clients.emplace_back([&] {
        HttpClient lc(server_.port());
        lc.set_token(token_);
        lc.set_timeout(std::chrono::seconds(120));
        for (int k = 0; k < s_.rounds; ++k) {
          auto r = lc.get(target);
          std::lock_guard lock(mu);
          ++tally_.reads;
          if (r.status != 200) ++tally_.failed_reads;
          bytes = std::max<int64_t>(bytes, static_cast<int64_t>(r.body.size()));
        }
      });
    for (auto& t : clients) t.join();
    done = true;
    sampler.join();
    std::this_thread::sleep_for(std::chrono::seconds(s_.settle_seconds));
    const int64_t settled = status_kib(pid, "VmRSS");
    tally_.notes.emplace_back(
        "GET " + target + ": answer (KiB), peak RSS, settled RSS (MiB)",
        std::to_string(bytes / 1024) + ", " + mib(peak) + ", " + mib(settled));
    // The same rule as the soak's: what the load leaves behind is bounded.
    tally_.memory_bounded = tally_.memory_bounded && settled <= before * 3 / 2 + 32 * 1024;
  }
  tally_.notes.emplace_back("VmHWM, the peak of the run (MiB)", mib(status_kib(pid, "VmHWM")));
  tally_.recovered = writes_succeed();
  verify();
}

}  // namespace qc::test
