#include "service/archive_import.hpp"

#include <boost/json.hpp>

#include "core/access.hpp"
#include "core/categories.hpp"
#include "core/csv.hpp"
#include "core/region.hpp"
#include "core/uscc.hpp"

namespace qc {

namespace {

bool may_write_archive(const Actor& a, const std::string& region) {
  return is_admin(a) || may_act(a, "samr", Level::none, region, "");
}

ImportRowReport refused(ImportRowReport r, ErrorCode code, std::string message,
                        std::string field = {}) {
  r.ok = false;
  r.error = err(code, std::move(message), std::move(field));
  return r;
}

}  // namespace

Result<ImportReport> ArchiveImport::import_csv(const Actor& actor, TextSource& text) {
  if (!is_admin(actor) && !has_role(actor, "samr"))
    return err(ErrorCode::forbidden, "only market regulation staff import the archive");
  CsvStreamReader csv(text);
  auto header = csv.next();
  if (!header)
    return err(ErrorCode::validation,
               csv.error().empty() ? "the file has no header row" : csv.error(), "file");
  for (auto& h : *header) {
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.pop_back();
    bool known = false;
    for (const char* c : kImportColumns) known = known || h == c;
    if (!known)
      return err(ErrorCode::validation, "unknown column '" + h + "'", h.empty() ? "file" : h);
  }
  bool has_uscc = false;
  for (const auto& h : *header) has_uscc = has_uscc || h == "uscc";
  if (!has_uscc) return err(ErrorCode::validation, "the header must name a uscc column", "uscc");
  ImportReport report;
  std::set<std::string> pending;
  while (auto fields = csv.next()) {
    ImportRowReport r = import_row(actor, *header, *fields, pending);
    r.row = ++report.rows;
    r.line = csv.line();
    (r.ok ? report.imported : report.failed)++;
    if (!r.ok || report.rows <= ImportReport::kListAllRows)
      report.items.push_back(std::move(r));
    else
      report.items_complete = false;
    if (pending.size() >= kRegradeBatch) regrade(pending);
  }
  regrade(pending);
  report.error = csv.error();
  return report;
}

void ArchiveImport::regrade(std::set<std::string>& usccs) {
  if (on_record_)
    for (const auto& uscc : usccs) on_record_(uscc);
  usccs.clear();
}

ImportRowReport ArchiveImport::import_row(const Actor& actor,
                                          const std::vector<std::string>& header,
                                          const std::vector<std::string>& fields,
                                          std::set<std::string>& to_regrade) {
  ImportRowReport r;
  if (fields.size() != header.size())
    return refused(r, ErrorCode::validation,
                   "the row has " + std::to_string(fields.size()) + " fields, the header " +
                       std::to_string(header.size()),
                   "row");
  auto get = [&](std::string_view name) -> std::string {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return fields[i];
    return {};
  };
  const std::string uscc = get("uscc");
  if (auto problem = uscc_problem(uscc); !problem.empty())
    return refused(r, ErrorCode::invalid_uscc, "uscc: " + problem, "uscc");

  std::vector<Enterprise> new_enterprises;
  auto existing = archive_.enterprise(uscc);
  std::string region;
  if (existing) {
    region = existing->region;
  } else {
    Enterprise e;
    e.uscc = uscc;
    e.name = get("name");
    e.region = get("region");
    if (e.name.empty())
      return refused(r, ErrorCode::validation,
                     "enterprise " + uscc + " is not registered: name is required", "name");
    if (!region_code_known(e.region))
      return refused(r, ErrorCode::validation,
                     "region must be the GB/T 2260 code of a province, city or county", "region");
    if (auto problem = uscc_region_problem(uscc, e.region); !problem.empty())
      return refused(r, ErrorCode::validation, "uscc: " + problem, "uscc");
    auto est = parse_date(get("established_on"));
    if (!est)
      return refused(r, ErrorCode::validation, "established_on must be a date YYYY-MM-DD",
                     "established_on");
    e.established_on = *est;
    region = e.region;
    new_enterprises.push_back(std::move(e));
  }
  if (!may_write_archive(actor, region))
    return refused(r, ErrorCode::forbidden, "region " + region + " is outside your jurisdiction",
                   "region");

  std::vector<QualityRecord> records;
  if (const std::string category = get("category"); !category.empty()) {
    QualityRecord rec;
    rec.uscc = uscc;
    rec.category = category;
    rec.kind = get("kind");
    const auto kind = record_kind_of(category);
    if (kind.empty())
      return refused(r, ErrorCode::validation, "unknown category " + category, "category");
    if (rec.kind.empty()) rec.kind = std::string(kind);
    if (rec.kind != kind)
      return refused(r, ErrorCode::validation,
                     "category " + category + " is a " + std::string(kind) + " record", "kind");
    auto on = parse_date(get("occurred_on"));
    if (!on)
      return refused(r, ErrorCode::validation, "occurred_on must be a date YYYY-MM-DD",
                     "occurred_on");
    rec.occurred_on = *on;
    rec.source = get("source");
    if (rec.source.empty())
      return refused(r, ErrorCode::validation, "source is required", "source");
    rec.detail = get("detail");
    rec.created_at = clock_.now();
    records.push_back(std::move(rec));
  } else if (new_enterprises.empty()) {
    return refused(r, ErrorCode::validation,
                   "the row neither registers an enterprise nor adds a record", "category");
  }
  auto s = archive_.import_archive(
      new_enterprises, records,
      AuditEntry{0,
                 clock_.now(),
                 actor.username,
                 "archive.import",
                 boost::json::object{{"uscc", uscc},
                                     {"enterprise", !new_enterprises.empty()},
                                     {"records", static_cast<int64_t>(records.size())}},
                 {},
                 {}});
  if (!s) {
    r.ok = false;
    r.error = s.take_error();
    return r;
  }
  r.ok = true;
  r.enterprise_created = !new_enterprises.empty();
  if (!records.empty()) to_regrade.insert(uscc);
  return r;
}

}  // namespace qc
