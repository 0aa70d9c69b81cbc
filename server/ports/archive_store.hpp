#pragma once
// Enterprises and the quality archive (their good and bad records).
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "core/classification.hpp"
#include "core/model.hpp"
#include "core/queries.hpp"
#include "core/result.hpp"
#include "ports/unavailable.hpp"

namespace qc {

class ArchiveStore {
 public:
  virtual ~ArchiveStore() = default;

  virtual Status insert_enterprise(const Enterprise& e, AuditEntry audit) = 0;  // already_exists
  virtual std::optional<Enterprise> enterprise(const std::string& uscc) = 0;
  virtual Page<Enterprise> enterprises(const EnterpriseQuery& q) = 0;
  // The registered ones among `usccs` (any order; unknown ones left out): one read.
  virtual std::vector<Enterprise> enterprises_by_uscc(const std::vector<std::string>& usccs) = 0;
  virtual Result<QualityRecord> insert_record(QualityRecord r, AuditEntry audit) = 0;
  // The records that count (grading, criteria, q.records): corrected ones left out.
  virtual std::vector<QualityRecord> records(const std::string& uscc) = 0;
  // The whole archive of the enterprise, corrected records included (with their correction).
  virtual std::vector<QualityRecord> archive_records(const std::string& uscc) = 0;
  // Marks a record of `uscc` corrected: not_found (no such record of the enterprise),
  // conflict (corrected before). Returns the record as it now is.
  virtual Result<QualityRecord> correct_record(const std::string& uscc, int64_t id,
                                               RecordCorrection c, AuditEntry audit) = 0;
  // Inserts enterprises and records in one transaction (a CSV row, or a bulk load): all or
  // nothing; a duplicate enterprise is already_exists, a record of an unknown one not_found.
  virtual Status import_archive(const std::vector<Enterprise>& enterprises,
                                const std::vector<QualityRecord>& records, AuditEntry audit) = 0;
  virtual int64_t count_enterprises(const Scope& scope,
                                    const std::optional<std::string>& region) = 0;
  // Up to `limit` enterprises with USCC after `after_uscc` in the scope and region, in USCC
  // order, each with its whole archive (records by occurred_on): two reads per batch.
  virtual std::vector<ArchiveEntry> archive_batch(const Scope& scope,
                                                  const std::optional<std::string>& region,
                                                  const std::string& after_uscc, int limit) = 0;
};

}  // namespace qc
