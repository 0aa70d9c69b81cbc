#include "service/store_query.hpp"

namespace qc {

namespace {
constexpr int64_t kMaxRows = 500;

std::optional<std::string> non_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
}  // namespace

std::vector<Grant> StoreQuery::grants(const std::string& uscc, const std::string& family) const {
  GrantQuery q;
  q.scope.all = true;
  q.uscc = uscc;
  q.family = non_empty(family);
  q.page.per_page = kMaxRows;
  return ports_.registers.grants(q).items;
}

std::vector<Ban> StoreQuery::bans(const std::string& uscc, const std::string& family) const {
  BanQuery q;
  q.scope.all = true;
  q.uscc = uscc;
  q.family = non_empty(family);
  q.page.per_page = kMaxRows;
  return ports_.registers.bans(q).items;
}

std::vector<Listing> StoreQuery::listings(const std::string& uscc,
                                          const std::string& activity) const {
  ListingQuery q;
  q.scope.all = true;
  q.uscc = uscc;
  q.activity = non_empty(activity);
  q.page.per_page = kMaxRows;
  return ports_.registers.listings(q).items;
}

std::vector<Case> StoreQuery::cases(const CaseFilter& filter) const {
  CaseQuery q;
  q.scope.all = true;
  q.procedure = filter.procedure;
  q.enterprise = filter.enterprise;
  q.stage = filter.stage;
  q.status = filter.status;
  q.page.per_page = kMaxRows;
  return ports_.cases.cases(q).items;
}

}  // namespace qc
