#pragma once
// The repository: the only interface to persistent state. Implemented once over SOCI for
// SQLite and PostgreSQL (SqlStore, store/*.cpp); the same test suite runs against both.
//
// Every write is one transaction. Writes that change state also append one audit entry
// to the hash-chained `audit` table inside that same transaction.
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/classification.hpp"
#include "core/complaint.hpp"
#include "core/model.hpp"
#include "core/report_submission.hpp"
#include "core/result.hpp"

namespace qc {

// Thrown by the methods that return plain values (optional/vector/Page/void) when the
// database is unreachable, read-only or full; the HTTP layer answers 503 `unavailable`.
// Result-returning methods answer ErrorCode::unavailable instead.
class StoreUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

struct PageRequest {
  int64_t page = 1;       // from 1
  int64_t per_page = 50;  // capped at 500 by the caller
};

// What a caller may see: everything, a set of region prefixes ("32" covers 32xxxx, "3201"
// covers 3201xx, "320102" itself), and/or one enterprise. Empty and !all = nothing.
struct Scope {
  bool all = false;
  std::vector<std::string> region_prefixes;
  std::optional<std::string> enterprise;
};

struct AuditEntry {
  int64_t seq = 0;
  Instant at{};
  std::string actor;
  std::string what;  // e.g. case.transition, user.create, procedures.reload, clock.set
  Json detail;       // never secrets
  std::string prev_hash;
  std::string hash;
};

struct AuditVerification {
  bool ok = true;
  int64_t entries = 0;
  int64_t broken_seq = 0;
  std::string reason;
};

// The case event chains: each case's events link seq 1, 2, … by prev_hash and hash.
struct EventVerification {
  bool ok = true;
  int64_t cases = 0;
  int64_t events = 0;
  int64_t broken_case = 0;  // the first case whose chain breaks, and where
  int64_t broken_seq = 0;
  std::string reason;
};

struct Session {
  std::string token_hash;  // sha256 of the bearer token; the token itself is never stored
  std::string username;
  std::string csrf_token;
  Instant created_at{};
  Instant last_seen{};
  Instant expires_at{};  // absolute expiry
};

struct StoredResponse {  // Idempotency-Key replay
  std::string username;
  std::string key;
  std::string request_hash;
  int status = 200;
  std::string body;
  // When set, open_case/commit compute `body` from the case as stored (its id assigned),
  // inside the transaction, before the row is inserted.
  std::function<std::string(const Case&)> render;
};

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
  PageRequest page;
};

struct GrantQuery {
  Scope scope;
  std::optional<std::string> uscc, family, grade, status, region;
  bool published_only = false;
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
  PageRequest page;
};

// What a transition writes to the registers (the effects, resolved by the service).
struct RegisterWrites {
  std::vector<Grant> new_grants;
  std::vector<std::pair<int64_t, std::string>> grant_status;  // grant id -> new status
  std::vector<Ban> new_bans;
  std::vector<Listing> new_listings;
  std::vector<std::pair<int64_t, std::string>> listing_status;  // listing id -> new status
  std::vector<Announcement> announcements;
  std::vector<Document> documents;  // same case+name replaces
  // Records of the case's enterprise found untrue (fx.correct_records): id -> correction.
  std::vector<std::pair<int64_t, RecordCorrection>> record_corrections;
  bool close_notices = false;  // close the case's open notice (stage left)
  std::optional<Notice> open_notice;
};

// The national A/B/C/D classification register (internal: never public).
struct ClassificationQuery {
  Scope scope;
  std::optional<std::string> grade;   // A | B | C | D, or "none" for not graded
  std::optional<std::string> region;  // prefix
  PageRequest page;
};

// One accepted action (or a vote and the action it decides) as one transaction.
struct Transition {
  int64_t expected_rev = 0;
  Case next;  // id, stage, status, data, stage_seq as they become; rev/updated_at set here
  std::vector<CaseEvent> events;  // seq, prev_hash and hash are assigned by the store
  RegisterWrites writes;
  bool cancel_timers = false;  // the case left a stage: pending timers are cancelled
  std::optional<Timer> new_timer;
  std::optional<int64_t> fired_timer;  // marked fired in this transaction
  std::optional<Vote> vote;            // unique (case, round, username): else already_voted
  std::optional<Objection> objection;
  std::optional<StoredResponse> idempotency;  // stored with the response body given
  AuditEntry audit;
};

// GET /api/v1/audit: the trail filtered by actor, case and time (all optional).
struct AuditQuery {
  std::optional<std::string> actor;
  std::optional<int64_t> case_id;  // entries whose detail names this case_id
  std::optional<Instant> from;     // at >= from
  std::optional<Instant> to;       // at <= to
  PageRequest page;
};

// What /metrics shows of the store.
struct StoreStats {
  size_t pool_in_use = 0, pool_size = 0;  // pooled sessions leased, and all of them
  // SQLite group commit (both 0 on PostgreSQL): batches committed, writes in them.
  uint64_t write_batches = 0, batched_writes = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual std::string backend() const = 0;  // "sqlite" | "postgresql"
  virtual bool ping() = 0;
  virtual StoreStats stats() const = 0;

  // Enterprises and the quality archive.
  virtual Status insert_enterprise(const Enterprise& e, AuditEntry audit) = 0;  // already_exists
  virtual std::optional<Enterprise> enterprise(const std::string& uscc) = 0;
  virtual Page<Enterprise> enterprises(const EnterpriseQuery& q) = 0;
  virtual Result<QualityRecord> insert_record(QualityRecord r, AuditEntry audit) = 0;
  // The records that count (grading, criteria, q.records): corrected ones left out.
  virtual std::vector<QualityRecord> records(const std::string& uscc) = 0;
  // The whole archive of the enterprise, corrected records included (with their correction).
  virtual std::vector<QualityRecord> archive_records(const std::string& uscc) = 0;
  // Marks a record of `uscc` corrected: not_found (no such record of the enterprise),
  // conflict (corrected before). Returns the record as it now is.
  virtual Result<QualityRecord> correct_record(const std::string& uscc, int64_t id,
                                               RecordCorrection c, AuditEntry audit) = 0;

  // Users and sessions.
  virtual Result<User> insert_user(User u, AuditEntry audit) = 0;  // already_exists
  virtual Status update_user(const User& u, AuditEntry audit) = 0;
  virtual std::optional<User> user(const std::string& username) = 0;
  virtual Page<User> users(const PageRequest& page) = 0;
  virtual Status insert_session(const Session& s) = 0;
  virtual std::optional<Session> session(const std::string& token_hash) = 0;
  // The session and its user with the user's grants, read in one query (what every
  // authenticated request needs); nullopt when the token hash or the user is unknown.
  virtual std::optional<std::pair<Session, User>> session_user(const std::string& token_hash) = 0;
  virtual void touch_session(const std::string& token_hash, Instant at) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void delete_sessions_of(const std::string& username) = 0;
  virtual std::vector<Session> sessions_of(const std::string& username) = 0;

  // Procedures as loaded (for the record: id, version, hash, when).
  virtual void record_procedure(const std::string& id, int version, const std::string& hash,
                                Instant at) = 0;

  // Cases. open_case inserts the case and applies `t` (its first event, effects, timer).
  virtual Result<Case> open_case(Transition t) = 0;
  virtual std::optional<Case> case_by_id(int64_t id) = 0;
  virtual Page<Case> cases(const CaseQuery& q) = 0;
  // A page of the case's events in order (seq from 1), with their total.
  virtual Page<CaseEvent> events(int64_t case_id, const PageRequest& page) = 0;
  // The procedure versions active cases run on, each with one of those cases' ids: what a
  // reload must keep loaded. One grouped query, however many cases there are.
  struct VersionInUse {
    std::string procedure;
    int version = 0;
    int64_t case_id = 0;
  };
  virtual std::vector<VersionInUse> versions_in_use() = 0;
  // Stale expected_rev -> conflict and nothing written.
  virtual Result<Case> commit(Transition t) = 0;
  virtual std::vector<Vote> votes(int64_t case_id, int64_t round) = 0;
  virtual std::vector<Document> documents(int64_t case_id) = 0;  // html left empty
  virtual std::optional<Document> document(int64_t case_id, const std::string& name) = 0;

  // Registers.
  virtual Page<Grant> grants(const GrantQuery& q) = 0;
  virtual Page<Ban> bans(const BanQuery& q) = 0;
  virtual Page<Listing> listings(const ListingQuery& q) = 0;
  virtual Page<Notice> open_notices(const PageRequest& page) = 0;
  virtual std::optional<Notice> notice(int64_t id) = 0;
  virtual std::vector<Objection> objections(int64_t case_id) = 0;
  virtual Page<Announcement> announcements(const AnnouncementQuery& q) = 0;

  // Timers. A timer fires at most once: its transition sets fired_at (Transition::fired_timer).
  virtual std::vector<Timer> due_timers(Instant now, int limit) = 0;
  // Lease a due timer for `owner` until `until`; false when another holds a live lease.
  // Leases are on the same timeline as due_timers' `now`: a lease is live while
  // claimed_until >= real clock + clock_offset() (the simulated clock's now).
  virtual bool claim_timer(int64_t id, const std::string& owner, Instant until) = 0;
  virtual std::optional<Timer> pending_timer(int64_t case_id) = 0;
  // The due instant of the first timer the case ever had in `stage` (for keep = true).
  virtual std::optional<Instant> first_timer_due(int64_t case_id, const std::string& stage) = 0;
  // Grade terms: an active or suspended grant whose valid_to is before `today` becomes
  // expired. Idempotent (safe on every server at once); one audit entry names the grants.
  // Returns how many expired.
  virtual int64_t expire_grants(Date today, AuditEntry audit) = 0;

  // Idempotency-Key.
  virtual std::optional<StoredResponse> stored_response(const std::string& username,
                                                        const std::string& key) = 0;

  // The simulated clock's offset from real time in seconds (shared by every server).
  virtual int64_t clock_offset() = 0;
  virtual void set_clock_offset(int64_t seconds, AuditEntry audit) = 0;

  // Audit trail.
  virtual void append_audit(AuditEntry e) = 0;
  virtual Page<AuditEntry> audit(const PageRequest& page) = 0;
  virtual AuditVerification verify_audit() = 0;
  virtual EventVerification verify_events() = 0;

  // Public complaints (store/complaints.cpp). insert assigns the id; handle_complaint
  // records routing or closing only while the complaint is still open (else conflict).
  virtual Result<Complaint> insert_complaint(Complaint c, AuditEntry audit) = 0;
  virtual std::optional<Complaint> complaint(int64_t id) = 0;
  virtual Page<Complaint> complaints(const ComplaintQuery& q) = 0;
  virtual Status handle_complaint(const Complaint& c, AuditEntry audit) = 0;

  // Yearly report packages as submitted (store/report_submissions.cpp); newest first.
  virtual Result<ReportSubmission> insert_report_submission(ReportSubmission s,
                                                            AuditEntry audit) = 0;
  virtual std::optional<ReportSubmission> report_submission(int64_t id) = 0;
  virtual Page<ReportSubmission> report_submissions(const ReportSubmissionQuery& q) = 0;

  // National A/B/C/D classification and the archive import (store/classification.cpp).
  // Runs are background jobs: inserted running, updated as batches finish.
  virtual Result<ClassificationRun> insert_classification_run(ClassificationRun run,
                                                              AuditEntry audit) = 0;
  virtual void update_classification_run(const ClassificationRun& run) = 0;
  virtual std::optional<ClassificationRun> classification_run(int64_t id) = 0;
  virtual int64_t count_enterprises(const Scope& scope,
                                    const std::optional<std::string>& region) = 0;
  // Up to `limit` enterprises with USCC after `after_uscc` in the scope and region, in USCC
  // order, each with its whole archive (records by occurred_on): two reads per batch.
  virtual std::vector<ArchiveEntry> archive_batch(const Scope& scope,
                                                  const std::optional<std::string>& region,
                                                  const std::string& after_uscc, int limit) = 0;
  // Replaces each enterprise's current result, all in one transaction.
  virtual void save_classifications(const std::vector<Classification>& results) = 0;
  virtual std::optional<Classification> classification(const std::string& uscc) = 0;
  virtual Page<Classification> classifications(const ClassificationQuery& q) = 0;
  // A published grade a re-grade no longer supports: revoked, with its announcement.
  virtual Status withdraw_grants(const std::vector<int64_t>& grant_ids,
                                 std::vector<Announcement> announcements, AuditEntry audit) = 0;
  // Inserts enterprises and records in one transaction (a CSV row, or a bulk load): all or
  // nothing; a duplicate enterprise is already_exists, a record of an unknown one not_found.
  virtual Status import_archive(const std::vector<Enterprise>& enterprises,
                                const std::vector<QualityRecord>& records, AuditEntry audit) = 0;

  // --- Audit queries (store/audit_query.cpp) ---
  // Newest first. The case filter reads the `case_id` column that append_audit fills from
  // the entry's detail (schema version 2); the hash covers the detail, not the column.
  virtual Page<AuditEntry> audit_entries(const AuditQuery& q) = 0;
};

// Opens `sqlite:PATH` or `postgresql://…`, applying numbered migrations. `real_clock`
// (default: the system clock) is what timer leases are judged on, plus the stored clock
// offset; it is a parameter so that tests can inject one.
Result<std::unique_ptr<Store>> open_store(const std::string& url, int pool_size,
                                          std::shared_ptr<const Clock> real_clock = nullptr);

}  // namespace qc
