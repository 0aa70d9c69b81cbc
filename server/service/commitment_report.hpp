#pragma once
// The commitment activity's yearly figures (the activity office's 年度总结, 工信部科[2011]366号
// 四（二）5): listings, delistings and complaints of one year, nationally (or in the
// caller's jurisdiction), by province and by organising unit.
#include <map>

#include "core/query.hpp"
#include "ports/archive_store.hpp"
#include "ports/case_store.hpp"
#include "ports/complaint_store.hpp"
#include "ports/register_store.hpp"

namespace qc {

struct ReportCounts {
  int64_t listed = 0;
  int64_t delisted = 0;
  int64_t complaints_received = 0;
  int64_t complaints_closed = 0;
  std::vector<int> close_days;  // of the complaints closed, days from receipt to closing
};

struct CommitmentReport {
  int year = 0;
  std::string activity;
  ReportCounts total;
  std::map<std::string, ReportCounts> by_region;     // province code (pp0000)
  std::map<std::string, ReportCounts> by_organizer;  // organising unit's USCC
  std::map<std::string, std::string> organizer_names;
};

// What is counted, all by Beijing dates in `year`:
// - listed: listings of the activity whose `since` falls in the year;
// - delisted: `delisted` announcements of the activity dated in the year;
// - complaints_received: complaints received in the year;
// - complaints_closed: complaints whose handling ended in the year: closed in the inbox, or
//   the case they opened reached a terminal stage; close_days from receipt to that day.
// A listing's organiser is `data.organizer` of the case that listed it (the activity
// procedure records it); a complaint or delisting counts for the organiser of the
// enterprise's listing.
class CommitmentReportService {
 public:
  CommitmentReportService(RegisterStore& registers, ComplaintStore& complaints, CaseStore& cases,
                          ArchiveStore& archive)
      : registers_(registers), complaints_(complaints), cases_(cases), archive_(archive) {}

  // forbidden for callers other than activity_office, organizer, samr, admin; validation for a year
  // outside 2000..2100 (field year).
  Result<CommitmentReport> report(const Actor& actor, int year, const std::string& activity);

 private:
  std::string organizer_of_case(int64_t case_id);
  std::string organizer_of_enterprise(const std::string& uscc, const std::string& activity);

  RegisterStore& registers_;
  ComplaintStore& complaints_;
  CaseStore& cases_;
  ArchiveStore& archive_;
  std::map<int64_t, std::string> case_organizer_;  // per call
};

}  // namespace qc
