// open_store: parses the URL, opens the pool on the right backend and migrates.
#include <filesystem>
#include <tuple>

#include "store/backends.hpp"
#include "store/errors.hpp"
#include "store/migrations.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc {

using store::Backend;

namespace {
constexpr std::string_view kSqlitePrefix = "sqlite:";

bool starts_with(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

// A session that cannot be opened means the database is unreachable (or its file cannot
// be opened): StoreUnavailable, whether at start or when the pool reconnects later.
store::Pool::Opener unavailable_on_failure(store::Pool::Opener open) {
  return [open = std::move(open)] {
    try {
      return open();
    } catch (const soci::soci_error& e) {
      throw StoreUnavailable("cannot connect to the database: " + e.get_error_message());
    }
  };
}

Result<std::unique_ptr<Store>> make(Backend backend, store::Pool::Opener open, int pool_size,
                                    std::shared_ptr<const Clock> clock) {
  try {
    auto s = std::make_unique<store::SqlStore>(backend, unavailable_on_failure(std::move(open)),
                                               pool_size, std::move(clock));
    store::migrate(s->database());
    return std::unique_ptr<Store>(std::move(s));
  } catch (const soci::soci_error& e) {
    Error error = store::to_error(e);
    // At start, any database failure means the database cannot be used.
    error.code = ErrorCode::unavailable;
    return error;
  } catch (const StoreUnavailable& e) {
    return err(ErrorCode::unavailable, e.what());
  }
}
}  // namespace

Result<std::unique_ptr<Store>> open_store(const std::string& url, int pool_size,
                                          std::shared_ptr<const Clock> real_clock) {
  if (!real_clock) real_clock = std::make_shared<SystemClock>();
  if (starts_with(url, kSqlitePrefix)) {
    const std::string path = url.substr(kSqlitePrefix.size());
    if (path.empty()) return err(ErrorCode::bad_request, "sqlite: URL without a path");
    std::error_code ec;
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec)
      return err(ErrorCode::unavailable, "cannot create " + parent.string() + ": " + ec.message());
    return make(
        Backend::sqlite, [path] { return store::open_sqlite(path); }, pool_size,
        std::move(real_clock));
  }
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    std::string why;
    auto conninfo = store::pg_conninfo(url, why);
    if (!conninfo) return err(ErrorCode::bad_request, "bad PostgreSQL URL: " + why);
    return make(
        Backend::postgresql, [c = *conninfo] { return store::open_postgresql(c); }, pool_size,
        std::move(real_clock));
  }
  return err(ErrorCode::bad_request, "database URL must be sqlite:PATH or postgresql://…");
}

}  // namespace qc

namespace qc::store {

std::string SqlStore::backend() const {
  return db_.backend() == Backend::sqlite ? "sqlite" : "postgresql";
}

StoreStats SqlStore::stats() const {
  StoreStats s;
  std::tie(s.pool_in_use, s.pool_size) = db_.pool().usage();
  if (const GroupCommit* g = db_.group_commit()) {
    s.write_batches = g->batches_committed();
    s.batched_writes = g->members_committed();
  }
  return s;
}

bool SqlStore::ping() {
  try {
    auto sql = db_.read();
    return fetch_int(*sql, Sql("SELECT 1")).value_or(0) == 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace qc::store
