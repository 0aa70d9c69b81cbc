#pragma once
// The questions the registers, cases and archives are asked, each with its scope and page.
#include <optional>
#include <string>

#include "core/page.hpp"
#include "core/time.hpp"

namespace qc {

struct EnterpriseQuery {
  Scope scope;
  std::optional<std::string> region;  // prefix filter within the scope
  std::optional<std::string> q;       // name or USCC contains
  PageRequest page;
};

struct CaseQuery {
  Scope scope;
  std::optional<std::string> procedure;
  std::optional<std::string> stage;
  std::optional<std::string> status;
  std::optional<std::string> enterprise;
  std::optional<std::string> region;  // prefix
  std::optional<std::string> opened_by;
  // Each case's data summarised (core/case_summary.hpp, Case::data_complete) rather than
  // whole: what a page of the case list needs, without reading megabytes per case.
  bool summary_only = false;
  PageRequest page;
};

struct GrantQuery {
  Scope scope;
  std::optional<std::string> uscc, family, grade, status, region;
  bool published_only = false;
  // What the public may see (DESIGN.md "Public data rules"): published, active, and never a
  // national B or C grade (seed 001 五(四): internal).
  bool public_only = false;
  PageRequest page;
};

struct BanQuery {
  Scope scope;
  std::optional<std::string> uscc, family;
  std::optional<Date> active_on;  // only bans with from <= d <= until
  PageRequest page;
};

struct ListingQuery {
  Scope scope;
  std::optional<std::string> uscc, activity, status;
  PageRequest page;
};

struct ComplaintQuery {
  Scope scope;  // by the complaint's region (or its enterprise)
  std::optional<std::string> status, uscc;
  std::optional<Instant> received_from, received_before;  // [from, before)
  PageRequest page;
};

struct ReportSubmissionQuery {
  Scope scope;  // by the package's region
  std::optional<int64_t> year;
  std::optional<std::string> region;  // a code prefix within the scope
  PageRequest page;
};

struct AnnouncementQuery {
  std::optional<std::string> kind, family;
  // Only entries that still stand: an announcement whose case granted a grade stands while
  // that grant is active (a re-grade or a correction that withdraws a D withdraws its
  // blacklist entry, seed 001 三(五) 动态管理); one whose case granted nothing stands as made.
  bool standing_only = false;
  // Not withdrawn (the public lists); staff may read withdrawn ones too.
  bool live_only = false;
  PageRequest page;
};

// The national A/B/C/D classification register (internal: never public).
struct ClassificationQuery {
  Scope scope;
  std::optional<std::string> grade;   // A | B | C | D, or "none" for not graded
  std::optional<std::string> region;  // prefix
  // A what-if run's kept results instead of the current register.
  std::optional<int64_t> run_id;
  PageRequest page;
};

}  // namespace qc
