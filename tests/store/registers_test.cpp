// Register writes made by transitions, and the register reads.
#include "store_fixture.hpp"

namespace qc::test {
namespace {

using std::chrono::year;

const Enterprise kNanjing = enterprise("91320102MA1AAAAA01", "320102", "南京甲公司");
const Enterprise kBeijing = enterprise("91110101MA1AAAAA03", "110101", "北京丙公司");

class RegisterStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(store().insert_enterprise(kNanjing, audit_of("enterprise.create")));
    ASSERT_TRUE(store().insert_enterprise(kBeijing, audit_of("enterprise.create")));
  }
  // Opens a case of `e` whose opening transition carries `w`.
  Case open_with(const Enterprise& e, RegisterWrites w) {
    Transition t = opening(e);
    t.writes = std::move(w);
    auto c = store().open_case(t);
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : Case{};
  }
  Result<Case> commit_with(const Case& c, RegisterWrites w, Instant at = at_day(5)) {
    Transition t = step(c, "act", c.stage, at);
    t.writes = std::move(w);
    return store().commit(t);
  }
  static Grant grant(const Enterprise& e, const std::string& grade, bool published = true,
                     const std::string& family = "jiangsu.quality_grade") {
    Grant g;
    g.uscc = e.uscc;
    g.family = family;
    g.grade = grade;
    g.valid_from = year{2026} / 3 / 2;
    g.valid_to = year{2031} / 3 / 1;
    g.published = published;
    return g;
  }
};
QC_STORE_BACKENDS(RegisterStoreTest);

TEST_P(RegisterStoreTest, GrantsAreWrittenScopedAndChangeStatus) {
  RegisterWrites w;
  w.new_grants = {grant(kNanjing, "AA"), grant(kNanjing, "B", false, "national.abcd")};
  Case c = open_with(kNanjing, w);
  RegisterWrites other;
  other.new_grants = {grant(kBeijing, "A")};
  open_with(kBeijing, other);

  GrantQuery q;
  q.scope.all = true;
  auto all = store().grants(q);
  ASSERT_EQ(all.total, 3);
  EXPECT_EQ(all.items[0].case_id, c.id);
  EXPECT_EQ(all.items[0].grade, "AA");
  EXPECT_EQ(all.items[0].status, "active");
  EXPECT_EQ(all.items[0].valid_to, (year{2031} / 3 / 1));

  q.published_only = true;
  EXPECT_EQ(store().grants(q).total, 2);
  q.published_only = false;
  q.region = "11";
  EXPECT_EQ(store().grants(q).items.at(0).uscc, kBeijing.uscc);

  GrantQuery scoped;  // scoped by the enterprise's region
  scoped.scope.region_prefixes = {"3201"};
  EXPECT_EQ(store().grants(scoped).total, 2);
  scoped.grade = "AA";
  EXPECT_EQ(store().grants(scoped).total, 1);

  RegisterWrites change;
  change.grant_status = {{all.items[0].id, "suspended"}};
  ASSERT_TRUE(commit_with(c, change));
  GrantQuery by_status;
  by_status.scope.all = true;
  by_status.status = "suspended";
  auto suspended = store().grants(by_status);
  ASSERT_EQ(suspended.total, 1);
  EXPECT_EQ(suspended.items[0].id, all.items[0].id);

  RegisterWrites bad;
  bad.grant_status = {{999999, "revoked"}};
  auto r = commit_with(*store().case_by_id(c.id), bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
  EXPECT_EQ(store().case_by_id(c.id)->rev, 2);
}

TEST_P(RegisterStoreTest, BansFilterByTheDayTheyCover) {
  RegisterWrites w;
  w.new_bans = {Ban{0, kNanjing.uscc, "jiangsu.quality_grade", "严重失信", year{2026} / 3 / 2,
                    year{2029} / 3 / 1, 0, ""}};
  Case c = open_with(kNanjing, w);
  BanQuery q;
  q.scope.all = true;
  auto all = store().bans(q);
  ASSERT_EQ(all.total, 1);
  EXPECT_EQ(all.items[0].case_id, c.id);
  EXPECT_EQ(all.items[0].reason, "严重失信");
  EXPECT_EQ(all.items[0].from, (year{2026} / 3 / 2));
  q.active_on = year{2029} / 3 / 1;  // the last day counts
  EXPECT_EQ(store().bans(q).total, 1);
  q.active_on = year{2029} / 3 / 2;
  EXPECT_EQ(store().bans(q).total, 0);
  q.active_on = year{2026} / 3 / 1;
  EXPECT_EQ(store().bans(q).total, 0);
  q.active_on.reset();
  q.family = "other";
  EXPECT_EQ(store().bans(q).total, 0);
  BanQuery elsewhere;
  elsewhere.scope.region_prefixes = {"11"};
  EXPECT_EQ(store().bans(elsewhere).total, 0);
}

TEST_P(RegisterStoreTest, ListingsAreDelisted) {
  RegisterWrites w;
  w.new_listings = {
      Listing{0, kNanjing.uscc, "national.commitment", "listed", year{2026} / 3 / 2, 0}};
  Case c = open_with(kNanjing, w);
  ListingQuery q;
  q.scope.all = true;
  q.status = "listed";
  auto listed = store().listings(q);
  ASSERT_EQ(listed.total, 1);
  EXPECT_EQ(listed.items[0].activity, "national.commitment");

  RegisterWrites delist;
  delist.listing_status = {{listed.items[0].id, "delisted"}};
  ASSERT_TRUE(commit_with(c, delist));
  EXPECT_EQ(store().listings(q).total, 0);
  q.status = "delisted";
  q.uscc = kNanjing.uscc;
  EXPECT_EQ(store().listings(q).items.at(0).case_id, c.id);
}

TEST_P(RegisterStoreTest, AnnouncementsAreNewestFirst) {
  RegisterWrites w;
  w.announcements = {Announcement{0, "grade_announced", "jiangsu.quality_grade", kNanjing.uscc,
                                  "认定公告", "正文", year{2026} / 3 / 2, 0, std::nullopt, ""},
                     Announcement{0, "delisted", "national.commitment", kNanjing.uscc, "除名公告",
                                  "正文", year{2026} / 4 / 1, 0, std::nullopt, ""}};
  Case c = open_with(kNanjing, w);
  auto all = store().announcements({});
  ASSERT_EQ(all.total, 2);
  EXPECT_EQ(all.items[0].kind, "delisted");
  EXPECT_EQ(all.items[1].case_id, c.id);
  AnnouncementQuery q;
  q.kind = "grade_announced";
  EXPECT_EQ(store().announcements(q).items.at(0).title, "认定公告");
  q.family = "national.commitment";
  EXPECT_EQ(store().announcements(q).total, 0);
}

TEST_P(RegisterStoreTest, DocumentsAreReplacedByName) {
  RegisterWrites w;
  w.documents = {Document{0, "decision", "认定决定书", "<p>v1</p>", t0()},
                 Document{0, "notice", "公示", "<p>n</p>", t0()}};
  Case c = open_with(kNanjing, w);
  RegisterWrites again;
  again.documents = {Document{0, "decision", "认定决定书（更正）", "<p>v2</p>", at_day(1)}};
  ASSERT_TRUE(commit_with(c, again));
  auto docs = store().documents(c.id);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].name, "notice");
  EXPECT_EQ(docs[1].name, "decision");
  EXPECT_EQ(docs[1].title, "认定决定书（更正）");
  EXPECT_TRUE(docs[1].html.empty());  // the listing leaves html out
  auto d = store().document(c.id, "decision");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->html, "<p>v2</p>");
  EXPECT_EQ(d->created_at, at_day(1));
  EXPECT_FALSE(store().document(c.id, "missing").has_value());
}

TEST_P(RegisterStoreTest, NoticesOpenCloseAndTakeObjections) {
  RegisterWrites w;
  w.open_notice =
      Notice{0,        "public_notice", 0,         "public_notice", "质量信用等级拟认定公示",
             "拟认定", "正文",          at_day(1), at_day(8),       true};
  Case c = open_with(kNanjing, w);
  auto open = store().open_notices({});
  ASSERT_EQ(open.total, 1);
  const Notice n = open.items[0];
  EXPECT_EQ(n.case_id, c.id);
  EXPECT_EQ(n.outcome, "拟认定");
  EXPECT_EQ(n.closes, at_day(8));
  EXPECT_TRUE(n.open);

  Transition object = step(c, "object", "objection_review", at_day(2));
  object.objection = Objection{0, n.id, 0, "张三", "13800000000", "有异议", at_day(2)};
  object.writes.close_notices = true;
  auto r = store().commit(object);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(store().open_notices({}).total, 0);
  auto closed = store().notice(n.id);
  ASSERT_TRUE(closed.has_value());
  EXPECT_FALSE(closed->open);
  auto objections = store().objections(c.id);
  ASSERT_EQ(objections.size(), 1u);
  EXPECT_EQ(objections[0].notice_id, n.id);
  EXPECT_EQ(objections[0].contact, "13800000000");

  // Back to the notice stage: a new notice opens, with no closing instant yet.
  Transition resume = step(*r, "dismiss", "public_notice", at_day(3));
  resume.writes.open_notice = Notice{
      0, "public_notice", 0, "public_notice", "公示", "拟认定", "", at_day(3), std::nullopt, true};
  ASSERT_TRUE(store().commit(resume));
  auto reopened = store().open_notices({});
  ASSERT_EQ(reopened.total, 1);
  EXPECT_NE(reopened.items[0].id, n.id);
  EXPECT_FALSE(reopened.items[0].closes.has_value());

  // An objection to a notice that does not exist refers to nothing: not_found.
  Transition stray = step(*store().case_by_id(c.id), "object", "objection_review", at_day(4));
  stray.objection = Objection{0, 999999, 0, "李四", "", "?", at_day(4)};
  auto bad = store().commit(stray);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace qc::test
