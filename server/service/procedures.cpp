#include "service/procedures.hpp"

#include <boost/json.hpp>

#include "core/access.hpp"

namespace qc {

namespace {
boost::json::object error_item(const std::string& file, int line, const std::string& msg) {
  return {{"file", file}, {"line", line}, {"message", msg}};
}
}  // namespace

Result<std::vector<const ProcedureDef*>> ProcedureRegistry::reload(const Actor& actor) {
  if (auto s = require_role(actor, {}); !s) return s.take_error();
  return reload(actor.username);
}

std::shared_ptr<const ProcedureSet> ProcedureRegistry::current() const {
  std::lock_guard lock(mu_);
  return set_;
}

Result<std::vector<const ProcedureDef*>> ProcedureRegistry::reload(const std::string& actor) {
  std::lock_guard reload_lock(reload_mu_);
  auto loaded = engine_.load();
  boost::json::array details;
  for (const auto& e : loaded.errors) details.push_back(error_item(e.file, e.line, e.message));

  if (loaded.set) {
    // A running case stays on the version it started with: that version must stay loaded.
    for (const auto& used : cases_.versions_in_use()) {
      if (loaded.set->find(used.procedure, used.version)) continue;
      auto old = current();
      const auto* def = old ? old->find(used.procedure, used.version) : nullptr;
      details.push_back(error_item(def ? def->file : used.procedure, 1,
                                   "version " + std::to_string(used.version) + " of " +
                                       used.procedure + " is used by active case " +
                                       std::to_string(used.case_id) +
                                       ": keep that version's file beside the new one"));
    }
  }

  if (!details.empty() || !loaded.set) {
    Error e = err(ErrorCode::validation,
                  "procedures not reloaded: " + std::to_string(details.size()) + " error(s)");
    e.details = std::move(details);
    AuditEntry audit{0,
                     clock_.now(),
                     actor,
                     "procedures.reload_failed",
                     boost::json::object{{"errors", e.details}},
                     {},
                     {}};
    audit_.append_audit(std::move(audit));
    return e;
  }

  boost::json::array names;
  for (const auto* def : loaded.set->all()) {
    cases_.record_procedure(def->id, def->version, def->source_hash, clock_.now());
    names.push_back(boost::json::object{{"id", def->id}, {"version", def->version}});
  }
  audit_.append_audit(AuditEntry{
      0, clock_.now(), actor, "procedures.reload", boost::json::object{{"loaded", names}}, {}, {}});
  {
    std::lock_guard lock(mu_);
    set_ = loaded.set;
  }
  return set_->all();
}

}  // namespace qc
