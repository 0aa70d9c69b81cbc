// The yearly submission of a province's (or an association's) report package: 质检办质函
// 〔2014〕714号 四（四） asks for the typical reports and the others by 30 October. The record
// says who submitted which package when; the package itself is compiled by package().
#include <boost/json/serialize.hpp>

#include "core/access.hpp"
#include "core/hash.hpp"
#include "service/report_service.hpp"

namespace qc {

namespace {

bool may_see_packages(const Actor& a) {
  return is_admin(a) || has_role(a, "samr") || has_role(a, "organizer");
}

std::string role_of(const Actor& a, const std::string& region) {
  if (is_admin(a)) return "admin";
  return may_act(a, "samr", Level::none, region, "") ? "samr" : "organizer";
}

Error no_such_submission(int64_t id) {
  return err(ErrorCode::not_found, "no package submission " + std::to_string(id));
}

}  // namespace

Result<ReportSubmission> ReportService::submit(const Actor& actor, int64_t year,
                                               const std::string& region) {
  auto p = package(actor, year, region);
  if (!p) return p.take_error();
  const auto& m = p->manifest;
  ReportSubmission s;
  s.procedure = procedure_;
  s.year = year;
  s.region = region;
  s.submitted_by = actor.username;
  s.submitted_as = role_of(actor, region);
  s.submitted_at = clock_.now();
  s.due_on = std::string(m.at("due_on").as_string());
  s.status = std::string(m.at("status").as_string());
  s.total = m.at("total").as_int64();
  s.typical = m.at("typical").as_int64();
  s.sha256 = sha256_hex(p->zip);
  s.manifest = boost::json::serialize(m);
  AuditEntry audit{0,
                   s.submitted_at,
                   actor.username,
                   "reports.package.submit",
                   boost::json::object{{"year", year},
                                       {"region", region},
                                       {"status", s.status},
                                       {"total", s.total},
                                       {"typical", s.typical},
                                       {"sha256", s.sha256}},
                   {},
                   {}};
  return submissions_.insert_report_submission(std::move(s), std::move(audit));
}

Result<Page<ReportSubmission>> ReportService::submissions(const Actor& actor,
                                                          std::optional<int64_t> year,
                                                          std::optional<std::string> region,
                                                          PageRequest page) {
  if (!may_see_packages(actor))
    return err(ErrorCode::forbidden, "only SAMR or organiser staff may see package submissions");
  ReportSubmissionQuery q;
  q.scope = scope_of(actor);
  q.scope.enterprise.reset();
  q.year = year;
  q.region = std::move(region);
  q.page = page;
  return submissions_.report_submissions(q);
}

Result<ReportSubmission> ReportService::submission(const Actor& actor, int64_t id) {
  if (!may_see_packages(actor))
    return err(ErrorCode::forbidden, "only SAMR or organiser staff may see package submissions");
  auto s = submissions_.report_submission(id);
  if (!s) return no_such_submission(id);
  if (!may_handle_package(actor, s->region))
    return no_such_submission(id);  // outside the jurisdiction: not disclosed
  return std::move(*s);
}

}  // namespace qc
