#pragma once
// Opening cases and taking actions: the checks of API.md "Cases" in their contractual order,
// the engine's guards and hooks, and one store transaction per accepted action.
#include <functional>

#include "core/query.hpp"
#include "service/procedures.hpp"
#include "store/store.hpp"

namespace qc {

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

struct CaseOutcome {
  Case c;
  bool replayed = false;  // an Idempotency-Key replay: status and body are the first answer
  int status = 200;
  std::string body;
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

// Renders the case JSON; also used to store the body an Idempotency-Key replay returns.
using CaseRenderer = std::function<std::string(const Case&, const CaseExtras&)>;

class CaseService {
 public:
  CaseService(Store& store, ProcedureRegistry& procedures, const Clock& clock,
              const WorkCalendar& calendar)
      : store_(store), procedures_(procedures), clock_(clock), calendar_(calendar) {}

  Result<CaseOutcome> open(const Actor& actor, const OpenRequest& req, const CaseRenderer& render);
  Result<CaseOutcome> act(const Actor& actor, int64_t case_id, const std::string& action,
                          const ActRequest& req, const CaseRenderer& render);
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
  Result<Page<CaseEvent>> history(const Actor& actor, int64_t id, const PageRequest& page);
  Result<std::vector<Document>> documents(const Actor& actor, int64_t id);
  Result<Document> document(const Actor& actor, int64_t id, const std::string& name);

  CaseExtras extras(const Actor& actor, const Case& c);

  // Called after a transition that corrected records of the enterprise (fx.correct_records)
  // has committed: grades are dynamic, the classification re-grades it.
  void on_records_corrected(std::function<void(const std::string& uscc)> f) {
    on_records_corrected_ = std::move(f);
  }

 private:
  // `voted`: whether the actor has voted in the case's current round.
  std::vector<AvailableAction> available_actions(const Actor& actor, const Case& c,
                                                 const ProcedureDef& def, bool voted) const;
  Result<CaseOutcome> commit(Transition t, const Actor& actor, const std::string& key,
                             const std::string& hash, const CaseRenderer& render,
                             const CaseExtras& extras, bool opening);
  std::optional<Result<CaseOutcome>> replay(const Actor& actor, const std::string& key,
                                            const std::string& hash);
  void fire_if_due(CaseOutcome& out, Instant now);

  // Commits a transition through `store_.commit` or `open_case`, then runs the hooks.
  Result<Case> store_transition(Transition t, bool opening);

  std::function<void(const std::string&)> on_records_corrected_;
  Store& store_;
  ProcedureRegistry& procedures_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
};

}  // namespace qc
