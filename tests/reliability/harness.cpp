#include "reliability/harness.hpp"

#include <boost/json.hpp>
#include <iostream>
#include <thread>

#include "core/uscc.hpp"

namespace qc::test {

namespace json = boost::json;

namespace {
constexpr const char* kPassword = "password-123";

void must(const HttpResult& r, int status, const std::string& what) {
  if (r.status != status)
    throw std::runtime_error(what + ": HTTP " + std::to_string(r.status) + " " +
                             r.body.substr(0, 300));
}
}  // namespace

int Harness::run() {
  const std::string stem = "91110108MA1RELY01";
  uscc_ = stem + uscc_check_char(stem);
  setup();
  if (s_.mode == "crash")
    crashes();
  else if (s_.mode == "disk-full")
    disk_full();
  else if (s_.mode == "read-only")
    read_only();
  else if (s_.mode == "pg-restart")
    pg_restart();
  else if (s_.mode == "soak")
    soak();
  else if (s_.mode == "large")
    large_cases();
  else
    throw std::runtime_error("unknown mode " + s_.mode);
  report();
  const bool ok = passed();
  std::cout << "reliability: " << (ok ? "1 passed, 0 failed" : "0 passed, 1 failed") << "\n";
  return ok ? 0 : 1;
}

std::unique_ptr<HttpClient> Harness::login(const std::string& user, const std::string& password) {
  auto c = std::make_unique<HttpClient>(server_.port());
  c->set_timeout(std::chrono::seconds(10));
  auto r = c->post("/api/v1/session", json::object{{"username", user}, {"password", password}});
  must(r, 200, "login " + user);
  c->set_token(std::string(r.json().at("token").as_string()));
  return c;
}

std::unique_ptr<HttpClient> Harness::admin() {
  return login("admin", ServerProcess::kAdminPassword);
}

void Harness::setup() {
  auto a = admin();
  must(a->post("/api/v1/enterprises", json::object{{"uscc", uscc_},
                                                   {"name", "可靠性测试企业"},
                                                   {"region", "110108"},
                                                   {"established_on", "2015-01-01"}}),
       201, "create enterprise");
  json::object user{{"username", "samr-1"},
                    {"password", kPassword},
                    {"display_name", "市场监管"},
                    {"grants", json::array{json::object{{"role", "samr"}, {"region", "000000"}}}}};
  must(a->post("/api/v1/users", user), 201, "create user");
  token_ = login("samr-1", kPassword)->token();
  for (int i = 0; i < s_.clients; ++i) acked_[open("count")] = 1;
}

int64_t Harness::open(const std::string& kind) {
  HttpClient c(server_.port());
  c.set_token(token_);
  auto r = c.post("/api/v1/cases", json::object{{"procedure", "test.counter"},
                                                {"enterprise", uscc_},
                                                {"data", json::object{{"kind", kind}}}});
  must(r, 201, "open case");
  return r.json().at("id").as_int64();
}

int Harness::step(HttpClient& c, int64_t id, int64_t& rev) {
  auto r = c.post("/api/v1/cases/" + std::to_string(id) + "/actions/step",
                  json::object{{"rev", rev}, {"data", json::object{{"n", rev}}}});
  if (r.status == 200) rev = r.json().at("rev").as_int64();
  return r.status;
}

void Harness::load(const std::function<bool()>& stop, bool mixed) {
  std::vector<std::thread> clients;
  for (auto& [id, rev] : acked_) {
    clients.emplace_back([this, &stop, mixed, id = id, start = rev] {
      HttpClient c(server_.port());
      c.set_timeout(std::chrono::seconds(5));
      c.set_token(token_);
      for (int64_t rev = start, n = 0; !stop(); ++n) {
        if (mixed) read_around(c, id, n);
        const int status = step(c, id, rev);
        std::lock_guard lock(mu_);
        if (status == 200) {
          acked_[id] = rev;
          ++tally_.acknowledged;
        } else if (status == 503) {
          ++tally_.unavailable;
        } else {
          return;  // the server is gone, or an unacknowledged step landed: re-read later
        }
      }
    });
  }
  for (auto& t : clients) t.join();
}

// What staff do between two steps: read the case, now and then its history and the list of
// cases. Every read must answer 200 (or 503 while a fault lasts); anything else is counted.
void Harness::read_around(HttpClient& c, int64_t id, int64_t n) {
  const std::string path = "/api/v1/cases/" + std::to_string(id);
  std::vector<std::string> reads{path};
  if (n % 10 == 0) reads.push_back(path + "/history?per_page=20");
  if (n % 25 == 0) reads.emplace_back("/api/v1/cases?procedure=test.counter&per_page=20");
  for (const auto& r : reads) {
    const int status = c.get(r).status;
    std::lock_guard lock(mu_);
    ++tally_.reads;
    if (status != 200 && status != 503) ++tally_.failed_reads;
  }
}

void Harness::verify() {
  auto c = admin();
  for (auto& [id, rev] : acked_) {
    auto r = c->get("/api/v1/cases/" + std::to_string(id));
    must(r, 200, "read case");
    const int64_t stored = r.json().at("rev").as_int64();
    if (stored < rev) ++tally_.lost;
    auto h = c->get("/api/v1/cases/" + std::to_string(id) + "/history?per_page=1");
    if (h.json().at("total").as_int64() != stored) ++tally_.half_updated;
    rev = stored;  // an unacknowledged step may have landed: go on from what is stored
  }
  // Verifying walks both hash chains whole: after a long soak that is minutes of work.
  c->set_timeout(std::chrono::minutes(10));
  const auto started = std::chrono::steady_clock::now();
  auto v = c->get("/api/v1/audit/verify");
  must(v, 200, "verify the chains");
  const auto body = v.json();
  if (!body.at("ok").as_bool()) ++tally_.chain_breaks;
  const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  tally_.chains = std::to_string(body.at("entries").as_int64()) + ", " +
                  std::to_string(body.at("events").at("entries").as_int64()) + ", " +
                  std::to_string(static_cast<int>(took.count() + 0.5));
}

bool Harness::writes_succeed() {
  HttpClient c(server_.port());
  c.set_token(token_);
  for (auto& [id, rev] : acked_) {
    int64_t r = rev;
    if (step(c, id, r) != 200) return false;
    rev = r;
    ++tally_.acknowledged;
  }
  return true;
}

bool Harness::passed() const {
  return tally_.acknowledged > 0 && tally_.failed_reads == 0 && tally_.memory_bounded &&
         tally_.lost == 0 && tally_.half_updated == 0 && tally_.chain_breaks == 0 &&
         tally_.timers_fired_once == tally_.timers_expected && tally_.recovered;
}

void Harness::report() const {
  std::cout << "\n| " << s_.mode << " | result |\n|---|---|\n"
            << "| clients | " << s_.clients << " |\n"
            << "| acknowledged transitions | " << tally_.acknowledged << " |\n"
            << "| reads (failed) | " << tally_.reads << " (" << tally_.failed_reads << ") |\n"
            << "| answered 503 during the fault | " << tally_.unavailable << " |\n"
            << "| acknowledged but lost | " << tally_.lost << " |\n"
            << "| half-updated cases | " << tally_.half_updated << " |\n"
            << "| audit chain breaks | " << tally_.chain_breaks << " |\n"
            << "| writes succeed after the fault | " << (tally_.recovered ? "yes" : "no") << " |\n";
  if (tally_.timers_expected > 0)
    std::cout << "| timers due in downtime fired once | " << tally_.timers_fired_once << " of "
              << tally_.timers_expected << " |\n";
  if (!tally_.chains.empty())
    std::cout << "| last verification: audit entries, events, seconds | " << tally_.chains
              << " |\n";
  for (const auto& [k, v] : tally_.notes) std::cout << "| " << k << " | " << v << " |\n";
  std::cout << "\n";
}

}  // namespace qc::test
