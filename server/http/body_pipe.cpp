#include "http/body_pipe.hpp"

namespace qc::http {

bool BodyPipe::wants_more() const {
  std::lock_guard lock(mu_);
  return !abandoned_ && !ended_ && buffered_ < capacity_;
}

bool BodyPipe::abandoned() const {
  std::lock_guard lock(mu_);
  return abandoned_;
}

void BodyPipe::push(std::string piece) {
  {
    std::lock_guard lock(mu_);
    if (ended_ || abandoned_) return;
    buffered_ += piece.size();
    pieces_.push_back(std::move(piece));
  }
  ready_.notify_one();
}

void BodyPipe::finish() {
  {
    std::lock_guard lock(mu_);
    ended_ = true;
  }
  ready_.notify_one();
}

void BodyPipe::fail(const std::string& why) {
  {
    std::lock_guard lock(mu_);
    if (ended_) return;
    ended_ = true;
    failure_ = why;
  }
  ready_.notify_one();
}

bool BodyPipe::next(std::string& out) {
  std::unique_lock lock(mu_);
  ready_.wait(lock, [this] { return !pieces_.empty() || ended_; });
  // What arrived before a failure is still read: a reader drops an incomplete last record.
  if (pieces_.empty()) return false;
  out += pieces_.front();
  buffered_ -= pieces_.front().size();
  pieces_.pop_front();
  return true;
}

std::string BodyPipe::failure() const {
  std::lock_guard lock(mu_);
  return failure_;
}

void BodyPipe::abandon() {
  std::lock_guard lock(mu_);
  abandoned_ = true;
  pieces_.clear();
  buffered_ = 0;
}

}  // namespace qc::http
