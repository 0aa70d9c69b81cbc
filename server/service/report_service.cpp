#include "service/report_service.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "core/access.hpp"
#include "core/region.hpp"
#include "core/zip.hpp"

namespace qc {

namespace json = boost::json;

namespace {

std::string str_of(const JsonObject& data, const char* key) {
  const auto* v = data.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

int64_t int_of(const JsonObject& data, const char* key) {
  const auto* v = data.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : 0;
}

bool contains_text(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

json::object manifest_entry(const PublishedReport& r, const std::string& stem) {
  return {{"case_id", r.case_id},
          {"uscc", r.enterprise.uscc},
          {"name", r.enterprise.name},
          {"region", r.enterprise.region},
          {"year", r.year},
          {"period_from", r.period_from},
          {"period_to", r.period_to},
          {"published_on", r.published_on},
          {"typical", r.typical},
          {"typical_reason", r.typical_reason},
          {"files", json::array{json::value(stem + ".html"), json::value(stem + ".json")}}};
}

}  // namespace

std::vector<PublishedReport> ReportService::all_published(
    const std::optional<std::string>& region) {
  std::vector<PublishedReport> out;
  CaseQuery q;
  q.scope.all = true;
  q.procedure = procedure_;
  q.page.per_page = 500;
  for (q.page.page = 1;; ++q.page.page) {
    auto page = cases_.cases(q);
    for (const auto& c : page.items) {
      const auto published_on = str_of(c.data, "published_on");
      if (published_on.empty()) continue;  // drafts and withdrawn reports are not public
      if (region && !region_contains(*region, c.region)) continue;
      auto e = archive_.enterprise(c.enterprise);
      if (!e) continue;
      const auto* typical = c.data.if_contains("typical");
      out.push_back(PublishedReport{
          c.id, std::move(*e), int_of(c.data, "year"), str_of(c.data, "period_from"),
          str_of(c.data, "period_to"), published_on,
          typical && typical->is_bool() && typical->get_bool(), str_of(c.data, "typical_reason")});
    }
    if (page.items.size() < static_cast<size_t>(q.page.per_page)) break;
  }
  std::sort(out.begin(), out.end(), [](const PublishedReport& a, const PublishedReport& b) {
    return a.year != b.year ? a.year > b.year : a.case_id < b.case_id;
  });
  return out;
}

Result<Page<PublishedReport>> ReportService::published(const ReportFilter& f) {
  if (f.region && !region_code_valid(*f.region))
    return err(ErrorCode::validation, "region must be a six-digit GB/T 2260 code", "region");
  Page<PublishedReport> page;
  const auto first = (f.page.page - 1) * f.page.per_page;
  for (auto& r : all_published(f.region)) {
    if (f.year && r.year != *f.year) continue;
    if (f.q && !f.q->empty() && !contains_text(r.enterprise.name, *f.q) &&
        !contains_text(r.enterprise.uscc, *f.q))
      continue;
    if (page.total >= first && page.total < first + f.page.per_page)
      page.items.push_back(std::move(r));
    ++page.total;
  }
  return page;
}

Result<Document> ReportService::published_html(int64_t case_id) {
  auto c = cases_.case_by_id(case_id);
  if (!c || c->procedure != procedure_ || str_of(c->data, "published_on").empty())
    return err(ErrorCode::not_found, "no published report " + std::to_string(case_id));
  auto doc = cases_.document(case_id, "report");
  if (!doc) return err(ErrorCode::not_found, "no published report " + std::to_string(case_id));
  return std::move(*doc);
}

bool ReportService::may_handle_package(const Actor& actor, const std::string& region) {
  return is_admin(actor) || may_act(actor, "samr", Level::none, region, "") ||
         may_act(actor, "organizer", Level::none, region, "");
}

Result<ReportPackage> ReportService::package(const Actor& actor, int64_t year,
                                             const std::string& region) {
  if (!region_code_valid(region))
    return err(ErrorCode::validation, "region must be a six-digit GB/T 2260 code", "region");
  if (year < 2000 || year > 2100) return err(ErrorCode::validation, "year is out of range", "year");
  if (!may_handle_package(actor, region))
    return err(ErrorCode::forbidden,
               "only SAMR or organiser staff of " + region + " may compile its report package");
  auto set = procedures_.current();
  const ProcedureDef* def = set ? set->latest(procedure_) : nullptr;
  if (!def) return err(ErrorCode::not_found, "procedure " + procedure_ + " is not loaded");
  const std::string* due_param = def->param("submission_due");
  const auto due = due_param ? parse_date(std::to_string(year) + "-" + *due_param) : std::nullopt;
  if (!due) return err(ErrorCode::internal, def->file + ": params.submission_due must be MM-DD");

  const Instant now = clock_.now();
  const Date today = beijing_date(now);
  std::vector<std::pair<std::string, std::string>> files;
  json::array entries;
  int64_t typical = 0;
  for (const auto& r : all_published(region)) {
    if (r.year != year) continue;
    const std::string stem =
        (r.typical ? "typical/" : "reports/") + r.enterprise.uscc + "-" + std::to_string(year);
    auto doc = cases_.document(r.case_id, "report");
    auto c = cases_.case_by_id(r.case_id);
    files.emplace_back(stem + ".html", doc ? doc->html : std::string());
    json::object data = c ? c->data : JsonObject();
    data.erase("schema");  // the section schema is the procedure's, not the report's
    files.emplace_back(stem + ".json",
                       json::serialize(json::object{{"case_id", r.case_id},
                                                    {"enterprise", r.enterprise.uscc},
                                                    {"name", r.enterprise.name},
                                                    {"report", std::move(data)}}));
    entries.push_back(manifest_entry(r, stem));
    typical += r.typical ? 1 : 0;
  }
  ReportPackage p;
  p.manifest = json::object{{"procedure", def->id},
                            {"year", year},
                            {"region", region},
                            {"compiled_by", actor.username},
                            {"compiled_at", format_instant(now)},
                            {"due_on", format_date(*due)},
                            {"status", today <= *due ? "on_time" : "late"},
                            {"total", static_cast<int64_t>(entries.size())},
                            {"typical", typical},
                            {"reports", std::move(entries)}};
  // The manifest goes first, so that a reader sees what the package holds before the rest.
  ZipWriter zip;
  zip.add("manifest.json", json::serialize(p.manifest));
  for (auto& [name, content] : files) zip.add(std::move(name), std::move(content));
  p.filename = "credit-reports-" + region + "-" + std::to_string(year) + ".zip";
  p.zip = zip.finish();
  return p;
}

}  // namespace qc
