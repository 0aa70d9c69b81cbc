#pragma once
// A yearly submission package of quality-credit reports sent on by a province's SAMR (or an
// association acting as organiser): who submitted which package of which year and region
// when, and whether that was by the procedure's due date (质检办质函〔2014〕714号 四（四）).
#include <cstdint>
#include <string>

#include "core/time.hpp"

namespace qc {

struct ReportSubmission {
  int64_t id = 0;
  std::string procedure;  // national.credit_report
  int64_t year = 0;
  std::string region;        // the six-digit code the package covers
  std::string submitted_by;  // username
  std::string submitted_as;  // samr | organizer | admin
  Instant submitted_at{};
  std::string due_on;  // YYYY-MM-DD
  std::string status;  // on_time | late (the Beijing date of submitted_at against due_on)
  int64_t total = 0;   // reports in the package
  int64_t typical = 0;
  std::string sha256;    // of the ZIP as submitted
  std::string manifest;  // the package's manifest.json, as submitted
};

}  // namespace qc
