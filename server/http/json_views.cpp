#include "http/json_views.hpp"

namespace qc::http {

namespace json = boost::json;

json::object to_json(const Enterprise& e) {
  return {{"uscc", e.uscc},
          {"name", e.name},
          {"region", e.region},
          {"established_on", format_date(e.established_on)},
          {"status", e.status}};
}

json::object to_json(const QualityRecord& r) {
  json::object o{{"id", r.id},
                 {"uscc", r.uscc},
                 {"kind", r.kind},
                 {"category", r.category},
                 {"occurred_on", format_date(r.occurred_on)},
                 {"source", r.source},
                 {"detail", r.detail},
                 {"created_at", format_instant(r.created_at)}};
  // Written by a procedure outcome (fx.record): the case and the article.
  if (r.source_case_id) {
    o["source_case_id"] = *r.source_case_id;
    o["basis"] = r.basis;
  }
  // Present only on a corrected record: it is kept but no longer counts.
  if (r.correction) {
    json::object c{{"reason", r.correction->reason},
                   {"by", r.correction->by},
                   {"at", format_instant(r.correction->at)}};
    if (r.correction->case_id) c["case_id"] = *r.correction->case_id;
    o["corrected"] = std::move(c);
  }
  return o;
}

json::object to_json(const User& u) {
  json::array grants;
  for (const auto& g : u.grants)
    grants.push_back(json::object{{"role", g.role}, {"region", g.region}});
  json::object o{{"username", u.username},
                 {"display_name", u.display_name},
                 {"grants", std::move(grants)},
                 {"enterprise", nullptr},
                 {"disabled", u.disabled}};
  if (u.enterprise) o["enterprise"] = *u.enterprise;
  return o;
}

json::object to_json(const FieldDef& f) {
  json::object o{{"name", f.name}, {"type", f.type}, {"label", f.label}, {"required", f.required}};
  if (!f.options.empty()) {
    json::array opts;
    for (const auto& v : f.options) opts.push_back(json::value(v));
    o["options"] = std::move(opts);
  }
  return o;
}

json::object to_json(const Case& c, const CaseExtras& x) {
  json::array actions;
  for (const auto& a : x.actions) {
    json::array fields;
    for (const auto* f : a.fields) fields.push_back(to_json(*f));
    actions.push_back(
        json::object{{"id", a.id}, {"title", a.title}, {"fields", std::move(fields)}});
  }
  json::object o{{"id", c.id},
                 {"procedure", c.procedure},
                 {"version", c.version},
                 {"enterprise", c.enterprise},
                 {"region", c.region},
                 {"stage", c.stage},
                 {"stage_title", x.stage_title.empty() ? c.stage : x.stage_title},
                 {"status", c.status},
                 {"data", c.data},
                 {"rev", c.rev},
                 {"available_actions", std::move(actions)},
                 {"created_at", format_instant(c.created_at)},
                 {"updated_at", format_instant(c.updated_at)}};
  if (x.deadline)
    o["deadline"] = json::object{{"action", x.deadline->fire_action},
                                 {"due_at", format_instant(x.deadline->due_at)},
                                 {"provisional", x.deadline->provisional}};
  return o;
}

json::object to_json(const CaseEvent& e) {
  return {{"seq", e.seq},         {"at", format_instant(e.at)}, {"actor", e.actor},
          {"action", e.action},   {"from", e.from_stage},       {"to", e.to_stage},
          {"comment", e.comment}, {"data", e.payload},          {"hash", e.hash}};
}

json::object to_json(const Grant& g) {
  json::object o{{"id", g.id},
                 {"enterprise", g.uscc},
                 {"family", g.family},
                 {"grade", g.grade},
                 {"valid_from", format_date(g.valid_from)},
                 {"valid_to", format_date(g.valid_to)},
                 {"status", g.status},
                 {"case_id", g.case_id},
                 {"published", g.published}};
  if (g.superseded_by) o["superseded_by"] = *g.superseded_by;  // status superseded
  return o;
}

json::object to_json(const Ban& b) {
  return {{"id", b.id},
          {"enterprise", b.uscc},
          {"family", b.family},
          {"reason", b.reason},
          {"from", format_date(b.from)},
          {"until", format_date(b.until)},
          {"case_id", b.case_id},
          {"basis", b.basis}};
}

json::object to_json(const Listing& l) {
  return {{"id", l.id},         {"enterprise", l.uscc},          {"activity", l.activity},
          {"status", l.status}, {"since", format_date(l.since)}, {"case_id", l.case_id}};
}

json::object to_json(const Announcement& a) {
  json::object o{
      {"id", a.id},       {"kind", a.kind}, {"family", a.family},          {"enterprise", a.uscc},
      {"title", a.title}, {"body", a.body}, {"date", format_date(a.date)}, {"case_id", a.case_id}};
  if (a.withdrawn_on) {  // left the live public lists; its history stays readable to staff
    o["withdrawn_on"] = format_date(*a.withdrawn_on);
    o["withdrawal_reason"] = a.withdrawal_reason;
  }
  return o;
}

json::object procedure_summary(const ProcedureDef& d) {
  return {{"id", d.id},         {"version", d.version}, {"title", d.title},
          {"region", d.region}, {"family", d.family},   {"basis", d.basis}};
}

json::object procedure_detail(const ProcedureDef& d) {
  json::object o = procedure_summary(d);
  json::array fields, stages, starters;
  for (const auto& f : d.fields) fields.push_back(to_json(f));
  for (const auto& s : d.starters) starters.push_back(json::value(s));
  for (const auto& s : d.stages) {
    json::array actions;
    for (const auto& a : s.actions) {
      json::array to;
      for (const auto& t : a.to) to.push_back(json::value(t));
      json::array req;
      for (const auto& r : a.requires_fields) req.push_back(json::value(r));
      actions.push_back(json::object{{"id", a.id},
                                     {"title", a.title},
                                     {"role", a.role},
                                     {"level", to_string(a.level)},
                                     {"to", std::move(to)},
                                     {"requires", std::move(req)},
                                     {"basis", a.basis}});
    }
    json::object st{{"id", s.id},
                    {"title", s.title},
                    {"basis", s.basis},
                    {"terminal", s.terminal},
                    {"actions", std::move(actions)}};
    if (s.timer)
      st["timer"] = json::object{{"days", s.timer->days},
                                 {"workdays", s.timer->workdays},
                                 {"at", s.timer->at},
                                 {"fire", s.timer->fire},
                                 {"keep", s.timer->keep}};
    if (s.votes)
      st["votes"] = json::object{{"role", s.votes->role},     {"level", to_string(s.votes->level)},
                                 {"of", s.votes->of},         {"pass", s.votes->pass},
                                 {"passed", s.votes->passed}, {"failed", s.votes->failed}};
    if (s.notice)
      st["notice"] = json::object{{"title", s.notice->title}, {"outcome", s.notice->outcome}};
    stages.push_back(std::move(st));
  }
  o["start"] = d.start;
  o["file"] = d.file;
  o["fields"] = std::move(fields);
  o["starters"] = std::move(starters);
  o["stages"] = std::move(stages);
  json::object params;
  for (const auto& [k, v] : d.params) params[k] = v;
  o["params"] = std::move(params);
  return o;
}

}  // namespace qc::http
