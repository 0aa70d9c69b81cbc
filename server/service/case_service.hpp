#pragma once
// Opening cases and taking actions: the checks of API.md "Cases" in their contractual order,
// the engine's guards and hooks, and one store transaction per accepted action.
#include <functional>

#include "core/query.hpp"
#include "service/case_ports.hpp"
#include "service/procedures.hpp"

namespace qc {

class CaseContext;

struct OpenRequest {
  std::string procedure;
  std::string enterprise;
  JsonObject data;
  std::string idempotency_key;  // optional
  std::string request_hash;     // of the request body, for Idempotency-Key
};

struct ActRequest {
  std::optional<int64_t> rev;
  std::string comment;
  JsonObject data;
  std::string idempotency_key;
  std::string request_hash;
};

// What an accepted request did. A replay of an Idempotency-Key is the first request's
// outcome again, as recorded then (the case, its deadline, whether the caller had voted).
struct CaseOutcome {
  Case c;
  bool created = false;           // the request opened the case
  bool replayed = false;          // an Idempotency-Key replay
  std::optional<Timer> deadline;  // as recorded (replays only)
  bool voted = false;             // as recorded (replays only)
};

// An action the calling user may take now (guards are not run to build this list).
struct AvailableAction {
  std::string id;
  std::string title;
  std::vector<const FieldDef*> fields;
};

// What the case JSON shows besides the case itself, for one user.
struct CaseExtras {
  std::shared_ptr<const ProcedureSet> set;  // keeps the FieldDefs below alive
  std::vector<AvailableAction> actions;
  std::optional<Timer> deadline;
  std::string stage_title;
};

class CaseService {
 public:
  CaseService(CasePorts ports, ProcedureRegistry& procedures, const Clock& clock,
              const WorkCalendar& calendar)
      : ports_(ports), procedures_(procedures), clock_(clock), calendar_(calendar) {}

  Result<CaseOutcome> open(const Actor& actor, const OpenRequest& req);
  Result<CaseOutcome> act(const Actor& actor, int64_t case_id, const std::string& action,
                          const ActRequest& req);
  // A due timer's action, taken as `system`; the effects are dated by the due day.
  Result<Case> fire(const Timer& timer);
  // An objection to an open public notice: takes the notice stage's public action.
  Result<Objection> object(int64_t notice_id, Objection objection);
  // A public complaint opening the procedure that takes complaints about the enterprise's
  // activity (service/complaint_cases.cpp): as `public`, without the starters check, with
  // the procedure's field validation and guard.
  Result<Case> open_for_complaint(const std::string& procedure, const std::string& uscc,
                                  JsonObject data);

  Result<Case> get(const Actor& actor, int64_t id);
  Page<Case> list(const Actor& actor, CaseQuery q);
  // Events as `actor` may see them (core/case_view.hpp): votes named only to deciding roles.
  Result<Page<CaseEvent>> history(const Actor& actor, int64_t id, const PageRequest& page);
  // The objections filed against the case's notices, with the objectors' names and
  // contacts: only for the staff who decide objections (and admin), else forbidden.
  Result<std::vector<Objection>> objections(const Actor& actor, int64_t id);
  Result<std::vector<Document>> documents(const Actor& actor, int64_t id);
  Result<Document> document(const Actor& actor, int64_t id, const std::string& name);

  // The case JSON's extras for `actor` now; for an outcome, as the outcome recorded them.
  CaseExtras extras(const Actor& actor, const Case& c);
  CaseExtras extras(const Actor& actor, const CaseOutcome& out);

  // Called after a transition that corrected records of the enterprise (fx.correct_records)
  // has committed: grades are dynamic, the classification re-grades it.
  void on_archive_changed(std::function<void(const std::string& uscc)> f) {
    on_archive_changed_ = std::move(f);
  }

 private:
  struct Loaded;  // a case with its procedure, stage and action (case_actions.cpp)
  // The checks before the action's own, in API.md's order: not_found, conflict,
  // invalid_transition, forbidden.
  Result<Loaded> load_for_action(const Actor& actor, int64_t case_id, const std::string& action,
                                 std::optional<int64_t> rev);
  Status plan_vote(const Actor& actor, const Loaded& l, const CaseContext& ctx,
                   const ActRequest& req, Transition& t, bool& voted_after);
  Status plan_action(const Actor& actor, const Loaded& l, const CaseContext& ctx,
                     const ActRequest& req, Transition& t);

  // `voted`: whether the actor has voted in the case's current round.
  std::vector<AvailableAction> available_actions(const Actor& actor, const Case& c,
                                                 const ProcedureDef& def, bool voted) const;
  bool has_voted(const Actor& actor, const Case& c, const StageDef* stage);
  // Commits an accepted request: its audit entry and Idempotency-Key record, then the store.
  Result<CaseOutcome> commit(Transition t, const Actor& actor, const std::string& key,
                             const std::string& hash, bool voted_after, bool opening);
  std::optional<Result<CaseOutcome>> replay(const Actor& actor, const std::string& key,
                                            const std::string& hash);
  void fire_if_due(CaseOutcome& out, Instant now);

  // Commits a transition through `open_case` or `commit`, then runs the hooks.
  Result<Case> store_transition(Transition t, bool opening);

  std::function<void(const std::string&)> on_archive_changed_;
  CasePorts ports_;
  ProcedureRegistry& procedures_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
};

}  // namespace qc
