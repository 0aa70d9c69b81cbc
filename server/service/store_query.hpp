#pragma once
// `q` for procedure scripts, answered from the store on behalf of one actor at one instant.
#include "core/query.hpp"
#include "store/store.hpp"

namespace qc {

class StoreQuery final : public QueryPort {
 public:
  StoreQuery(Store& store, const WorkCalendar& calendar, Actor actor, Instant now)
      : store_(store), calendar_(calendar), actor_(std::move(actor)), now_(now) {}

  const Actor& actor() const override { return actor_; }
  Instant now() const override { return now_; }
  const WorkCalendar& calendar() const override { return calendar_; }
  std::optional<Enterprise> enterprise(const std::string& uscc) const override {
    return store_.enterprise(uscc);
  }
  std::vector<QualityRecord> records(const std::string& uscc) const override {
    return store_.records(uscc);
  }
  std::vector<Grant> grants(const std::string& uscc, const std::string& family) const override;
  std::vector<Ban> bans(const std::string& uscc, const std::string& family) const override;
  std::vector<Listing> listings(const std::string& uscc,
                                const std::string& activity) const override;
  std::vector<Case> cases(const CaseFilter& filter) const override;

 private:
  Store& store_;
  const WorkCalendar& calendar_;
  Actor actor_;
  Instant now_;
};

}  // namespace qc
