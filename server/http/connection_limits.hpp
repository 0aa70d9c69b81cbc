#pragma once
// The transport's connection budget (ServerOptions::max_connections), shared so that no
// one client, and no flood of anonymous connections, can lock everybody else out:
//  - per address: at most `per_address` connections from one peer address (the loopback
//    proxy excepted: http/proxy.hpp); more are refused (503) at once;
//  - half-open connections (accepted, no complete request head yet) never hold a slot
//    that a new connection needs: when the budget is full, the oldest of them is closed
//    to make room;
//  - a reserve: anonymous connections hold at most `max - reserved` slots. A connection
//    accepted beyond that share is served only a privileged request (health probes, a
//    request carrying a session token, see privileged_request) and is closed after it
//    unless it authenticated. A connection that completed an authenticated request is
//    trusted: it no longer counts against the anonymous share and is never refused.
// Plain bookkeeping, no sockets and no clock (the age of a connection is its admission
// order): the server asks, then acts. Thread-safe.
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace qc::http {

struct ConnectionBudget {
  size_t max_connections = 1024;
  size_t reserved = 128;    // at most a quarter of max_connections is kept (see reserve())
  size_t per_address = 64;  // 0 = no per-address limit
};

class ConnectionLimits {
 public:
  using Id = std::uint64_t;

  enum class Refusal { none, per_address, full };
  struct Admission {
    Refusal refusal = Refusal::none;
    Id id = 0;                  // when admitted
    std::optional<Id> evicted;  // a half-open connection to close: its slot is this one's
  };
  // What to do with a request whose head has arrived.
  enum class Verdict {
    serve,
    refuse,  // a reserve connection asking for something unprivileged: 503, then close
    close,   // the connection was evicted meanwhile: close without an answer
  };

  explicit ConnectionLimits(ConnectionBudget budget);

  // `address` is the peer as the server keys it (an IPv4 address, an IPv6 /64 prefix).
  Admission admit(const std::string& address);
  Verdict begin_request(Id id, bool privileged);
  // After the answer: whether the connection may wait for another request.
  bool end_request(Id id, bool authenticated);
  void release(Id id);

  // The slots kept from anonymous connections: `reserved`, but at most a quarter of the
  // budget, so that a small --max-connections still serves anonymous clients.
  size_t reserve() const { return reserve_; }
  size_t open() const;

 private:
  struct Entry {
    std::string address;
    bool anonymous = true;  // holds one of the anonymous share's slots
    bool trusted = false;
    bool evicted = false;
  };
  void drop_slot(Entry& e);

  ConnectionBudget budget_;
  size_t reserve_;
  mutable std::mutex mu_;
  Id next_ = 1;
  size_t open_ = 0;       // admitted, not released, not evicted
  size_t anonymous_ = 0;  // of those, in the anonymous share
  std::map<Id, Entry> entries_;
  std::set<Id> half_open_;  // ordered: the first is the oldest
  std::unordered_map<std::string, size_t> per_address_;
};

// The message of the 503 a refused connection gets.
std::string_view refusal_message(ConnectionLimits::Refusal r);

// Whether a request may use the reserve: GET or HEAD of /healthz or /readyz, or a
// request without a body that carries a session token (http/credentials.hpp). A token is
// only looked at, not checked: a request with a body could hold its slot for the whole
// body timeout, so only connections that have authenticated (trusted) send bodies from
// the reserve.
bool privileged_request(std::string_view method, std::string_view target,
                        std::string_view authorization, std::string_view cookie, bool has_body);

}  // namespace qc::http
