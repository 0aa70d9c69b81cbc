#pragma once
// In-memory ports for service tests: cases, the archive, the registers and timers as plain
// containers, so that a service's rules run without a database. Writes are counted, so a
// test can see that a refusal wrote nothing.
#include <algorithm>
#include <map>

#include "ports/audit_store.hpp"
#include "service/case_ports.hpp"

namespace qc::testing {

class FakePorts final : public CaseStore,
                        public ArchiveStore,
                        public RegisterStore,
                        public TimerStore,
                        public AuditStore {
 public:
  std::map<int64_t, Case> case_rows;
  std::map<std::string, Enterprise> enterprise_rows;
  std::vector<QualityRecord> record_rows;
  std::vector<Vote> vote_rows;
  std::vector<Grant> grant_rows;
  std::vector<Ban> ban_rows;
  std::vector<Timer> timer_rows;
  std::vector<IdempotencyRecord> outcomes;
  std::vector<AuditEntry> audit_rows;
  int commits = 0;

  CasePorts ports() { return CasePorts::of(*this); }

  // CaseStore
  Result<Case> open_case(Transition t) override {
    t.next.id = next_id_++;
    t.next.rev = static_cast<int64_t>(t.events.size());
    return apply(std::move(t));
  }
  Result<Case> commit(Transition t) override {
    auto it = case_rows.find(t.next.id);
    if (it == case_rows.end()) return err(ErrorCode::not_found, "no such case");
    if (it->second.rev != t.expected_rev) return err(ErrorCode::conflict, "stale rev", "rev");
    t.next.rev = t.expected_rev + static_cast<int64_t>(t.events.size());
    return apply(std::move(t));
  }
  std::optional<Case> case_by_id(int64_t id) override {
    auto it = case_rows.find(id);
    if (it == case_rows.end()) return std::nullopt;
    return it->second;
  }
  Page<Case> cases(const CaseQuery& q) override {
    Page<Case> p;
    for (const auto& [id, c] : case_rows)
      if ((!q.procedure || c.procedure == *q.procedure) &&
          (!q.enterprise || c.enterprise == *q.enterprise) && (!q.status || c.status == *q.status))
        p.items.push_back(c);
    p.total = static_cast<int64_t>(p.items.size());
    return p;
  }
  Page<CaseEvent> events(int64_t, const PageRequest&) override { return {}; }
  std::vector<Vote> votes(int64_t case_id, int64_t round) override {
    std::vector<Vote> out;
    for (const auto& v : vote_rows)
      if (v.case_id == case_id && v.round == round) out.push_back(v);
    return out;
  }
  std::vector<Document> documents(int64_t) override { return {}; }
  std::optional<Document> document(int64_t, const std::string&) override { return std::nullopt; }
  std::optional<IdempotencyRecord> idempotent_outcome(const std::string& username,
                                                      const std::string& key) override {
    for (const auto& r : outcomes)
      if (r.username == username && r.key == key) return r;
    return std::nullopt;
  }
  std::vector<VersionInUse> versions_in_use() override { return {}; }
  void record_procedure(const std::string&, int, const std::string&, Instant) override {}

  // ArchiveStore
  Status insert_enterprise(const Enterprise& e, AuditEntry) override {
    enterprise_rows[e.uscc] = e;
    return ok_status();
  }
  std::optional<Enterprise> enterprise(const std::string& uscc) override {
    auto it = enterprise_rows.find(uscc);
    if (it == enterprise_rows.end()) return std::nullopt;
    return it->second;
  }
  Page<Enterprise> enterprises(const EnterpriseQuery&) override { return {}; }
  std::vector<Enterprise> enterprises_by_uscc(const std::vector<std::string>& usccs) override {
    std::vector<Enterprise> out;
    for (const auto& u : usccs)
      if (auto e = enterprise(u)) out.push_back(*e);
    return out;
  }
  Result<QualityRecord> insert_record(QualityRecord r, AuditEntry) override {
    r.id = static_cast<int64_t>(record_rows.size()) + 1;
    record_rows.push_back(r);
    return r;
  }
  std::vector<QualityRecord> records(const std::string& uscc) override {
    std::vector<QualityRecord> out;
    for (const auto& r : record_rows)
      if (r.uscc == uscc && !r.correction) out.push_back(r);
    return out;
  }
  std::vector<QualityRecord> archive_records(const std::string& uscc) override {
    return records(uscc);
  }
  Result<QualityRecord> correct_record(const std::string&, int64_t, RecordCorrection,
                                       AuditEntry) override {
    return err(ErrorCode::not_found, "not in the fake");
  }
  Status import_archive(const std::vector<Enterprise>&, const std::vector<QualityRecord>&,
                        AuditEntry) override {
    return ok_status();
  }
  int64_t count_enterprises(const Scope&, const std::optional<std::string>&) override { return 0; }
  std::vector<ArchiveEntry> archive_batch(const Scope&, const std::optional<std::string>&,
                                          const std::string&, int) override {
    return {};
  }

  // RegisterStore
  Page<Grant> grants(const GrantQuery& q) override {
    Page<Grant> p;
    for (const auto& g : grant_rows)
      if ((!q.uscc || g.uscc == *q.uscc) && (!q.family || g.family == *q.family))
        p.items.push_back(g);
    p.total = static_cast<int64_t>(p.items.size());
    return p;
  }
  Page<Ban> bans(const BanQuery& q) override {
    Page<Ban> p;
    for (const auto& b : ban_rows)
      if ((!q.uscc || b.uscc == *q.uscc) && (!q.family || b.family == *q.family) &&
          (!q.active_on || (b.from <= *q.active_on && *q.active_on <= b.until)))
        p.items.push_back(b);
    p.total = static_cast<int64_t>(p.items.size());
    return p;
  }
  Page<Listing> listings(const ListingQuery&) override { return {}; }
  Page<Notice> open_notices(const PageRequest&) override { return {}; }
  std::optional<Notice> notice(int64_t) override { return std::nullopt; }
  std::vector<Objection> objections(int64_t) override { return {}; }
  Page<Announcement> announcements(const AnnouncementQuery&) override { return {}; }
  int64_t expire_grants(Date, AuditEntry) override { return 0; }
  Status withdraw_grants(const GrantWithdrawal&, AuditEntry) override { return ok_status(); }

  // AuditStore
  void append_audit(AuditEntry e) override { audit_rows.push_back(std::move(e)); }
  Page<AuditEntry> audit(const PageRequest&) override { return {}; }
  AuditVerification verify_audit() override { return {}; }
  EventVerification verify_events() override { return {}; }
  Page<AuditEntry> audit_entries(const AuditQuery&) override { return {}; }

  // TimerStore
  std::vector<Timer> due_timers(Instant, int) override { return {}; }
  bool claim_timer(int64_t, const std::string&, Instant) override { return true; }
  std::optional<Timer> pending_timer(int64_t case_id) override {
    for (const auto& t : timer_rows)
      if (t.case_id == case_id && !t.fired_at) return t;
    return std::nullopt;
  }
  std::optional<Timer> kept_timer(int64_t, const std::string&) override { return std::nullopt; }
  std::vector<Timer> provisional_timers() override { return {}; }
  bool move_deadline(const DeadlineMove&, Instant, AuditEntry) override { return false; }

 private:
  Result<Case> apply(Transition t) {
    if (t.vote) {
      for (const auto& v : vote_rows)
        if (v.case_id == t.vote->case_id && v.round == t.vote->round &&
            v.username == t.vote->username)
          return err(ErrorCode::already_voted, "voted");
      vote_rows.push_back(*t.vote);
    }
    if (t.idempotency) {
      if (idempotent_outcome(t.idempotency->username, t.idempotency->key))
        return err(ErrorCode::conflict, "key taken");
      t.idempotency->outcome.snapshot = t.next;
      outcomes.push_back(*t.idempotency);
    }
    if (t.cancel_timers)
      timer_rows.erase(std::remove_if(timer_rows.begin(), timer_rows.end(),
                                      [&](const Timer& x) { return x.case_id == t.next.id; }),
                       timer_rows.end());
    if (t.new_timer) {
      Timer tm = *t.new_timer;
      tm.case_id = t.next.id;
      tm.id = static_cast<int64_t>(timer_rows.size()) + 1;
      timer_rows.push_back(tm);
    }
    for (auto g : t.writes.new_grants) grant_rows.push_back(g);
    for (auto b : t.writes.new_bans) ban_rows.push_back(b);
    audit_rows.push_back(t.audit);
    ++commits;
    case_rows[t.next.id] = t.next;
    return t.next;
  }
  int64_t next_id_ = 1;
};

}  // namespace qc::testing
