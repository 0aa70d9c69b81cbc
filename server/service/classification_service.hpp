#pragma once
// The national A/B/C/D classification (seeds/001 section 三): runs over a jurisdiction as
// background jobs, the internal results register, and dynamic re-grading when the archive
// changes. The rules are plugins/credit/abcd.lua; this service only feeds and stores them.
#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "core/classification.hpp"
#include "core/named.hpp"
#include "core/query.hpp"
#include "engine/plugin_function.hpp"
#include "ports/archive_store.hpp"
#include "ports/classification_store.hpp"
#include "ports/register_store.hpp"

namespace qc {

class ClassificationService {
 public:
  ClassificationService(ClassificationStore& results, ArchiveStore& archive,
                        RegisterStore& registers, std::shared_ptr<const PluginFunction> grader,
                        const Clock& clock)
      : results_(results),
        archive_(archive),
        registers_(registers),
        grader_(std::move(grader)),
        clock_(clock) {}
  ~ClassificationService();  // stops and joins running jobs
  ClassificationService(const ClassificationService&) = delete;
  ClassificationService& operator=(const ClassificationService&) = delete;

  // Starts grading every enterprise in the actor's jurisdiction (and `region`, a prefix
  // within it) as of `as_of`; returns at once with the run `running`. Only provincial or
  // national samr (or admin) start runs. A run dated other than today is a what-if run:
  // its results are kept with it (results with run_id) and nothing is published or
  // withdrawn.
  Result<ClassificationRun> start_run(const Actor& actor, Date as_of,
                                      std::optional<std::string> region);
  Result<ClassificationRun> run(const Actor& actor, int64_t id);
  // The internal register (staff of the jurisdiction; B and C included, never public).
  Result<Page<Named<Classification>>> results(const Actor& actor, ClassificationQuery q);
  // Re-grades one enterprise as of today (a record was added): stores the result and
  // withdraws a published A or D the new grade no longer supports.
  Result<Classification> regrade(const std::string& uscc, const std::string& actor);

  // Waits for every job started so far (tests, shutdown).
  void wait_idle();

 private:
  void run_job(ClassificationRun run, Scope scope);
  void finish_job(ClassificationRun& run, const Result<int64_t>& graded);
  Status withdraw_unsupported(const Classification& c, const std::string& actor);

  ClassificationStore& results_;
  ArchiveStore& archive_;
  RegisterStore& registers_;
  std::shared_ptr<const PluginFunction> grader_;
  const Clock& clock_;
  std::atomic<bool> stopping_{false};
  std::mutex jobs_mu_;
  std::list<std::thread> jobs_;
};

}  // namespace qc
