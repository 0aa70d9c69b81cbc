#pragma once
// The read-only questions a procedure's guards and routes may ask (`q` in Lua). The
// service layer answers them from the store; the engine only forwards them.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/workdays.hpp"

namespace qc {

struct Actor {
  std::string username;  // "system" for timers, "public" for objections and complaints
  std::string display_name;
  std::vector<RoleGrant> grants;
  std::optional<std::string> enterprise;
};

struct CaseFilter {
  std::optional<std::string> procedure;
  std::optional<std::string> enterprise;
  std::optional<std::string> stage;
  std::optional<std::string> status;
};

class QueryPort {
 public:
  virtual ~QueryPort() = default;
  virtual const Actor& actor() const = 0;
  virtual Instant now() const = 0;
  virtual const WorkCalendar& calendar() const = 0;
  virtual std::optional<Enterprise> enterprise(const std::string& uscc) const = 0;
  virtual std::vector<QualityRecord> records(const std::string& uscc) const = 0;
  virtual std::vector<Grant> grants(const std::string& uscc, const std::string& family) const = 0;
  virtual std::vector<Ban> bans(const std::string& uscc, const std::string& family) const = 0;
  virtual std::vector<Listing> listings(const std::string& uscc,
                                        const std::string& activity) const = 0;
  virtual std::vector<Case> cases(const CaseFilter& filter) const = 0;
};

}  // namespace qc
