#pragma once
// Bulk import of enterprises and quality records from CSV (POST /api/v1/import), so an
// agency can load its archive. Rows are read and committed one by one as the text is
// read; each row is one transaction (its enterprise and its record, or nothing), and the
// report names every row that was refused, with the field to blame.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/query.hpp"
#include "store/store.hpp"

namespace qc {

struct ImportRowReport {
  int row = 0;   // the data row (1 = the first row after the header)
  int line = 0;  // the line of the text it starts on
  bool ok = false;
  bool enterprise_created = false;
  int64_t record_id = 0;
  Error error;  // when !ok
};

struct ImportReport {
  int rows = 0;
  int imported = 0;
  int failed = 0;
  std::vector<ImportRowReport> items;  // every row, in order
  std::string error;                   // a problem with the file itself (header, quoting)
};

// The columns, in any order; the header names them. Enterprise columns (name, region,
// established_on) create the enterprise when it is not registered yet; record columns
// (kind, category, occurred_on, source, detail) add one record. `uscc` is required.
inline constexpr const char* kImportColumns[] = {"uscc",           "name",   "region",
                                                 "established_on", "kind",   "category",
                                                 "occurred_on",    "source", "detail"};

class ArchiveImport {
 public:
  ArchiveImport(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Called for every enterprise a row gave a record (dynamic re-grading).
  void on_record(std::function<void(const std::string& uscc)> f) { on_record_ = std::move(f); }

  Result<ImportReport> import_csv(const Actor& actor, std::string_view text);

 private:
  ImportRowReport import_row(const Actor& actor, const std::vector<std::string>& header,
                             const std::vector<std::string>& fields);

  Store& store_;
  const Clock& clock_;
  std::function<void(const std::string&)> on_record_;
};

}  // namespace qc
