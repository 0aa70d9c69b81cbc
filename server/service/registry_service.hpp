#pragma once
// Enterprises, the quality archive and the registers, read within the caller's jurisdiction.
// Registers are written only by procedures (through effects); here they are read.
#include <functional>

#include "core/query.hpp"
#include "ports/archive_store.hpp"
#include "ports/register_store.hpp"

namespace qc {

class RegistryService {
 public:
  RegistryService(ArchiveStore& archive, RegisterStore& registers, const Clock& clock)
      : archive_(archive), registers_(registers), clock_(clock) {}

  Result<Enterprise> create_enterprise(const Actor& actor, Enterprise e);
  Result<Enterprise> enterprise(const Actor& actor, const std::string& uscc);
  Page<Enterprise> enterprises(const Actor& actor, EnterpriseQuery q);
  Result<QualityRecord> add_record(const Actor& actor, const std::string& uscc, QualityRecord r);
  // The archive as stored: corrected records too (with their correction) unless told not.
  Result<std::vector<QualityRecord>> records(const Actor& actor, const std::string& uscc,
                                             bool include_corrected = true);
  // A record found untrue: kept, marked corrected, no longer graded (docs/records.md).
  // Province-level market regulation of the jurisdiction, or admin.
  Result<QualityRecord> correct_record(const Actor& actor, const std::string& uscc, int64_t id,
                                       const std::string& reason);

  Page<Grant> grants(const Actor& actor, GrantQuery q);
  Page<Ban> bans(const Actor& actor, BanQuery q);
  Page<Listing> listings(const Actor& actor, ListingQuery q);

  Date today() const { return beijing_date(clock_.now()); }

  // Called after a record is stored or corrected (the classification re-grades the
  // enterprise).
  void on_record(std::function<void(const QualityRecord&)> f) { on_record_ = std::move(f); }

 private:
  std::function<void(const QualityRecord&)> on_record_;
  ArchiveStore& archive_;
  RegisterStore& registers_;
  const Clock& clock_;
};

}  // namespace qc
