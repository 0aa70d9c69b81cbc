#include "service/public_portal.hpp"

#include "service/named.hpp"

namespace qc {

Page<Named<PublicNotice>> PublicPortal::notices(const PageRequest& page) {
  auto open = registers_.open_notices(page);
  std::vector<PublicNotice> items;
  for (auto& n : open.items) {
    auto c = cases_.case_by_id(n.case_id);
    items.push_back(PublicNotice{std::move(n), c ? c->procedure : std::string(),
                                 c ? c->enterprise : std::string()});
  }
  return Page<Named<PublicNotice>>{
      with_names(archive_, std::move(items), [](const PublicNotice& n) { return n.enterprise; }),
      open.total};
}

Page<Named<Grant>> PublicPortal::grades(const GradeFilter& f, const PageRequest& page) {
  GrantQuery q;
  q.scope.all = true;
  q.family = f.family;
  q.grade = f.grade;
  q.region = f.region;
  q.public_only = true;
  q.page = page;
  return with_names(archive_, registers_.grants(q), [](const Grant& g) { return g.uscc; });
}

Page<Named<Listing>> PublicPortal::listings(const std::optional<std::string>& activity,
                                            const PageRequest& page) {
  ListingQuery q;
  q.scope.all = true;
  q.activity = activity;
  q.status = "listed";
  q.page = page;
  return with_names(archive_, registers_.listings(q), [](const Listing& l) { return l.uscc; });
}

Page<Named<Announcement>> PublicPortal::announcements(const std::optional<std::string>& kind,
                                                      const std::optional<std::string>& family,
                                                      const PageRequest& page) {
  AnnouncementQuery q;
  q.kind = kind;
  q.family = family;
  q.live_only = true;
  q.page = page;
  return with_names(archive_, registers_.announcements(q),
                    [](const Announcement& a) { return a.uscc; });
}

Page<Named<Announcement>> PublicPortal::blacklist(const PageRequest& page) {
  AnnouncementQuery q;
  q.kind = "blacklisted";
  q.standing_only = true;
  q.live_only = true;
  q.page = page;
  return with_names(archive_, registers_.announcements(q),
                    [](const Announcement& a) { return a.uscc; });
}

}  // namespace qc
