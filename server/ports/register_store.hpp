#pragma once
// The registers: grants, bans, listings, public notices and their objections,
// announcements. Written by transitions (core/transition.hpp); these are the reads and the
// writes that happen outside a case.
#include <optional>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "core/model.hpp"
#include "core/queries.hpp"
#include "core/result.hpp"
#include "ports/unavailable.hpp"

namespace qc {

// Published entries a re-grade or a correction no longer supports: each grant is revoked,
// the announcements its case made are withdrawn (off the public lists, kept for staff), and
// where there was such a public announcement the withdrawal notice is published.
struct GrantWithdrawal {
  struct Item {
    int64_t grant_id = 0;
    Announcement notice;  // published only if the grant had been announced
  };
  std::vector<Item> items;
  std::string reason;
  Date on{};
};

class RegisterStore {
 public:
  virtual ~RegisterStore() = default;

  virtual Page<Grant> grants(const GrantQuery& q) = 0;
  virtual Page<Ban> bans(const BanQuery& q) = 0;
  virtual Page<Listing> listings(const ListingQuery& q) = 0;
  virtual Page<Notice> open_notices(const PageRequest& page) = 0;
  virtual std::optional<Notice> notice(int64_t id) = 0;
  virtual std::vector<Objection> objections(int64_t case_id) = 0;
  virtual Page<Announcement> announcements(const AnnouncementQuery& q) = 0;

  // Grade terms: an active or suspended grant whose valid_to is before `today` becomes
  // expired. Idempotent (safe on every server at once); one audit entry names the grants.
  // Returns how many expired.
  virtual int64_t expire_grants(Date today, AuditEntry audit) = 0;
  virtual Status withdraw_grants(const GrantWithdrawal& w, AuditEntry audit) = 0;
};

}  // namespace qc
