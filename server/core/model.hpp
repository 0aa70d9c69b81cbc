#pragma once
// The domain's records, as plain values. Stored by store/, read by service/, shown by http/.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace qc {

using Json = boost::json::value;
using JsonObject = boost::json::object;

struct Enterprise {
  std::string uscc;
  std::string name;
  std::string region;  // GB/T 2260
  Date established_on{};
  std::string status = "active";
};

// A record found untrue is corrected, never deleted: it stays in the archive (history,
// audit) but no longer counts for grading or for any procedure's criteria.
struct RecordCorrection {
  std::string reason;
  std::string by;  // username
  Instant at{};
  std::optional<int64_t> case_id;  // the procedure case that corrected it, if any
};

struct QualityRecord {
  int64_t id = 0;
  std::string uscc;
  std::string kind;  // good | bad
  std::string category;
  Date occurred_on{};
  std::string source;
  std::string detail;
  Instant created_at{};
  std::optional<RecordCorrection> correction;
  // Written by a procedure outcome (fx.record): the case it came from and its article.
  std::optional<int64_t> source_case_id;
  std::string basis;
};

struct RoleGrant {
  std::string role;
  std::string region;
  bool operator==(const RoleGrant&) const = default;
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;  // argon2id, never leaves the server
  std::vector<RoleGrant> grants;
  std::optional<std::string> enterprise;  // USCC an enterprise user is bound to
  bool disabled = false;
  Instant created_at{};
};

struct Case {
  int64_t id = 0;
  std::string procedure;
  int version = 0;
  std::string enterprise;  // USCC
  std::string region;      // the enterprise's region when the case opened (jurisdiction)
  std::string stage;
  std::string status = "active";  // active | closed
  JsonObject data;
  // False when `data` is the list's summary of it (core/case_summary.hpp), not all of it.
  bool data_complete = true;
  int64_t rev = 0;
  int64_t stage_seq = 0;  // seq of the event that entered the current stage (vote rounds)
  std::string opened_by;
  Instant created_at{};
  Instant updated_at{};
};

struct CaseEvent {
  int64_t case_id = 0;
  int64_t seq = 0;
  Instant at{};
  std::string actor;
  std::string action;
  std::string from_stage;
  std::string to_stage;
  std::string comment;
  Json payload;  // the action's data
  std::string prev_hash;
  std::string hash;
};

struct Timer {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string stage;
  std::string fire_action;
  Instant due_at{};
  bool provisional = false;
  std::optional<Instant> fired_at;
  // A working-day deadline's count (workdays > 0): N working days after counted_from. Kept
  // so a provisional deadline can be counted again once its year's arrangement is out.
  std::optional<Date> counted_from;
  int workdays = 0;
};

struct Grant {
  int64_t id = 0;
  std::string uscc;
  std::string family;
  std::string grade;
  Date valid_from{};
  Date valid_to{};
  // active | suspended | revoked | expired | superseded (a newer grant of the scheme)
  std::string status = "active";
  int64_t case_id = 0;
  bool published = true;
  std::optional<int64_t> superseded_by;  // the grant that replaced it
};

struct Ban {
  int64_t id = 0;
  std::string uscc;
  std::string family;
  std::string reason;
  Date from{};
  Date until{};
  int64_t case_id = 0;
  std::string basis;  // the article it rests on, e.g. 第十六条
};

struct Listing {
  int64_t id = 0;
  std::string uscc;
  std::string activity;           // the listing procedure's family
  std::string status = "listed";  // listed | delisted
  Date since{};
  int64_t case_id = 0;
};

struct Notice {  // 公示
  int64_t id = 0;
  std::string kind;
  int64_t case_id = 0;
  std::string stage;
  std::string title;
  std::string outcome;
  std::string body;
  Instant opens{};
  std::optional<Instant> closes;
  bool open = true;
};

struct Objection {
  int64_t id = 0;
  int64_t notice_id = 0;
  int64_t case_id = 0;
  std::string name;
  std::string contact;  // never public, never logged
  std::string content;
  Instant at{};
};

struct Announcement {
  int64_t id = 0;
  std::string kind;  // grade_announced, grade_revoked, delisted, blacklisted, …
  std::string family;
  std::string uscc;
  std::string title;
  std::string body;
  Date date{};
  int64_t case_id = 0;
  // Withdrawn with the register entry it announced (a corrected record, a re-grade): off
  // the public lists, kept for staff.
  std::optional<Date> withdrawn_on;
  std::string withdrawal_reason;
};

struct Document {
  int64_t case_id = 0;
  std::string name;
  std::string title;
  std::string html;
  Instant created_at{};
};

struct Vote {
  int64_t case_id = 0;
  int64_t round = 0;  // Case::stage_seq when cast
  std::string username;
  bool pass = false;
};

// An effect requested by a procedure hook, applied by the host in the transition's
// transaction: grant, suspend, reinstate, revoke, ban, list, delist, announce, document, set.
struct Effect {
  std::string kind;
  JsonObject args;
};

}  // namespace qc
