// Guessing passwords through HTTP: failures per username and per address back off with
// 429 and Retry-After, and the public objection endpoint is limited per address too.
#include <charconv>
#include <chrono>
#include <thread>

#include "support/api_fixture.hpp"

namespace qc::test {
namespace {

class BruteForce : public ApiFixture {
 protected:
  HttpResult try_login(const std::string& username, const std::string& password) {
    return client()->post("/api/v1/session",
                          json::object{{"username", username}, {"password", password}});
  }

  static int retry_after(const HttpResult& r) {
    const std::string v = r.header("retry-after");
    int seconds = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
    return ec == std::errc() && p == v.data() + v.size() ? seconds : -1;
  }
};

TEST_F(BruteForce, RepeatedFailuresForOneUsernameAreRefusedWithRetryAfter) {
  create_user("bf-victim", "samr", "320102");
  // Five free failures (the default back-off), then each block doubles from one second.
  // Guess, waiting out each block as Retry-After says, until a block of at least 4 s runs,
  // so the checks below fall inside it however slowly this machine answers.
  int attempts = 0, failures = 0, first_refusal = 0;
  HttpResult refused;
  while (attempts < 40) {
    auto r = try_login("bf-victim", "guess-number-" + std::to_string(++attempts));
    if (r.status == 401) {
      ++failures;
      continue;
    }
    ASSERT_EQ(r.status, 429) << r.body;
    EXPECT_EQ(error_code(r), "rate_limited");
    EXPECT_GE(retry_after(r), 1) << r.header("retry-after");
    if (!first_refusal) first_refusal = attempts;
    if (retry_after(r) >= 4) {
      refused = r;
      break;
    }
    // Wait out the block as told; the next failure doubles it.
    std::this_thread::sleep_for(std::chrono::seconds(retry_after(r)));
  }
  ASSERT_EQ(refused.status, 429) << "no block of 4 s after " << attempts << " guesses";
  EXPECT_GE(first_refusal, 6) << "five free failures first";
  EXPECT_GE(failures, 5);
  // Even the right password waits: a blocked guess teaches nothing.
  auto right = try_login("bf-victim", kPassword);
  EXPECT_EQ(right.status, 429) << right.body;
  // Other users are not affected, and the failures are in the audit trail.
  EXPECT_EQ(try_login("admin", ServerProcess::kAdminPassword).status, 200);
  auto trail = admin->get("/api/v1/audit?actor=public&per_page=500");
  ASSERT_EQ(trail.status, 200);
  int audited = 0;
  const json::value trail_json = trail.json();
  for (const auto& e : trail_json.at("items").as_array())
    if (e.at("what") == "session.login_failed" && e.at("detail").at("username") == "bf-victim")
      ++audited;
  EXPECT_EQ(audited, failures) << "refused guesses are not checked, so not failures";
}

TEST_F(BruteForce, ManyUsernamesFromOneAddressAreRefused) {
  // Spraying one password over many names: the per-address limit (20 free) stops it.
  int failures = 0, refused_at = 0;
  for (int i = 1; i <= 40 && !refused_at; ++i) {
    auto r = try_login("spray-" + std::to_string(i), "Password-123");
    if (r.status == 429) {
      refused_at = i;
      EXPECT_GE(retry_after(r), 1);
    } else {
      ASSERT_EQ(r.status, 401) << r.body;
      ++failures;
    }
  }
  EXPECT_GE(failures, 20) << "twenty free failures per address";
  EXPECT_GT(refused_at, 20);
}

TEST_F(BruteForce, BehindTheProxyTheForwardedAddressIsLimited) {
  // The TLS proxy on this host forwards for many clients: one of them guessing must not
  // lock out the others, and each client's guesses count against its own address.
  auto from = [this](const std::string& addr, int i) {
    return client()->post(
        "/api/v1/session",
        json::object{{"username", "spray-" + std::to_string(i)}, {"password", "Password-123"}},
        {{"X-Forwarded-For", "198.51.100.1, " + addr}});
  };
  int refused_at = 0;
  for (int i = 1; i <= 40 && !refused_at; ++i)
    if (from("203.0.113.7", i).status == 429) refused_at = i;
  EXPECT_GT(refused_at, 20);
  EXPECT_EQ(from("203.0.113.8", 99).status, 401) << "another client behind the proxy";
  EXPECT_EQ(try_login("admin", ServerProcess::kAdminPassword).status, 200);
}

TEST_F(BruteForce, PublicObjectionsAreLimitedPerAddress) {
  auto anon = client();
  const json::object body{{"name", "张三"}, {"contact", "13800000000"}, {"content", "异议"}};
  int limited_at = 0;
  for (int i = 1; i <= 20 && !limited_at; ++i) {
    auto r = anon->post("/api/v1/public/notices/999999/objections", body);
    if (r.status == 429) {
      limited_at = i;
      EXPECT_GE(retry_after(r), 1);
      EXPECT_EQ(error_code(r), "rate_limited");
    } else {
      ASSERT_EQ(r.status, 404) << r.body;  // no such notice
    }
  }
  EXPECT_GE(limited_at, 11) << "ten objections per address a minute, then 429";
}

}  // namespace
}  // namespace qc::test
