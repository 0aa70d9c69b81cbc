#pragma once
// `q` for procedure scripts, answered from the store on behalf of one actor at one instant.
#include "core/query.hpp"
#include "service/case_ports.hpp"

namespace qc {

class StoreQuery final : public QueryPort {
 public:
  StoreQuery(CasePorts ports, const WorkCalendar& calendar, Actor actor, Instant now)
      : ports_(ports), calendar_(calendar), actor_(std::move(actor)), now_(now) {}

  const Actor& actor() const override { return actor_; }
  Instant now() const override { return now_; }
  const WorkCalendar& calendar() const override { return calendar_; }
  std::optional<Enterprise> enterprise(const std::string& uscc) const override {
    return ports_.archive.enterprise(uscc);
  }
  std::vector<QualityRecord> records(const std::string& uscc) const override {
    return ports_.archive.records(uscc);
  }
  std::vector<Grant> grants(const std::string& uscc, const std::string& family) const override;
  std::vector<Ban> bans(const std::string& uscc, const std::string& family) const override;
  std::vector<Listing> listings(const std::string& uscc,
                                const std::string& activity) const override;
  std::vector<Case> cases(const CaseFilter& filter) const override;

 private:
  CasePorts ports_;
  const WorkCalendar& calendar_;
  Actor actor_;
  Instant now_;
};

}  // namespace qc
