#include "store/database.hpp"

#include "store/sql.hpp"

namespace qc::store {

WriteTx::WriteTx(Pool::Lease lease) : lease_(std::move(lease)) {
  exec(**lease_, Sql("BEGIN"));
  open_ = true;
}

WriteTx::WriteTx(GroupCommit& group) : group_(&group), batch_(group.enter()) { open_ = true; }

void WriteTx::commit() {
  open_ = false;
  if (group_) {
    group_->leave(batch_, true);
    return;
  }
  exec(**lease_, Sql("COMMIT"));
}

WriteTx::~WriteTx() {
  if (!open_) return;
  if (group_) {
    group_->leave(batch_, false);
    return;
  }
  try {
    exec(**lease_, Sql("ROLLBACK"));
  } catch (...) {
    // The connection is gone or the transaction already ended with it; nothing was
    // committed either way.
  }
}

Database::Database(Backend backend, Pool::Opener open, int pool_size,
                   std::shared_ptr<const Clock> clock)
    : backend_(backend), pool_(open, pool_size), clock_(std::move(clock)) {
  if (backend_ == Backend::sqlite) group_ = std::make_unique<GroupCommit>(open());
}

}  // namespace qc::store
