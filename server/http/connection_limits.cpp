#include "http/connection_limits.hpp"

#include <algorithm>

#include "http/credentials.hpp"
#include "http/proxy.hpp"

namespace qc::http {

ConnectionLimits::ConnectionLimits(ConnectionBudget budget)
    : budget_(budget), reserve_(std::min(budget.reserved, budget.max_connections / 4)) {}

ConnectionLimits::Admission ConnectionLimits::admit(const std::string& address) {
  std::lock_guard lock(mu_);
  Admission out;
  const bool counted = budget_.per_address > 0 && !is_loopback_proxy(address);
  if (counted) {
    if (auto it = per_address_.find(address);
        it != per_address_.end() && it->second >= budget_.per_address) {
      out.refusal = Refusal::per_address;
      return out;
    }
  }
  if (open_ >= budget_.max_connections) {
    if (half_open_.empty()) {
      out.refusal = Refusal::full;
      return out;
    }
    const Id victim = *half_open_.begin();
    Entry& e = entries_.at(victim);
    drop_slot(e);
    e.evicted = true;
    half_open_.erase(half_open_.begin());
    out.evicted = victim;
  }
  out.id = next_++;
  Entry e;
  e.address = address;
  e.anonymous = anonymous_ < budget_.max_connections - reserve_;
  if (e.anonymous) ++anonymous_;
  ++open_;
  if (counted) ++per_address_[address];
  half_open_.insert(out.id);
  entries_.emplace(out.id, std::move(e));
  return out;
}

ConnectionLimits::Verdict ConnectionLimits::begin_request(Id id, bool privileged) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.evicted) return Verdict::close;
  half_open_.erase(id);
  const Entry& e = it->second;
  return e.anonymous || e.trusted || privileged ? Verdict::serve : Verdict::refuse;
}

bool ConnectionLimits::end_request(Id id, bool authenticated) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.evicted) return false;
  Entry& e = it->second;
  if (authenticated && !e.trusted) {
    e.trusted = true;
    // Signed-in clients do not use up the anonymous share.
    if (e.anonymous) --anonymous_;
    e.anonymous = false;
  }
  return e.anonymous || e.trusted;
}

void ConnectionLimits::release(Id id) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  Entry& e = it->second;
  if (!e.evicted) drop_slot(e);
  half_open_.erase(id);
  if (auto a = per_address_.find(e.address); a != per_address_.end() && --a->second == 0)
    per_address_.erase(a);
  entries_.erase(it);
}

size_t ConnectionLimits::open() const {
  std::lock_guard lock(mu_);
  return open_;
}

void ConnectionLimits::drop_slot(Entry& e) {
  --open_;
  if (e.anonymous) --anonymous_;
  e.anonymous = false;
}

std::string_view refusal_message(ConnectionLimits::Refusal r) {
  return r == ConnectionLimits::Refusal::per_address ? "too many connections from this address"
                                                     : "too many connections";
}

bool privileged_request(std::string_view method, std::string_view target,
                        std::string_view authorization, std::string_view cookie, bool has_body) {
  const std::string_view path = target.substr(0, target.find('?'));
  if ((method == "GET" || method == "HEAD") && (path == "/healthz" || path == "/readyz"))
    return true;
  return !has_body && looks_like_session_token(credential_of(authorization, cookie).token);
}

}  // namespace qc::http
