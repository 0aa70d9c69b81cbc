#pragma once
// The national A/B/C/D quality-credit classification (seeds/001, section 三): the grade
// an enterprise's archive gives as of a date, and the runs that compute it. The rules
// themselves are Lua (plugins/credit/abcd.lua); these are the values the host keeps.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace qc {

// The register family of the national classification (published A and D grants).
inline constexpr const char* kNationalAbcdFamily = "national.abcd";

struct GradeReason {
  std::string criterion;         // e.g. "d4_spot_check_fail_twice", "too_young"
  std::vector<int64_t> records;  // the quality records that meet it
};

struct Classification {
  std::string uscc;
  std::optional<std::string> grade;  // A | B | C | D; none when not graded (too young)
  Date as_of{};
  std::vector<GradeReason> reasons;
  int64_t run_id = 0;  // 0 when re-graded on a new record
  Instant graded_at{};
};

struct ClassificationRun {
  int64_t id = 0;
  Date as_of{};
  std::string region;              // the prefix graded ("" = everything the starter may see)
  std::string status = "running";  // running | done | failed
  int64_t done = 0;
  int64_t total = 0;
  std::string started_by;
  std::string error;  // why it failed
  // Dated other than today: results kept with the run only; nothing is published,
  // withdrawn or replaced in the current register.
  bool what_if = false;
  Instant started_at{};
  std::optional<Instant> finished_at;
};

// One enterprise and its archive, as the classification reads it.
struct ArchiveEntry {
  Enterprise enterprise;
  std::vector<QualityRecord> records;
};

// True for the grades the seed allows to be published (A after evaluation, D after
// recheck); B and C are internal (section 五(四)).
inline bool publishable_national_grade(std::string_view grade) {
  return grade == "A" || grade == "D";
}

}  // namespace qc
