#include "service/effects.hpp"

#include <boost/json/serialize.hpp>
#include <set>

#include "core/bans.hpp"
#include "core/categories.hpp"

namespace qc {

namespace {

Error bad_effect(const Effect& fx, const std::string& why) {
  return err(ErrorCode::internal, "procedure " + std::string("effect fx.") + fx.kind + ": " + why);
}

std::string str_arg(const JsonObject& a, const char* key, std::string fallback = {}) {
  const auto* v = a.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : fallback;
}

std::optional<int64_t> int_arg(const JsonObject& a, const char* key) {
  const auto* v = a.if_contains(key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) return static_cast<int64_t>(v->as_uint64());
  if (v->is_double()) return static_cast<int64_t>(v->as_double());
  return std::nullopt;
}

// The grants an effect targets: the one named by grant_id (which must belong to the case's
// enterprise), else the enterprise's grants in the family that are in one of `statuses`.
Result<std::vector<Grant>> target_grants(const Effect& fx, const EffectContext& ctx,
                                         std::initializer_list<std::string_view> statuses) {
  GrantQuery q;
  q.scope.all = true;
  q.uscc = ctx.c.enterprise;
  q.page.per_page = 500;
  const auto id = int_arg(fx.args, "grant_id");
  if (!id) q.family = str_arg(fx.args, "family", ctx.def.family);
  std::vector<Grant> out;
  for (auto& g : ctx.ports.registers.grants(q).items) {
    if (id) {
      if (g.id == *id) out.push_back(g);
      continue;
    }
    for (auto s : statuses)
      if (g.status == s) out.push_back(g);
  }
  if (id && out.empty())
    return bad_effect(fx, "grant " + std::to_string(*id) + " is not a grant of this enterprise");
  return out;
}

Status change_grants(const Effect& fx, const EffectContext& ctx, RegisterWrites& w,
                     std::initializer_list<std::string_view> from, const std::string& to) {
  auto grants = target_grants(fx, ctx, from);
  if (!grants) return grants.take_error();
  for (const auto& g : *grants) w.grant_status.emplace_back(g.id, to);
  return ok_status();
}

// fx.correct_records{records = {id, …}, reason = "…"}: each id an uncorrected record of
// the case's enterprise. The guard that collected the ids should have refused a wrong one
// (naming its field); here a wrong id is a procedure bug and fails the action.
Status correct_records(const Effect& fx, const EffectContext& ctx, RegisterWrites& w) {
  const auto reason = str_arg(fx.args, "reason");
  const auto* ids = fx.args.if_contains("records");
  if (reason.empty() || !ids) return bad_effect(fx, "needs records and a reason");
  if (!ids->is_array()) return ok_status();  // {}: an empty list, nothing to correct
  std::set<int64_t> live;
  for (const auto& r : ctx.ports.archive.records(ctx.c.enterprise)) live.insert(r.id);
  std::set<int64_t> seen;
  for (const auto& v : ids->get_array()) {
    if (!v.is_int64() || !live.contains(v.get_int64()))
      return bad_effect(fx, boost::json::serialize(v) +
                                " is not an uncorrected record of enterprise " + ctx.c.enterprise);
    if (!seen.insert(v.get_int64()).second) continue;
    w.record_corrections.emplace_back(v.get_int64(),
                                      RecordCorrection{reason, ctx.actor, ctx.now, ctx.c.id});
  }
  return ok_status();
}

// The open applications a new ban ends: the cases of every procedure of its scheme (its
// family), each told in a written notice.
BanClosure closure_for(const Ban& b, const EffectContext& ctx) {
  BanClosure out;
  out.reason = b.reason;
  out.basis = b.basis;
  out.until = b.until;
  if (ctx.set)
    for (const ProcedureDef* d : ctx.set->all())
      if (d->family == b.family &&
          std::find(out.procedures.begin(), out.procedures.end(), d->id) == out.procedures.end())
        out.procedures.push_back(d->id);
  out.notice.name = "ban_termination_notice";
  out.notice.title = "终止办理通知书";
  out.notice.html =
      render_document(out.notice.title,
                      "因" + with_basis(b.reason, b.basis) + "，你单位" + format_date(b.until) +
                          "前不得在该事项中申报。依此规定，你单位正在办理的本申请终止办理。",
                      ctx);
  out.notice.created_at = ctx.now;
  return out;
}

Status ban(const Effect& fx, const EffectContext& ctx, RegisterWrites& w) {
  const auto years = int_arg(fx.args, "years");
  if (!years || *years <= 0) return bad_effect(fx, "needs a positive number of years");
  Ban b;
  b.uscc = ctx.c.enterprise;
  b.family = str_arg(fx.args, "family", ctx.def.family);
  b.reason = str_arg(fx.args, "reason");
  b.basis = str_arg(fx.args, "basis", ctx.basis);
  b.from = ctx.today;
  b.until = term_end(ctx.today, static_cast<int>(*years));
  b.case_id = ctx.c.id;
  w.ban_closures.push_back(closure_for(b, ctx));
  w.new_bans.push_back(std::move(b));
  return ok_status();
}

// fx.record{category = "…", detail = "…", occurred_on = "YYYY-MM-DD"?, basis = "…"?}: an
// outcome of the procedure written to the enterprise's quality archive, so that later
// eligibility checks and the A/B/C/D classification see it.
Status record(const Effect& fx, const EffectContext& ctx, RegisterWrites& w) {
  QualityRecord r;
  r.uscc = ctx.c.enterprise;
  r.category = str_arg(fx.args, "category");
  r.kind = std::string(record_kind_of(r.category));
  if (r.kind.empty()) return bad_effect(fx, "unknown record category '" + r.category + "'");
  r.detail = str_arg(fx.args, "detail");
  if (r.detail.empty()) return bad_effect(fx, "needs a detail");
  r.occurred_on = ctx.today;
  if (const auto on = str_arg(fx.args, "occurred_on"); !on.empty()) {
    auto d = parse_date(on);
    if (!d || *d > ctx.today) return bad_effect(fx, "occurred_on '" + on + "' is not a past date");
    r.occurred_on = *d;
  }
  r.source = ctx.def.title;
  r.basis = str_arg(fx.args, "basis", ctx.basis);
  r.created_at = ctx.now;
  w.new_records.push_back(std::move(r));
  return ok_status();
}

}  // namespace

Status apply_effect(const Effect& fx, const EffectContext& ctx, JsonObject& data,
                    RegisterWrites& w) {
  const auto& a = fx.args;
  const std::string family = str_arg(a, "family", ctx.def.family);
  if (fx.kind == "set") {
    for (const auto& [k, v] : a) data[k] = v;
  } else if (fx.kind == "grant") {
    const auto years = int_arg(a, "years");
    const auto grade = str_arg(a, "grade");
    if (grade.empty() || !years || *years <= 0)
      return bad_effect(fx, "needs grade and a positive number of years");
    Grant g;
    g.uscc = ctx.c.enterprise;
    g.family = family;
    g.grade = grade;
    g.valid_from = ctx.today;
    g.valid_to = term_end(ctx.today, static_cast<int>(*years));
    g.case_id = ctx.c.id;
    const auto* pub = a.if_contains("published");
    g.published = !pub || !pub->is_bool() || pub->as_bool();
    w.new_grants.push_back(std::move(g));
  } else if (fx.kind == "suspend") {
    return change_grants(fx, ctx, w, {"active"}, "suspended");
  } else if (fx.kind == "reinstate") {
    return change_grants(fx, ctx, w, {"suspended"}, "active");
  } else if (fx.kind == "revoke") {
    return change_grants(fx, ctx, w, {"active", "suspended"}, "revoked");
  } else if (fx.kind == "ban") {
    return ban(fx, ctx, w);
  } else if (fx.kind == "record") {
    return record(fx, ctx, w);
  } else if (fx.kind == "list") {
    Listing l;
    l.uscc = ctx.c.enterprise;
    l.activity = str_arg(a, "activity", ctx.def.family);
    l.since = ctx.today;
    l.case_id = ctx.c.id;
    w.new_listings.push_back(std::move(l));
  } else if (fx.kind == "delist") {
    ListingQuery q;
    q.scope.all = true;
    q.uscc = ctx.c.enterprise;
    q.activity = str_arg(a, "activity", ctx.def.family);
    q.status = "listed";
    q.page.per_page = 500;
    for (const auto& l : ctx.ports.registers.listings(q).items)
      w.listing_status.emplace_back(l.id, "delisted");
  } else if (fx.kind == "announce") {
    Announcement an;
    an.kind = str_arg(a, "kind");
    an.title = str_arg(a, "title");
    if (an.kind.empty() || an.title.empty()) return bad_effect(fx, "needs kind and title");
    an.family = family;
    an.uscc = ctx.c.enterprise;
    an.body = str_arg(a, "body");
    an.date = ctx.today;
    an.case_id = ctx.c.id;
    w.announcements.push_back(std::move(an));
  } else if (fx.kind == "document") {
    Document d;
    d.case_id = ctx.c.id;
    d.name = str_arg(a, "name");
    d.title = str_arg(a, "title");
    if (d.name.empty() || d.title.empty()) return bad_effect(fx, "needs name and title");
    const auto* outline = a.if_contains("outline");
    d.html = outline ? render_outline_document(d.title, *outline, ctx)
                     : render_document(d.title, str_arg(a, "body"), ctx);
    d.created_at = ctx.now;
    w.documents.push_back(std::move(d));
  } else if (fx.kind == "correct_records") {
    return correct_records(fx, ctx, w);
  } else {
    return bad_effect(fx, "unknown effect");
  }
  return ok_status();
}

}  // namespace qc
