// Reading the registers. Grants, bans and listings are scoped by the region of the
// enterprise they belong to.
#include "store/audit_log.hpp"
#include "store/errors.hpp"
#include "store/rows.hpp"
#include "store/sql.hpp"
#include "store/sql_store.hpp"

namespace qc::store {

Page<Grant> SqlStore::grants(const GrantQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "e.region", "g.uscc")
        .eq("g.uscc", q.uscc)
        .eq("g.family", q.family)
        .eq("g.grade", q.grade)
        .eq("g.status", q.status)
        .prefix("e.region", q.region);
    if (q.published_only) w.add("g.published = 1");
    if (q.public_only)
      w.add(
          "g.published = 1 AND g.status = 'active' AND NOT (g.family LIKE 'national.%' "
          "AND g.grade IN ('B', 'C'))");
    auto sql = db_.read();
    return fetch_page<GrantRow>(*sql, GrantRow::kColumns,
                                "grants g JOIN enterprises e ON e.uscc = g.uscc", w, "g.id",
                                q.page);
  });
}

int64_t SqlStore::expire_grants(Date today, AuditEntry audit) {
  return plain([&] {
    const std::string d = date_text(today);
    WriteTx tx = db_.write();
    std::vector<int64_t> ids;
    for (auto id : fetch_all<IntRow>(tx.sql(), Sql("SELECT id FROM grants WHERE status IN "
                                                   "('active', 'suspended') AND valid_to < ?",
                                                   {d})))
      if (id) ids.push_back(*id);
    if (ids.empty()) return int64_t{0};
    exec(tx.sql(), Sql("UPDATE grants SET status = 'expired' WHERE status IN ('active', "
                       "'suspended') AND valid_to < ?",
                       {d}));
    boost::json::array listed;
    for (auto id : ids) listed.push_back(id);
    if (!audit.detail.is_object()) audit.detail = boost::json::object{};
    audit.detail.as_object()["grants"] = std::move(listed);
    append_audit_entry(tx, std::move(audit));
    tx.commit();
    return static_cast<int64_t>(ids.size());
  });
}

Page<Ban> SqlStore::bans(const BanQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "e.region", "b.uscc").eq("b.uscc", q.uscc).eq("b.family", q.family);
    if (q.active_on) {
      // ISO dates compare correctly as text.
      const std::string d = date_text(*q.active_on);
      w.add("b.from_date <= ? AND b.until_date >= ?", {d, d});
    }
    auto sql = db_.read();
    return fetch_page<BanRow>(*sql, BanRow::kColumns,
                              "bans b JOIN enterprises e ON e.uscc = b.uscc", w, "b.id", q.page);
  });
}

Page<Listing> SqlStore::listings(const ListingQuery& q) {
  return plain([&] {
    Where w;
    w.scope(q.scope, "e.region", "l.uscc")
        .eq("l.uscc", q.uscc)
        .eq("l.activity", q.activity)
        .eq("l.status", q.status);
    auto sql = db_.read();
    return fetch_page<ListingRow>(*sql, ListingRow::kColumns,
                                  "listings l JOIN enterprises e ON e.uscc = l.uscc", w, "l.id",
                                  q.page);
  });
}

Page<Notice> SqlStore::open_notices(const PageRequest& page) {
  return plain([&] {
    Where w;
    w.add("n.is_open = 1");
    auto sql = db_.read();
    return fetch_page<NoticeRow>(*sql, NoticeRow::kColumns, "notices n", w, "n.opens, n.id", page);
  });
}

std::optional<Notice> SqlStore::notice(int64_t id) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(NoticeRow::kColumns).add(" FROM notices n WHERE n.id = ?", {id});
    return fetch_one<NoticeRow>(*sql, std::move(q));
  });
}

std::vector<Objection> SqlStore::objections(int64_t case_id) {
  return plain([&] {
    auto sql = db_.read();
    Sql q("SELECT ");
    q.add(ObjectionRow::kColumns)
        .add(" FROM objections o WHERE o.case_id = ? ORDER BY o.at, o.id", {case_id});
    return fetch_all<ObjectionRow>(*sql, std::move(q));
  });
}

Page<Announcement> SqlStore::announcements(const AnnouncementQuery& q) {
  return plain([&] {
    Where w;
    w.eq("a.kind", q.kind).eq("a.family", q.family);
    if (q.live_only) w.add("a.withdrawn_on IS NULL");
    if (q.standing_only)
      w.add(
          "(NOT EXISTS (SELECT 1 FROM grants sg WHERE sg.case_id = a.case_id AND sg.uscc = "
          "a.uscc AND sg.family = a.family) OR EXISTS (SELECT 1 FROM grants sg WHERE "
          "sg.case_id = a.case_id AND sg.uscc = a.uscc AND sg.family = a.family AND "
          "sg.status = 'active'))");
    auto sql = db_.read();
    // Newest first, as a public bulletin reads.
    return fetch_page<AnnouncementRow>(*sql, AnnouncementRow::kColumns, "announcements a", w,
                                       "a.announced_on DESC, a.id DESC", q.page);
  });
}

}  // namespace qc::store
