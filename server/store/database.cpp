#include "store/database.hpp"

namespace qc::store {

WriteTx::WriteTx(Pool::Lease lease, Backend backend, std::mutex& writer)
    : lease_(std::move(lease)), writer_(writer, std::defer_lock), backend_(backend) {
  if (backend_ == Backend::sqlite) {
    writer_.lock();
    *lease_ << "BEGIN IMMEDIATE";
  } else {
    *lease_ << "BEGIN";
  }
  open_ = true;
}

void WriteTx::commit() {
  *lease_ << "COMMIT";
  open_ = false;
}

WriteTx::~WriteTx() {
  if (!open_) return;
  try {
    *lease_ << "ROLLBACK";
  } catch (...) {
    // The connection is gone or the transaction already ended with it; nothing was
    // committed either way.
  }
}

}  // namespace qc::store
