#pragma once
// What planning one transition of a case reads first, once per request: the procedure set
// it runs on, the enterprise, and `q` for the acting user at this instant.
#include <memory>
#include <optional>

#include "service/store_query.hpp"
#include "service/transition_plan.hpp"

namespace qc {

class CaseContext {
 public:
  // `effects_day`: the Beijing date effects are dated by (a timer's due day, else today).
  CaseContext(CasePorts ports, std::shared_ptr<const ProcedureSet> set, const ProcedureDef& def,
              const WorkCalendar& calendar, Actor actor, std::optional<Enterprise> enterprise,
              Instant now, Date effects_day)
      : set_(std::move(set)),
        enterprise_(std::move(enterprise)),
        q_(ports, calendar, std::move(actor), now),
        plan_{ports, *set_,      def, calendar, q_, enterprise_ ? &*enterprise_ : nullptr,
              now,   effects_day} {}
  CaseContext(const CaseContext&) = delete;
  CaseContext& operator=(const CaseContext&) = delete;

  const PlanContext& plan() const { return plan_; }
  const QueryPort& q() const { return q_; }
  const ProcedureSet& set() const { return *set_; }
  const ProcedureDef& def() const { return plan_.def; }
  const std::optional<Enterprise>& enterprise() const { return enterprise_; }

 private:
  std::shared_ptr<const ProcedureSet> set_;
  std::optional<Enterprise> enterprise_;
  StoreQuery q_;
  PlanContext plan_;
};

}  // namespace qc
