// The connection budget's bookkeeping (http/connection_limits.hpp), without sockets: who
// is admitted, who is evicted to make room, who is served from the reserve.
#include "http/connection_limits.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace qc::http {
namespace {

using Refusal = ConnectionLimits::Refusal;
using Verdict = ConnectionLimits::Verdict;

const std::string kToken(64, 'c');

ConnectionLimits::Id admitted(ConnectionLimits& limits, const std::string& address) {
  const auto a = limits.admit(address);
  EXPECT_EQ(a.refusal, Refusal::none) << address;
  return a.id;
}

TEST(ConnectionLimits, OneAddressGetsAtMostItsShareAndOthersAreUnaffected) {
  ConnectionLimits limits({.max_connections = 100, .reserved = 0, .per_address = 3});
  std::vector<ConnectionLimits::Id> flood;
  flood.reserve(3);
  for (int i = 0; i < 3; ++i) flood.push_back(admitted(limits, "203.0.113.7"));
  EXPECT_EQ(limits.admit("203.0.113.7").refusal, Refusal::per_address);
  admitted(limits, "198.51.100.1");
  limits.release(flood.front());
  admitted(limits, "203.0.113.7");  // a closed connection gives its address a slot back
  EXPECT_EQ(limits.admit("203.0.113.7").refusal, Refusal::per_address);
}

TEST(ConnectionLimits, TheLoopbackProxyIsNotCountedPerAddress) {
  ConnectionLimits limits({.max_connections = 100, .reserved = 0, .per_address = 2});
  for (int i = 0; i < 10; ++i) {
    admitted(limits, "127.0.0.1");
    admitted(limits, "::1");
  }
  admitted(limits, "127.0.0.2");
  admitted(limits, "127.0.0.2");
  EXPECT_EQ(limits.admit("127.0.0.2").refusal, Refusal::per_address) << "only the proxy is exempt";
}

TEST(ConnectionLimits, ZeroPerAddressMeansNoSuchLimit) {
  ConnectionLimits limits({.max_connections = 50, .reserved = 0, .per_address = 0});
  for (int i = 0; i < 50; ++i) admitted(limits, "203.0.113.7");
}

TEST(ConnectionLimits, AFullBudgetEvictsTheOldestHalfOpenConnection) {
  ConnectionLimits limits({.max_connections = 4, .reserved = 0, .per_address = 0});
  const auto served = admitted(limits, "198.51.100.1");
  ASSERT_EQ(limits.begin_request(served, false), Verdict::serve);
  ASSERT_TRUE(limits.end_request(served, false));  // idle keep-alive: not half-open
  std::vector<ConnectionLimits::Id> half_open;
  half_open.reserve(3);
  for (int i = 0; i < 3; ++i) half_open.push_back(admitted(limits, "203.0.113.7"));

  const auto next = limits.admit("198.51.100.2");
  ASSERT_EQ(next.refusal, Refusal::none);
  ASSERT_TRUE(next.evicted);
  EXPECT_EQ(*next.evicted, half_open[0]);
  EXPECT_EQ(limits.open(), 4u);
  EXPECT_EQ(limits.begin_request(half_open[0], false), Verdict::close)
      << "an evicted connection whose head arrives late is closed";
  EXPECT_EQ(*limits.admit("198.51.100.3").evicted, half_open[1]);
  limits.release(half_open[0]);  // the evicted one going away frees nothing more
  EXPECT_EQ(limits.open(), 4u);
}

TEST(ConnectionLimits, AFullBudgetWithoutHalfOpenConnectionsRefuses) {
  ConnectionLimits limits({.max_connections = 2, .reserved = 0, .per_address = 0});
  for (int i = 0; i < 2; ++i) {
    const auto id = admitted(limits, "198.51.100.1");
    ASSERT_EQ(limits.begin_request(id, false), Verdict::serve);
  }
  const auto refused = limits.admit("198.51.100.2");
  EXPECT_EQ(refused.refusal, Refusal::full);
  EXPECT_FALSE(refused.evicted);
}

TEST(ConnectionLimits, TheReserveServesOnlyPrivilegedRequestsAndThenCloses) {
  ConnectionLimits limits({.max_connections = 8, .reserved = 2, .per_address = 0});
  ASSERT_EQ(limits.reserve(), 2u);
  for (int i = 0; i < 6; ++i) {
    const auto id = admitted(limits, "203.0.113.7");
    ASSERT_EQ(limits.begin_request(id, false), Verdict::serve);
    ASSERT_TRUE(limits.end_request(id, false));
  }
  // The anonymous share is full: the next two are admitted into the reserve.
  const auto anonymous = admitted(limits, "198.51.100.1");
  EXPECT_EQ(limits.begin_request(anonymous, false), Verdict::refuse);
  limits.release(anonymous);
  const auto probe = admitted(limits, "198.51.100.2");
  EXPECT_EQ(limits.begin_request(probe, true), Verdict::serve);
  EXPECT_FALSE(limits.end_request(probe, false)) << "not signed in: closed after its answer";
  limits.release(probe);
  const auto user = admitted(limits, "198.51.100.3");
  EXPECT_EQ(limits.begin_request(user, true), Verdict::serve);
  EXPECT_TRUE(limits.end_request(user, true)) << "signed in: may stay";
  EXPECT_EQ(limits.begin_request(user, false), Verdict::serve) << "trusted from now on";
}

TEST(ConnectionLimits, ASignedInConnectionGivesItsAnonymousSlotBack) {
  ConnectionLimits limits({.max_connections = 4, .reserved = 1, .per_address = 0});
  std::vector<ConnectionLimits::Id> ids;
  ids.reserve(3);
  for (int i = 0; i < 3; ++i) ids.push_back(admitted(limits, "198.51.100.1"));
  for (auto id : ids) ASSERT_EQ(limits.begin_request(id, false), Verdict::serve);
  ASSERT_TRUE(limits.end_request(ids[0], true));
  // ids[0] left the anonymous share: a new anonymous connection fits in it.
  const auto next = admitted(limits, "198.51.100.2");
  EXPECT_EQ(limits.begin_request(next, false), Verdict::serve);
}

TEST(ConnectionLimits, TheReserveIsAtMostAQuarterOfTheBudget) {
  EXPECT_EQ(ConnectionLimits({.max_connections = 1024, .reserved = 128}).reserve(), 128u);
  EXPECT_EQ(ConnectionLimits({.max_connections = 100, .reserved = 128}).reserve(), 25u);
  EXPECT_EQ(ConnectionLimits({.max_connections = 2, .reserved = 128}).reserve(), 0u);
}

TEST(PrivilegedRequest, HealthProbesAndBodilessRequestsWithASessionToken) {
  EXPECT_TRUE(privileged_request("GET", "/healthz", "", "", false));
  EXPECT_TRUE(privileged_request("HEAD", "/readyz?full=1", "", "", false));
  EXPECT_TRUE(privileged_request("GET", "/healthz", "", "", true));
  EXPECT_FALSE(privileged_request("POST", "/healthz", "", "", true));
  EXPECT_FALSE(privileged_request("GET", "/healthz/x", "", "", false));
  EXPECT_TRUE(privileged_request("GET", "/api/v1/me", "Bearer " + kToken, "", false));
  EXPECT_TRUE(privileged_request("DELETE", "/api/v1/session", "", "qc_session=" + kToken, false));
  EXPECT_FALSE(privileged_request("POST", "/api/v1/cases", "Bearer " + kToken, "", true))
      << "a body could hold the slot for the whole body timeout";
  EXPECT_FALSE(privileged_request("GET", "/api/v1/me", "Bearer short", "", false));
  EXPECT_FALSE(privileged_request("GET", "/api/v1/me", "", "xqc_session=" + kToken, false));
  EXPECT_FALSE(privileged_request("GET", "/api/v1/me", "", "", false));
}

}  // namespace
}  // namespace qc::http
