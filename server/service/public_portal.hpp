#pragma once
// The public portal's data (no login): only what the rules allow is public (DESIGN.md
// "Public data rules"): open notices, active published grades (never national B or C),
// listed enterprises, announcements, and the blacklist entries that still stand. Totals
// are counted by the database under the same rules as the items.
#include <optional>
#include <string>

#include "core/named.hpp"
#include "core/queries.hpp"
#include "ports/archive_store.hpp"
#include "ports/case_store.hpp"
#include "ports/register_store.hpp"

namespace qc {

struct PublicNotice {
  Notice notice;
  std::string procedure;   // of the case under notice
  std::string enterprise;  // its USCC
};

struct GradeFilter {
  std::optional<std::string> family, grade, region;
};

class PublicPortal {
 public:
  PublicPortal(RegisterStore& registers, ArchiveStore& archive, CaseStore& cases)
      : registers_(registers), archive_(archive), cases_(cases) {}

  Page<Named<PublicNotice>> notices(const PageRequest& page);
  Page<Named<Grant>> grades(const GradeFilter& f, const PageRequest& page);
  Page<Named<Listing>> listings(const std::optional<std::string>& activity,
                                const PageRequest& page);
  Page<Named<Announcement>> announcements(const std::optional<std::string>& kind,
                                          const std::optional<std::string>& family,
                                          const PageRequest& page);
  // Published D / serious-dishonesty entries that still stand (AnnouncementQuery).
  Page<Named<Announcement>> blacklist(const PageRequest& page);

 private:
  RegisterStore& registers_;
  ArchiveStore& archive_;
  CaseStore& cases_;
};

}  // namespace qc
