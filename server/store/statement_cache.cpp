#include "store/statement_cache.hpp"

namespace qc::store {

CachedStatement* StatementCache::find(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second.get();
}

CachedStatement& StatementCache::insert(const std::string& key,
                                        std::unique_ptr<CachedStatement> entry) {
  erase(key);
  while (index_.size() >= capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
  lru_.emplace_front(key, std::move(entry));
  index_[key] = lru_.begin();
  return *lru_.front().second;
}

void StatementCache::erase(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return;
  lru_.erase(it->second);
  index_.erase(it);
}

void StatementCache::clear() {
  index_.clear();
  lru_.clear();
}

}  // namespace qc::store
