#include "service/commitment_report.hpp"

#include "core/access.hpp"

namespace qc {

namespace {

template <class T, class Query, class Fetch>
std::vector<T> all_pages(Query q, Fetch fetch) {
  std::vector<T> out;
  q.page.per_page = 500;
  for (q.page.page = 1;; ++q.page.page) {
    auto page = fetch(q);
    out.insert(out.end(), page.items.begin(), page.items.end());
    if (page.items.empty() || static_cast<int64_t>(out.size()) >= page.total) break;
  }
  return out;
}

std::string province_of(const std::string& region) {
  return region.size() == 6 ? region.substr(0, 2) + "0000" : region;
}

bool in_scope(const Scope& s, const std::string& region) {
  if (s.all) return true;
  for (const auto& p : s.region_prefixes)
    if (region.rfind(p, 0) == 0) return true;
  return false;
}

int year_of(Date d) { return static_cast<int>(d.year()); }

}  // namespace

std::string CommitmentReportService::organizer_of_case(int64_t case_id) {
  if (auto it = case_organizer_.find(case_id); it != case_organizer_.end()) return it->second;
  std::string organizer;
  if (auto c = cases_.case_by_id(case_id))
    if (const auto* v = c->data.if_contains("organizer"); v && v->is_string())
      organizer = std::string(v->as_string());
  case_organizer_[case_id] = organizer;
  return organizer;
}

std::string CommitmentReportService::organizer_of_enterprise(const std::string& uscc,
                                                             const std::string& activity) {
  ListingQuery q;
  q.scope.all = true;
  q.uscc = uscc;
  q.activity = activity;
  q.page.per_page = 500;
  auto listings = registers_.listings(q).items;
  if (listings.empty()) return {};
  return organizer_of_case(listings.back().case_id);  // the latest listing
}

Result<CommitmentReport> CommitmentReportService::report(const Actor& actor, int year,
                                                         const std::string& activity) {
  if (!is_admin(actor) && !has_role(actor, "activity_office") && !has_role(actor, "organizer") &&
      !has_role(actor, "samr"))
    return err(ErrorCode::forbidden,
               "the commitment report is for the activity office, "
               "organisers and market regulation staff");
  if (year < 2000 || year > 2100)
    return err(ErrorCode::validation, "year must be between 2000 and 2100", "year");
  case_organizer_.clear();
  Scope scope = scope_of(actor);
  scope.enterprise.reset();
  CommitmentReport r;
  r.year = year;
  r.activity = activity;
  auto count = [&](const std::string& region, const std::string& organizer, auto&& add) {
    add(r.total);
    add(r.by_region[province_of(region)]);
    if (!organizer.empty()) add(r.by_organizer[organizer]);
  };

  ListingQuery lq;
  lq.scope = scope;
  lq.activity = activity;
  for (const auto& l :
       all_pages<Listing>(lq, [&](const ListingQuery& q) { return registers_.listings(q); })) {
    if (year_of(l.since) != year) continue;
    auto e = archive_.enterprise(l.uscc);
    count(e ? e->region : "", organizer_of_case(l.case_id), [](ReportCounts& c) { ++c.listed; });
  }

  AnnouncementQuery aq;
  aq.kind = "delisted";
  aq.family = activity;
  for (const auto& a : all_pages<Announcement>(
           aq, [&](const AnnouncementQuery& q) { return registers_.announcements(q); })) {
    if (year_of(a.date) != year) continue;
    auto e = archive_.enterprise(a.uscc);
    if (!e || !in_scope(scope, e->region)) continue;
    count(e->region, organizer_of_enterprise(a.uscc, activity),
          [](ReportCounts& c) { ++c.delisted; });
  }

  ComplaintQuery cq;
  cq.scope = scope;
  for (const auto& k : all_pages<Complaint>(
           cq, [&](const ComplaintQuery& q) { return complaints_.complaints(q); })) {
    const std::string organizer = organizer_of_enterprise(k.uscc, activity);
    if (year_of(beijing_date(k.received_at)) == year)
      count(k.region, organizer, [](ReportCounts& c) { ++c.complaints_received; });
    std::optional<Instant> closed_at;
    if (k.status == "closed") {
      closed_at = k.handled_at;
    } else if (k.status == "routed" && k.case_id) {
      if (auto c = cases_.case_by_id(*k.case_id); c && c->status == "closed")
        closed_at = c->updated_at;
    }
    if (!closed_at || year_of(beijing_date(*closed_at)) != year) continue;
    const int days = static_cast<int>((std::chrono::sys_days(beijing_date(*closed_at)) -
                                       std::chrono::sys_days(beijing_date(k.received_at)))
                                          .count());
    count(k.region, organizer, [days](ReportCounts& c) {
      ++c.complaints_closed;
      c.close_days.push_back(days);
    });
  }

  for (const auto& [uscc, counts] : r.by_organizer) {
    auto e = archive_.enterprise(uscc);
    r.organizer_names[uscc] = e ? e->name : std::string();
  }
  return r;
}

}  // namespace qc
