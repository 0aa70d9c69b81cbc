#pragma once
// The routes of API.md v1, bound to the services. Handlers are thin: parse, call one
// service function, map the result. They hold services only, never a store: every rule
// (jurisdiction, roles, what is public) is the services'.
#include "auth/auth_service.hpp"
#include "auth/user_admin.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "service/archive_import.hpp"
#include "service/audit_reads.hpp"
#include "service/case_service.hpp"
#include "service/classification_service.hpp"
#include "service/commitment_report.hpp"
#include "service/complaint_service.hpp"
#include "service/operations.hpp"
#include "service/procedures.hpp"
#include "service/public_portal.hpp"
#include "service/registry_service.hpp"
#include "service/report_service.hpp"
#include "timers/clock_control.hpp"

namespace qc::http {

// Built complete by app/ (every member is set at construction).
struct Api {
  AuthService& auth;
  RateLimiter& limiter;
  const Clock& real_clock;  // sessions and rate limits
  UserAdmin& users;
  CaseService& cases;
  RegistryService& registry;
  ProcedureRegistry& procedures;
  PublicPortal& portal;
  ComplaintService& complaints;
  CommitmentReportService& commitment_report;
  ClassificationService& classification;
  ArchiveImport& archive_import;
  ReportService& reports;
  AuditReads& audit_reads;
  Operations& operations;
  ClockControl& clock;  // the domain clock (simulated when enabled)
  Metrics& metrics;
  bool secure_cookies = false;  // served over TLS (behind a terminating proxy)
};

void add_auth_routes(Router& r, Api& api);
void add_enterprise_routes(Router& r, Api& api);
void add_procedure_routes(Router& r, Api& api);
void add_case_routes(Router& r, Api& api);
void add_register_routes(Router& r, Api& api);
void add_public_routes(Router& r, Api& api);
void add_ops_routes(Router& r, Api& api);
void add_user_routes(Router& r, Api& api);
void add_audit_routes(Router& r, Api& api);
void add_complaint_routes(Router& r, Api& api);
void add_report_routes(Router& r, Api& api);
void add_classification_routes(Router& r, Api& api);
void add_credit_report_routes(Router& r, Api& api);
void add_openapi_route(Router& r);  // describes the routes added before it

inline void add_api_routes(Router& r, Api& api) {
  add_ops_routes(r, api);
  add_auth_routes(r, api);
  add_enterprise_routes(r, api);
  add_procedure_routes(r, api);
  add_case_routes(r, api);
  add_register_routes(r, api);
  add_public_routes(r, api);
  add_user_routes(r, api);
  add_audit_routes(r, api);
  add_complaint_routes(r, api);
  add_report_routes(r, api);
  add_classification_routes(r, api);
  add_credit_report_routes(r, api);
  add_openapi_route(r);
}

}  // namespace qc::http
