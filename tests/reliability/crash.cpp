// kill -9 under load: every acknowledged transition survives, and timers that fell due
// while the server was down fire exactly once after the restart.
#include <boost/json.hpp>
#include <random>
#include <thread>

#include "core/time.hpp"
#include "reliability/harness.hpp"

namespace qc::test {

namespace json = boost::json;

void Harness::crashes() {
  std::mt19937 rng(20261201);  // fixed: a failing run can be repeated
  std::uniform_int_distribution<int> pause_ms(150, 1200);
  for (int crash = 0; crash < s_.crashes; ++crash) {
    std::thread loader([this] { load([] { return false; }); });
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(rng)));
    server_.kill9();
    loader.join();
    server_.restart();
    verify();
  }
  tally_.notes.emplace_back("crashes (kill -9 under load)", std::to_string(s_.crashes));
  timers_across_downtime();
}

// Cases enter a one-day wait; the clock is set so that their timers fall due two seconds
// later, the server is killed at once and stays down past that moment.
void Harness::timers_across_downtime() {
  HttpClient c(server_.port());
  c.set_token(token_);
  std::vector<int64_t> waiting;
  for (int i = 0; i < 10; ++i) {
    const int64_t id = open("wait");
    int64_t rev = 1;
    if (step(c, id, rev) != 200) throw std::runtime_error("could not enter the wait");
    waiting.push_back(id);
  }
  // Each case shows its pending deadline; the clock is set two seconds before the last.
  auto a = admin();
  Instant due{};
  for (int64_t id : waiting) {
    const auto kase = a->get("/api/v1/cases/" + std::to_string(id)).json();
    due = std::max(due, *parse_instant(kase.at("deadline").at("due_at").as_string()));
  }
  const Instant due_soon = due - std::chrono::seconds(2);
  if (a->post("/api/v1/admin/clock", json::object{{"set", format_instant(due_soon)}}).status != 200)
    throw std::runtime_error("could not set the clock");
  server_.kill9();
  std::this_thread::sleep_for(std::chrono::seconds(4));
  server_.restart();
  tally_.timers_expected = static_cast<int64_t>(waiting.size());
  auto after = admin();
  for (int64_t id : waiting) {
    const std::string path = "/api/v1/cases/" + std::to_string(id);
    for (int tries = 0; tries < 100; ++tries) {
      if (after->get(path).json().at("stage") == "expired") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    int fired = 0;
    const auto history = after->get(path + "/history").json();
    for (const auto& e : history.at("items").as_array()) fired += e.at("action") == "expire";
    if (fired == 1) ++tally_.timers_fired_once;
  }
}

}  // namespace qc::test
