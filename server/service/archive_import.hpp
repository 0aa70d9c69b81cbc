#pragma once
// Bulk import of enterprises and quality records from CSV (POST /api/v1/import), so an
// agency can load its archive. Rows are read and committed one by one as the text
// arrives (a TextSource: the upload itself, never held whole); each row is one
// transaction (its enterprise and its record, or nothing), and the report names every
// row that was refused, with the field to blame.
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/query.hpp"
#include "core/text_source.hpp"
#include "ports/archive_store.hpp"

namespace qc {

struct ImportRowReport {
  int64_t row = 0;  // the data row (1 = the first row after the header)
  int line = 0;     // the line of the text it starts on
  bool ok = false;
  bool enterprise_created = false;
  int64_t record_id = 0;
  Error error;  // when !ok
};

struct ImportReport {
  // Every row is listed up to this many rows; past it only refused rows are, so that the
  // report of a large archive stays the size of its problems.
  static constexpr int kListAllRows = 10'000;

  int64_t rows = 0;
  int64_t imported = 0;
  int64_t failed = 0;
  std::vector<ImportRowReport> items;  // in order: every row, or see items_complete
  bool items_complete = true;          // false: imported rows past kListAllRows are left out
  // A problem with the text itself (quoting, an overlong row, an upload cut short or over
  // the import limit): the rows before it are imported, nothing after it is read.
  std::string error;
};

// The columns, in any order; the header names them. Enterprise columns (name, region,
// established_on) create the enterprise when it is not registered yet; record columns
// (kind, category, occurred_on, source, detail) add one record. `uscc` is required.
inline constexpr const char* kImportColumns[] = {"uscc",           "name",   "region",
                                                 "established_on", "kind",   "category",
                                                 "occurred_on",    "source", "detail"};

class ArchiveImport {
 public:
  ArchiveImport(ArchiveStore& archive, const Clock& clock) : archive_(archive), clock_(clock) {}

  // Called for every enterprise a row gave a record (dynamic re-grading).
  void on_record(std::function<void(const std::string& uscc)> f) { on_record_ = std::move(f); }

  Result<ImportReport> import_csv(const Actor& actor, TextSource& text);
  Result<ImportReport> import_csv(const Actor& actor, std::string_view text) {
    WholeText whole(text);
    return import_csv(actor, whole);
  }

 private:
  // `to_regrade`: the enterprise is added when the row gave it a record.
  ImportRowReport import_row(const Actor& actor, const std::vector<std::string>& header,
                             const std::vector<std::string>& fields,
                             std::set<std::string>& to_regrade);
  void regrade(std::set<std::string>& usccs);

  ArchiveStore& archive_;
  const Clock& clock_;
  std::function<void(const std::string&)> on_record_;
  // Enterprises given a record are re-graded in sets of this many (and at the end): one
  // re-grade for the many rows of one enterprise, in bounded memory.
  static constexpr size_t kRegradeBatch = 10'000;
};

}  // namespace qc
