#pragma once
// Yearly quality-credit reports (procedure national.credit_report): the public register
// of published reports and the yearly submission package a province or an association
// sends on. What a report contains and when it is due is the procedure's business
// (workflows/national/credit_report.lua, plugins/credit_report/); this service reads the
// cases the procedure wrote: data.year, data.published_on, data.typical, the `report`
// document, and the procedure's `submission_due` param.
#include <optional>
#include <string>

#include "core/query.hpp"
#include "ports/archive_store.hpp"
#include "ports/case_store.hpp"
#include "ports/complaint_store.hpp"
#include "service/procedures.hpp"

namespace qc {

struct PublishedReport {
  int64_t case_id = 0;
  Enterprise enterprise;
  int64_t year = 0;
  std::string period_from, period_to, published_on;
  bool typical = false;
  std::string typical_reason;
};

struct ReportFilter {
  std::optional<int64_t> year;
  std::optional<std::string> region;  // a GB/T 2260 code: reports of enterprises within it
  std::optional<std::string> q;       // enterprise name or USCC contains
  PageRequest page;
};

struct ReportPackage {
  std::string filename;  // e.g. credit-reports-320000-2026.zip
  std::string zip;
  JsonObject manifest;
};

class ReportService {
 public:
  ReportService(CaseStore& cases, ArchiveStore& archive, ReportSubmissionStore& submissions,
                ProcedureRegistry& procedures, const Clock& clock, std::string procedure_id)
      : cases_(cases),
        archive_(archive),
        submissions_(submissions),
        procedures_(procedures),
        clock_(clock),
        procedure_(std::move(procedure_id)) {}

  // Published reports only (the public portal); newest year first.
  Result<Page<PublishedReport>> published(const ReportFilter& f);
  // The print-ready page of one published report; anything else is not found.
  Result<Document> published_html(int64_t case_id);
  // All published reports of `year` for enterprises in `region`, the typical ones marked,
  // as a ZIP with manifest.json; status on_time / late against the procedure's due date.
  // samr or organizer staff whose jurisdiction covers `region`, or admin.
  Result<ReportPackage> package(const Actor& actor, int64_t year, const std::string& region);

  // Submits the package as it stands now (report_submissions.cpp): records who submitted
  // which package (its manifest and the ZIP's SHA-256) when, on time or late by the Beijing
  // date of submission. Same permission as package(); audited as reports.package.submit.
  Result<ReportSubmission> submit(const Actor& actor, int64_t year, const std::string& region);
  // Submissions within the caller's jurisdiction (samr, organizer, admin), newest first.
  Result<Page<ReportSubmission>> submissions(const Actor& actor, std::optional<int64_t> year,
                                             std::optional<std::string> region, PageRequest page);
  Result<ReportSubmission> submission(const Actor& actor, int64_t id);

  // Who handles a region's package: admin, or samr / organizer staff covering `region`.
  static bool may_handle_package(const Actor& actor, const std::string& region);

 private:
  std::vector<PublishedReport> all_published(const std::optional<std::string>& region);

  CaseStore& cases_;
  ArchiveStore& archive_;
  ReportSubmissionStore& submissions_;
  ProcedureRegistry& procedures_;
  const Clock& clock_;
  std::string procedure_;
};

}  // namespace qc
