#pragma once
// The routes of API.md v1, bound to the services. Handlers are thin: parse, call one
// service function, map the result.
#include "auth/auth_service.hpp"
#include "auth/user_admin.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "service/audit_reads.hpp"
#include "service/archive_import.hpp"
#include "service/case_service.hpp"
#include "service/commitment_report.hpp"
#include "service/complaint_service.hpp"
#include "service/classification_service.hpp"
#include "service/procedures.hpp"
#include "service/registry_service.hpp"
#include "service/report_service.hpp"
#include "service/sim_clock.hpp"
#include "timers/timer_worker.hpp"

namespace qc::http {

struct Api {
  Store& store;
  AuthService& auth;
  RateLimiter& limiter;
  CaseService& cases;
  RegistryService& registry;
  ProcedureRegistry& procedures;
  TimerWorker& timers;
  Metrics& metrics;
  const Clock& clock;            // the domain clock (simulated when enabled)
  const Clock& real_clock;       // sessions and rate limits
  StoredOffsetClock* sim_clock;  // null unless --simulated-clock
  bool secure_cookies = false;   // served over TLS (behind a terminating proxy)
  // Account management and the audit trail (api_users.cpp, api_audit.cpp).
  UserAdmin& users;
  AuditReads& audit_reads;
  // Public complaints and the commitment report (set by app/ before routes are added).
  ComplaintService* complaints = nullptr;
  CommitmentReportService* commitment_report = nullptr;
  // National A/B/C/D classification and the archive import (set by app/ after wiring).
  ClassificationService* classification = nullptr;
  ArchiveImport* archive_import = nullptr;
  ReportService* reports = nullptr;  // yearly quality-credit reports (api_reports.cpp)
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
  if (api.reports) add_credit_report_routes(r, api);
  add_openapi_route(r);
}

}  // namespace qc::http
