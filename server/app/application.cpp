#include "app/application.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/demo.hpp"
#include "app/memory.hpp"
#include "engine/plugin_function.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "store/store.hpp"
#include "timers/deadline_recompute.hpp"

namespace qc::app {

namespace {

int audit_verify(const Options& o) {
  auto store = open_store(o.db, 1);
  if (!store) {
    std::cerr << "audit-verify: " << store.error().message << "\n";
    return 2;
  }
  const auto v = (*store)->verify_audit();
  if (v.ok)
    std::cout << "audit chain verified: " << v.entries << " entries\n";
  else
    std::cout << "audit chain broken at seq " << v.broken_seq << ": " << v.reason << "\n";
  const auto ev = (*store)->verify_events();
  if (ev.ok)
    std::cout << "case event chains verified: " << ev.events << " events in " << ev.cases
              << " cases\n";
  else
    std::cout << "case event chain broken: case " << ev.broken_case << " event " << ev.broken_seq
              << ": " << ev.reason << "\n";
  return v.ok && ev.ok ? 0 : 1;
}

std::string server_identity() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid());
}

int serve(const Options& o) {
  limit_malloc_arenas();
  MemoryReturner memory_returner;
  const auto colon = o.listen.rfind(':');
  http::ServerOptions so;
  so.host = o.listen.substr(0, colon);
  try {
    so.port = static_cast<unsigned short>(std::stoi(o.listen.substr(colon + 1)));
  } catch (const std::exception&) {
    std::cerr << "--listen: bad port in " << o.listen << "\n";
    return 2;
  }
  so.io_threads = o.threads;
  so.worker_threads = o.workers;
  so.import_limit = o.import_limit;
  so.max_connections = o.max_connections;
  so.reserved_connections = o.reserved_connections;
  so.max_connections_per_address = o.max_connections_per_address;
  so.header_timeout = std::chrono::seconds(o.header_timeout);
  if (std::filesystem::is_directory(o.web)) so.web_dir = o.web;

  auto opened = open_store(o.db, so.worker_threads + 2);
  if (!opened) {
    spdlog::critical("cannot open database {}: {}", o.db, opened.error().message);
    return 1;
  }
  Store& store = **opened;
  auto calendar = WorkCalendar::from_file(o.calendar);
  if (!calendar) {
    spdlog::critical("{}", calendar.error().message);
    return 1;
  }

  SystemClock real_clock;
  std::unique_ptr<StoredOffsetClock> sim;
  if (o.simulated_clock) sim = std::make_unique<StoredOffsetClock>(store, real_clock);
  const Clock& clock = sim ? static_cast<const Clock&>(*sim) : real_clock;
  // A calendar refreshed by scripts/update-calendar may cover years that deadlines were
  // counted into by rule: count those again before anything fires.
  const RecomputeSummary recount = recompute_provisional_deadlines(store, *calendar, clock.now());
  if (recount.checked > 0)
    spdlog::info("provisional deadlines checked={} recomputed={}", recount.checked, recount.moved);

  ProcedureRegistry procedures(Engine(o.workflows, o.plugins, SandboxLimits{}), store, store,
                               clock);
  if (auto loaded = procedures.reload("system"); !loaded) {
    spdlog::critical("procedures in {} did not load:", o.workflows);
    for (const auto& d : loaded.error().details.as_array())
      spdlog::critical("  {}:{}: {}", d.at("file").as_string().c_str(), d.at("line").as_int64(),
                       d.at("message").as_string().c_str());
    return 1;
  }

  RateLimits limits = login_rate_limits();
  limits.bucket_by_kind.emplace("objection-addr", BucketPolicy{10});
  limits.bucket_by_kind.emplace("complaint-addr", BucketPolicy{10});
  RateLimiter limiter(limits);
  AuthService auth(store, store, real_clock, limiter);
  if (const char* pw = std::getenv("QCREDIT_ADMIN_PASSWORD"); pw && *pw) {
    if (auto s = auth.ensure_admin(pw); !s)
      spdlog::error("admin user not created: {}", s.error().message);
  }
  CaseService cases(CasePorts::of(store), procedures, clock, *calendar);
  RegistryService registry(store, store, clock);
  ReportService reports(store, store, store, procedures, clock, "national.credit_report");
  TimerWorker timers(store, store, cases, clock, TimerWorker::Options{server_identity()});
  // The national classification's rules are plugins/credit/abcd.lua (docs/records.md).
  // One call grades a batch of enterprises: a larger budget than a single guard's.
  SandboxLimits batch_limits;
  batch_limits.instructions = 2'000'000'000;
  batch_limits.deadline = std::chrono::seconds(60);
  auto grader = PluginFunction::load(o.plugins, batch_limits, "credit.abcd", "classify_batch");
  if (!grader) {
    spdlog::critical("plugins/credit/abcd.lua did not load: {}", grader.error().message);
    return 1;
  }
  ClassificationService classification(store, store, store, grader.value(), clock);
  auto regrade = [&classification](const std::string& uscc) {
    if (auto c = classification.regrade(uscc, "system"); !c)
      spdlog::error("re-grade uscc={} failed: {}", uscc, c.error().message);
  };
  registry.on_record([regrade](const QualityRecord& r) { regrade(r.uscc); });
  cases.on_archive_changed(regrade);
  ArchiveImport archive_import(store, clock);
  archive_import.on_record(regrade);
  if (o.demo) load_demo(store, auth, registry, cases);

  http::Metrics metrics;
  timers.on_lag = [&metrics](double s) { metrics.set_timer_lag_seconds(s); };
  http::Router router;
  UserAdmin user_admin(store, store, real_clock);
  AuditReads audit_reads(store, store);
  ComplaintService complaints(store, store, store, cases, procedures, clock);
  CommitmentReportService commitment_report(store, store, store, store);
  PublicPortal portal(store, store, store);
  Operations operations(store, store, procedures);
  ClockControl clock_control(clock, sim.get(), timers);
  http::Api api{auth,           limiter,        real_clock, user_admin,  cases,
                registry,       procedures,     portal,     complaints,  commitment_report,
                classification, archive_import, reports,    audit_reads, operations,
                clock_control,  metrics,        false};
  http::add_api_routes(router, api);

  http::HttpServer server(so, router, metrics);
  try {
    so.port = server.listen();
  } catch (const std::exception& e) {
    spdlog::critical("cannot listen on {}: {}", o.listen, e.what());
    return 1;
  }
  spdlog::info("qcredit listening on http://{}:{} db={} procedures={} simulated_clock={}", so.host,
               so.port, store.backend(), procedures.current()->all().size(), o.simulated_clock);
  server.stop_on_signals();
  timers.start();
  server.run();
  timers.stop();
  spdlog::info("qcredit stopped");
  return 0;
}

}  // namespace

int run(const Options& options) {
  try {
    return options.command == "audit-verify" ? audit_verify(options) : serve(options);
  } catch (const std::exception& e) {
    spdlog::critical("fatal: {}", e.what());
    return 1;
  }
}

}  // namespace qc::app
