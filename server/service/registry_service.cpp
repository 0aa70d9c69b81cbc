#include "service/registry_service.hpp"

#include <boost/json.hpp>

#include "core/access.hpp"
#include "core/categories.hpp"
#include "core/region.hpp"
#include "core/uscc.hpp"

namespace qc {

namespace {
bool may_write_archive(const Actor& a, const std::string& region) {
  return is_admin(a) || may_act(a, "samr", Level::none, region, "");
}
}  // namespace

Result<Enterprise> RegistryService::create_enterprise(const Actor& actor, Enterprise e) {
  if (auto s = require_role(actor, {"samr"}); !s) return s.take_error();
  if (auto problem = uscc_problem(e.uscc); !problem.empty())
    return err(ErrorCode::invalid_uscc, "uscc: " + problem, "uscc");
  if (e.name.empty()) return err(ErrorCode::validation, "name is required", "name");
  if (!region_code_known(e.region))
    return err(ErrorCode::validation,
               "region must be the GB/T 2260 code of a province, city or county", "region");
  if (auto problem = uscc_region_problem(e.uscc, e.region); !problem.empty())
    return err(ErrorCode::validation, "uscc: " + problem, "uscc");
  if (!e.established_on.ok())
    return err(ErrorCode::validation, "established_on must be a date YYYY-MM-DD", "established_on");
  if (!may_write_archive(actor, e.region))
    return err(ErrorCode::forbidden,
               "only market regulation staff of the region register enterprises");
  auto s = archive_.insert_enterprise(
      e, AuditEntry{0,
                    clock_.now(),
                    actor.username,
                    "enterprise.create",
                    boost::json::object{{"uscc", e.uscc}, {"name", e.name}, {"region", e.region}},
                    {},
                    {}});
  if (!s) return s.take_error();
  return e;
}

Result<Enterprise> RegistryService::enterprise(const Actor& actor, const std::string& uscc) {
  auto e = archive_.enterprise(uscc);
  if (!e || !may_read(actor, e->region, e->uscc))
    return err(ErrorCode::not_found, "no enterprise " + uscc);
  return std::move(*e);
}

Page<Enterprise> RegistryService::enterprises(const Actor& actor, EnterpriseQuery q) {
  q.scope = scope_of(actor);
  return archive_.enterprises(q);
}

Result<QualityRecord> RegistryService::add_record(const Actor& actor, const std::string& uscc,
                                                  QualityRecord r) {
  if (auto s = require_role(actor, {"samr"}); !s) return s.take_error();
  auto e = enterprise(actor, uscc);
  if (!e) return e.take_error();
  if (!may_write_archive(actor, e->region))
    return err(ErrorCode::forbidden,
               "only market regulation staff of the jurisdiction add records");
  const auto kind = record_kind_of(r.category);
  if (kind.empty()) return err(ErrorCode::validation, "unknown category " + r.category, "category");
  if (r.kind != kind)
    return err(ErrorCode::validation,
               "category " + r.category + " is a " + std::string(kind) + " record", "kind");
  if (!r.occurred_on.ok())
    return err(ErrorCode::validation, "occurred_on must be a date YYYY-MM-DD", "occurred_on");
  if (r.source.empty()) return err(ErrorCode::validation, "source is required", "source");
  r.uscc = uscc;
  r.created_at = clock_.now();
  auto stored = archive_.insert_record(
      r, AuditEntry{0,
                    r.created_at,
                    actor.username,
                    "record.create",
                    boost::json::object{{"uscc", uscc}, {"kind", r.kind}, {"category", r.category}},
                    {},
                    {}});
  if (stored && on_record_) on_record_(stored.value());
  return stored;
}

Result<std::vector<QualityRecord>> RegistryService::records(const Actor& actor,
                                                            const std::string& uscc,
                                                            bool include_corrected) {
  auto e = enterprise(actor, uscc);
  if (!e) return e.take_error();
  return include_corrected ? archive_.archive_records(uscc) : archive_.records(uscc);
}

Result<QualityRecord> RegistryService::correct_record(const Actor& actor, const std::string& uscc,
                                                      int64_t id, const std::string& reason) {
  if (auto s = require_role(actor, {"samr"}); !s) return s.take_error();
  auto e = enterprise(actor, uscc);
  if (!e) return e.take_error();
  if (!is_admin(actor) && !may_act(actor, "samr", Level::province, e->region, ""))
    return err(ErrorCode::forbidden,
               "only provincial market regulation staff of the jurisdiction correct records");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return err(ErrorCode::validation, "reason is required", "reason");
  RecordCorrection c{reason, actor.username, clock_.now(), std::nullopt};
  auto stored =
      archive_.correct_record(uscc, id, c,
                              AuditEntry{0,
                                         c.at,
                                         actor.username,
                                         "record.correct",
                                         boost::json::object{{"uscc", uscc}, {"reason", reason}},
                                         {},
                                         {}});
  if (stored && on_record_) on_record_(stored.value());
  return stored;
}

Page<Grant> RegistryService::grants(const Actor& actor, GrantQuery q) {
  q.scope = scope_of(actor);
  return registers_.grants(q);
}

Page<Ban> RegistryService::bans(const Actor& actor, BanQuery q) {
  q.scope = scope_of(actor);
  return registers_.bans(q);
}

Page<Listing> RegistryService::listings(const Actor& actor, ListingQuery q) {
  q.scope = scope_of(actor);
  return registers_.listings(q);
}

}  // namespace qc
