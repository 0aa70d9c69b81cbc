#pragma once
// The Store over SOCI, for SQLite and PostgreSQL alike. Its methods are spread over
// enterprises.cpp, users.cpp, cases.cpp, registers.cpp, timers.cpp and audit.cpp; each
// one leases a session (or opens a WriteTx) for exactly one unit of work.
#include <memory>

#include "store/database.hpp"
#include "store/store.hpp"

namespace qc::store {

class SqlStore final : public Store {
 public:
  SqlStore(Backend backend, Pool::Opener open, int pool_size, std::shared_ptr<const Clock> clock)
      : db_(backend, std::move(open), pool_size, std::move(clock)) {}

  Database& database() { return db_; }

  std::string backend() const override;
  bool ping() override;
  StoreStats stats() const override;

  Status insert_enterprise(const Enterprise& e, AuditEntry audit) override;
  std::optional<Enterprise> enterprise(const std::string& uscc) override;
  Page<Enterprise> enterprises(const EnterpriseQuery& q) override;
  std::vector<Enterprise> enterprises_by_uscc(const std::vector<std::string>& usccs) override;
  Result<QualityRecord> insert_record(QualityRecord r, AuditEntry audit) override;
  std::vector<QualityRecord> records(const std::string& uscc) override;
  std::vector<QualityRecord> archive_records(const std::string& uscc) override;
  Result<QualityRecord> correct_record(const std::string& uscc, int64_t id, RecordCorrection c,
                                       AuditEntry audit) override;

  Result<User> insert_user(User u, AuditEntry audit) override;
  Status update_user(const User& u, AuditEntry audit) override;
  std::optional<User> user(const std::string& username) override;
  Page<User> users(const PageRequest& page) override;
  Status insert_session(const Session& s) override;
  std::optional<Session> session(const std::string& token_hash) override;
  std::optional<std::pair<Session, User>> session_user(const std::string& token_hash) override;
  void touch_session(const std::string& token_hash, Instant at) override;
  void delete_session(const std::string& token_hash) override;
  void delete_sessions_of(const std::string& username) override;
  std::vector<Session> sessions_of(const std::string& username) override;

  void record_procedure(const std::string& id, int version, const std::string& hash,
                        Instant at) override;

  Result<Case> open_case(Transition t) override;
  std::optional<Case> case_by_id(int64_t id) override;
  Page<Case> cases(const CaseQuery& q) override;
  Page<CaseEvent> events(int64_t case_id, const PageRequest& page) override;
  std::vector<VersionInUse> versions_in_use() override;
  Result<Case> commit(Transition t) override;
  std::vector<Vote> votes(int64_t case_id, int64_t round) override;
  std::vector<Document> documents(int64_t case_id) override;
  std::optional<Document> document(int64_t case_id, const std::string& name) override;

  Page<Grant> grants(const GrantQuery& q) override;
  Page<Ban> bans(const BanQuery& q) override;
  Page<Listing> listings(const ListingQuery& q) override;
  Page<Notice> open_notices(const PageRequest& page) override;
  std::optional<Notice> notice(int64_t id) override;
  std::vector<Objection> objections(int64_t case_id) override;
  Page<Announcement> announcements(const AnnouncementQuery& q) override;

  std::vector<Timer> due_timers(Instant now, int limit) override;
  bool claim_timer(int64_t id, const std::string& owner, Instant until) override;
  std::optional<Timer> pending_timer(int64_t case_id) override;
  std::optional<Timer> kept_timer(int64_t case_id, const std::string& stage) override;
  std::vector<Timer> provisional_timers() override;
  bool move_deadline(const DeadlineMove& move, Instant now, AuditEntry audit) override;
  int64_t expire_grants(Date today, AuditEntry audit) override;

  std::optional<IdempotencyRecord> idempotent_outcome(const std::string& username,
                                                      const std::string& key) override;

  int64_t clock_offset() override;
  void set_clock_offset(int64_t seconds, AuditEntry audit) override;

  void append_audit(AuditEntry e) override;
  Page<AuditEntry> audit(const PageRequest& page) override;
  AuditVerification verify_audit() override;
  EventVerification verify_events() override;

  // Public complaints (complaints.cpp).
  Result<Complaint> insert_complaint(Complaint c, AuditEntry audit) override;
  std::optional<Complaint> complaint(int64_t id) override;
  Page<Complaint> complaints(const ComplaintQuery& q) override;
  Status handle_complaint(const Complaint& c, AuditEntry audit) override;

  // Yearly report packages as submitted (report_submissions.cpp).
  Result<ReportSubmission> insert_report_submission(ReportSubmission s, AuditEntry audit) override;
  std::optional<ReportSubmission> report_submission(int64_t id) override;
  Page<ReportSubmission> report_submissions(const ReportSubmissionQuery& q) override;

  // National A/B/C/D classification and the archive import (store/classification.cpp).
  Result<ClassificationRun> insert_classification_run(ClassificationRun run,
                                                      AuditEntry audit) override;
  void update_classification_run(const ClassificationRun& run) override;
  std::optional<ClassificationRun> classification_run(int64_t id) override;
  int64_t count_enterprises(const Scope& scope, const std::optional<std::string>& region) override;
  std::vector<ArchiveEntry> archive_batch(const Scope& scope,
                                          const std::optional<std::string>& region,
                                          const std::string& after_uscc, int limit) override;
  void save_classifications(const std::vector<Classification>& results) override;
  void save_run_results(int64_t run_id, const std::vector<Classification>& results) override;
  std::optional<Classification> classification(const std::string& uscc) override;
  Page<Classification> classifications(const ClassificationQuery& q) override;
  Status withdraw_grants(const GrantWithdrawal& w, AuditEntry audit) override;
  Status import_archive(const std::vector<Enterprise>& enterprises,
                        const std::vector<QualityRecord>& records, AuditEntry audit) override;

  // --- Audit queries (audit_query.cpp) ---
  Page<AuditEntry> audit_entries(const AuditQuery& q) override;

 private:
  Database db_;
};

}  // namespace qc::store
