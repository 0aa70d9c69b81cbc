#include "store/pool.hpp"

#include <exception>

namespace qc::store {

Pool::Pool(Opener open, int size) : open_(std::move(open)) {
  slots_.resize(static_cast<size_t>(size < 1 ? 1 : size));
  for (auto& s : slots_) s.session = open_();
}

Pool::Lease Pool::acquire() {
  size_t slot = 0;
  bool suspect = false;
  {
    std::unique_lock lock(mu_);
    for (;;) {
      bool found = false;
      for (size_t i = 0; i < slots_.size(); ++i) {
        if (!slots_[i].busy) {
          slot = i;
          found = true;
          break;
        }
      }
      if (found) break;
      freed_.wait(lock);
    }
    slots_[slot].busy = true;
    suspect = slots_[slot].suspect;
  }
  if (suspect) {
    // Outside the lock: checking a connection may take a round trip. A failure here leaves
    // the slot suspect and propagates (the caller maps it to `unavailable`).
    try {
      if (!slots_[slot].session->is_connected()) slots_[slot].session = open_();
    } catch (...) {
      release(slot, true);
      throw;
    }
    std::lock_guard lock(mu_);
    slots_[slot].suspect = false;
  }
  return Lease(this, slot, slots_[slot].session.get());
}

std::pair<size_t, size_t> Pool::usage() const {
  std::lock_guard lock(mu_);
  size_t busy = 0;
  for (const auto& s : slots_) busy += s.busy ? 1 : 0;
  return {busy, slots_.size()};
}

void Pool::release(size_t slot, bool suspect) {
  {
    std::lock_guard lock(mu_);
    slots_[slot].busy = false;
    slots_[slot].suspect = slots_[slot].suspect || suspect;
  }
  freed_.notify_one();
}

Pool::Lease::Lease(Pool* pool, size_t slot, Connection* session)
    : pool_(pool), slot_(slot), session_(session), uncaught_(std::uncaught_exceptions()) {}

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), slot_(other.slot_), session_(other.session_), uncaught_(other.uncaught_) {
  other.pool_ = nullptr;
}

Pool::Lease::~Lease() {
  if (pool_) pool_->release(slot_, std::uncaught_exceptions() > uncaught_);
}

}  // namespace qc::store
