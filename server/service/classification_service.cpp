#include "service/classification_service.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <unordered_set>

#include "core/access.hpp"
#include "core/region.hpp"
#include "service/classification_batch.hpp"
#include "service/classification_pass.hpp"
#include "service/named.hpp"

namespace qc {

namespace {

bool may_classify(const Actor& a) { return is_admin(a) || has_role(a, "samr"); }

// 001 五（一）: the province organises the classification. A run is started by provincial
// (or national) market regulation, over its own region: the prefixes of those grants.
Result<Scope> run_scope(const Actor& a, const std::optional<std::string>& region) {
  Scope s;
  if (is_admin(a)) {
    s.all = true;
  } else {
    for (const auto& g : a.grants) {
      if (g.role != "samr") continue;
      const Level level = region_level(g.region);
      if (level == Level::national) s.all = true;
      if (level == Level::province) s.region_prefixes.push_back(g.region.substr(0, 2));
    }
    if (s.all) s.region_prefixes.clear();
  }
  if (!s.all && s.region_prefixes.empty())
    return err(ErrorCode::forbidden,
               "classification runs are started by provincial or national market regulation "
               "(001 五（一）)");
  if (region && !s.all &&
      std::none_of(s.region_prefixes.begin(), s.region_prefixes.end(),
                   [&](const std::string& p) { return region->starts_with(p); }))
    return err(ErrorCode::forbidden, "region " + *region + " is outside your jurisdiction",
               "region");
  return s;
}

// A run is readable by market regulation whose jurisdiction overlaps the run's region.
bool may_read_run(const Actor& a, const ClassificationRun& r) {
  if (is_admin(a)) return true;
  if (!has_role(a, "samr")) return false;
  const Scope s = scope_of(a);
  if (s.all || r.region.empty()) return true;  // a national run covers every jurisdiction
  return std::any_of(s.region_prefixes.begin(), s.region_prefixes.end(), [&](const std::string& p) {
    return !r.region.empty() && (r.region.starts_with(p) || p.starts_with(r.region));
  });
}

// A published national grade is withdrawn when the current grade no longer is it.
std::string withdrawal_kind(const std::string& grade) {
  return grade == "D" ? "blacklist_withdrawn" : "grade_revoked";
}

}  // namespace

ClassificationService::~ClassificationService() {
  stopping_ = true;
  wait_idle();
}

void ClassificationService::wait_idle() {
  std::list<std::thread> jobs;
  {
    std::lock_guard lock(jobs_mu_);
    jobs.swap(jobs_);
  }
  for (auto& t : jobs)
    if (t.joinable()) t.join();
}

Result<ClassificationRun> ClassificationService::start_run(const Actor& actor, Date as_of,
                                                           std::optional<std::string> region) {
  if (!as_of.ok()) return err(ErrorCode::validation, "as_of must be a date YYYY-MM-DD", "as_of");
  if (region && (region->empty() || region->size() > 6 ||
                 region->find_first_not_of("0123456789") != std::string::npos))
    return err(ErrorCode::validation, "region must be a GB/T 2260 code or a prefix of one",
               "region");
  auto allowed = run_scope(actor, region);
  if (!allowed) return allowed.take_error();
  const Scope scope = std::move(*allowed);
  ClassificationRun run;
  run.as_of = as_of;
  // The region graded: the one asked for, else the starter's one province.
  run.region = region.value_or(scope.region_prefixes.size() == 1 ? scope.region_prefixes[0] : "");
  run.started_by = actor.username;
  run.started_at = clock_.now();
  // Dated other than today: a what-if run, kept with the run, publishing nothing.
  run.what_if = as_of != beijing_date(run.started_at);
  run.total = archive_.count_enterprises(scope, region);
  auto stored = results_.insert_classification_run(
      run, AuditEntry{
               0,
               run.started_at,
               actor.username,
               "classification.run",
               boost::json::object{
                   {"as_of", format_date(as_of)}, {"region", run.region}, {"what_if", run.what_if}},
               {},
               {}});
  if (!stored) return stored.take_error();
  std::lock_guard lock(jobs_mu_);
  jobs_.emplace_back([this, r = stored.value(), scope] { run_job(r, scope); });
  return stored;
}

void ClassificationService::run_job(ClassificationRun run, Scope scope) {
  PassOptions o;
  o.scope = std::move(scope);
  if (!run.region.empty()) o.region = run.region;
  o.as_of = run.as_of;
  o.run_id = run.id;
  o.at = clock_.now();
  if (run.what_if) {
    // The current register, the published grades and the public lists stay as they are.
    o.write = false;
    o.on_batch = [&](int64_t done, const std::vector<Classification>& batch) {
      results_.save_run_results(run.id, batch);
      run.done = done;
      results_.update_classification_run(run);
      return !stopping_.load();
    };
    finish_job(run, run_classification_pass(archive_, results_, *grader_, o));
    return;
  }
  // The few enterprises with a published national grade, read once: only they can have
  // one to withdraw.
  std::unordered_set<std::string> published;
  GrantQuery gq;
  gq.scope = o.scope;
  gq.family = kNationalAbcdFamily;
  gq.page.per_page = 500;
  for (;; ++gq.page.page) {
    auto page = registers_.grants(gq);
    for (const auto& g : page.items)
      if (g.status == "active" || g.status == "suspended") published.insert(g.uscc);
    if (page.items.size() < 500) break;
  }
  o.on_batch = [&](int64_t done, const std::vector<Classification>& batch) {
    for (const auto& c : batch) {
      if (!published.contains(c.uscc)) continue;
      if (auto s = withdraw_unsupported(c, run.started_by); !s)
        spdlog::error("classification run={} uscc={} withdrawal failed: {}", run.id, c.uscc,
                      s.error().message);
    }
    run.done = done;
    results_.update_classification_run(run);
    return !stopping_.load();
  };
  finish_job(run, run_classification_pass(archive_, results_, *grader_, o));
}

void ClassificationService::finish_job(ClassificationRun& run, const Result<int64_t>& graded) {
  run.finished_at = clock_.now();
  if (graded) {
    run.done = *graded;
    run.status = stopping_ ? "failed" : "done";
    if (stopping_) run.error = "the server stopped during the run";
  } else {
    run.status = "failed";
    run.error = graded.error().message;
    spdlog::error("classification run={} failed: {}", run.id, run.error);
  }
  try {
    results_.update_classification_run(run);
  } catch (const std::exception& e) {
    spdlog::error("classification run={} status not stored: {}", run.id, e.what());
  }
}

Result<ClassificationRun> ClassificationService::run(const Actor& actor, int64_t id) {
  if (!may_classify(actor))
    return err(ErrorCode::forbidden, "classification runs are for market regulation staff");
  auto r = results_.classification_run(id);
  if (!r || !may_read_run(actor, *r))
    return err(ErrorCode::not_found, "no classification run " + std::to_string(id));
  return std::move(*r);
}

Result<Page<Named<Classification>>> ClassificationService::results(const Actor& actor,
                                                                   ClassificationQuery q) {
  if (!may_classify(actor))
    return err(ErrorCode::forbidden,
               "the classification register is internal to market regulation");
  if (q.grade && *q.grade != "A" && *q.grade != "B" && *q.grade != "C" && *q.grade != "D" &&
      *q.grade != "none")
    return err(ErrorCode::validation, "grade must be A, B, C, D or none", "grade");
  if (q.run_id) {
    auto r = run(actor, *q.run_id);
    if (!r) return r.take_error();
    if (!r->what_if)  // a dated-today run's results are the register itself
      q.run_id.reset();
  }
  q.scope = scope_of(actor);
  return with_names(archive_, results_.classifications(q),
                    [](const Classification& c) { return c.uscc; });
}

Result<Classification> ClassificationService::regrade(const std::string& uscc,
                                                      const std::string& actor) {
  auto e = archive_.enterprise(uscc);
  if (!e) return err(ErrorCode::not_found, "no enterprise " + uscc, "uscc");
  std::vector<ArchiveEntry> one{ArchiveEntry{*e, archive_.records(uscc)}};
  ClassificationBatch batch(*grader_);
  const Instant now = clock_.now();
  auto graded = batch.grade(one, beijing_date(now), 0, now);
  if (!graded) return graded.take_error();
  results_.save_classifications(*graded);
  if (auto s = withdraw_unsupported(graded->front(), actor); !s) return s.take_error();
  return graded->front();
}

Status ClassificationService::withdraw_unsupported(const Classification& c,
                                                   const std::string& actor) {
  GrantQuery q;
  q.scope.all = true;
  q.uscc = c.uscc;
  q.family = kNationalAbcdFamily;
  q.page.per_page = 500;
  GrantWithdrawal w;
  const Date today = beijing_date(clock_.now());
  w.on = today;
  w.reason =
      "企业质量信用等级动态调整，当前等级为" + (c.grade ? *c.grade + "级" : std::string("未评级"));
  for (const auto& g : registers_.grants(q).items) {
    if (g.status != "active" && g.status != "suspended") continue;
    if (c.grade && *c.grade == g.grade) continue;
    Announcement a;
    a.kind = withdrawal_kind(g.grade);
    a.family = kNationalAbcdFamily;
    a.uscc = c.uscc;
    a.title = g.grade == "D" ? "撤销严重失信（D级）企业公示" : "撤销守信（A级）企业公示";
    a.body = "企业质量信用等级动态调整，原公示等级" + g.grade + "级不再成立。";
    a.date = today;
    a.case_id = g.case_id;
    w.items.push_back(GrantWithdrawal::Item{g.id, std::move(a)});
  }
  if (w.items.empty()) return ok_status();
  return registers_.withdraw_grants(
      w, AuditEntry{0,
                    clock_.now(),
                    actor,
                    "classification.withdraw",
                    boost::json::object{{"uscc", c.uscc}, {"grade", c.grade ? *c.grade : "none"}},
                    {},
                    {}});
}

}  // namespace qc
