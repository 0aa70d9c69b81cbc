#pragma once
// Prepared statements of one connection, keyed by SQL text, parameter types and row type,
// least recently used first out. An entry owns the buffers its statement is bound to (the
// parameter slots and the row), so that re-running it only copies new values into them.
// Not thread-safe: a connection is used by one thread at a time (Pool leases it).
#include <soci/soci.h>

#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_text.hpp"

namespace qc::store {

struct CachedStatement {
  explicit CachedStatement(soci::session& s) : st(s) {}
  soci::statement st;
  Sql sql;                    // the parameter slots st is bound to
  std::shared_ptr<void> row;  // the row buffer st is bound to (its type is in the key)
};

class StatementCache {
 public:
  explicit StatementCache(size_t capacity = 128) : capacity_(capacity < 1 ? 1 : capacity) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The entry for `key`, now the most recently used; nullptr when there is none.
  CachedStatement* find(const std::string& key);
  // Adds an entry (dropping the least recently used one when full) and returns it.
  CachedStatement& insert(const std::string& key, std::unique_ptr<CachedStatement> entry);
  // Drops an entry whose statement failed: its state is not trusted for another run.
  void erase(const std::string& key);
  void clear();

  size_t size() const { return index_.size(); }
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

 private:
  using Lru = std::list<std::pair<std::string, std::unique_ptr<CachedStatement>>>;
  size_t capacity_;
  Lru lru_;  // most recently used first
  std::unordered_map<std::string, Lru::iterator> index_;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace qc::store
