#include "service/complaint_service.hpp"

#include <spdlog/spdlog.h>

#include "core/access.hpp"
#include "core/uscc.hpp"
#include "service/named.hpp"

namespace qc {

namespace {
constexpr size_t kMaxContent = 10000;  // bytes
constexpr size_t kMaxContact = 200;
constexpr size_t kMaxReason = 2000;

AuditEntry complaint_audit(const std::string& actor, const char* what, Instant at,
                           JsonObject detail = {}) {
  return AuditEntry{0, at, actor, what, std::move(detail), {}, {}};
}
}  // namespace

JsonObject ComplaintService::case_data(const Complaint& c) {
  // The contact stays in the complaints table: the case (and its history) never holds it.
  return JsonObject{{"complaint_id", c.id}, {"complaint", c.content}};
}

std::optional<std::string> ComplaintService::complaint_procedure(const std::string& uscc) {
  auto set = procedures_.current();
  if (!set) return std::nullopt;
  ListingQuery lq;
  lq.scope.all = true;
  lq.uscc = uscc;
  lq.status = "listed";
  lq.page.per_page = 500;
  for (const auto& listing : registers_.listings(lq).items)
    for (const ProcedureDef* def : set->all())
      if (def->complaints_listed_in == listing.activity && set->latest(def->id) == def)
        return def->id;
  return std::nullopt;
}

Result<Complaint> ComplaintService::receive(const ComplaintForm& form) {
  if (auto problem = uscc_problem(form.uscc); !problem.empty())
    return err(ErrorCode::invalid_uscc, "uscc: " + problem, "uscc");
  if (form.content.empty()) return err(ErrorCode::validation, "content is required", "content");
  if (form.content.size() > kMaxContent)
    return err(ErrorCode::validation, "content is too long", "content");
  if (form.contact.size() > kMaxContact)
    return err(ErrorCode::validation, "contact is too long", "contact");

  const Instant now = clock_.now();
  const auto ent = archive_.enterprise(form.uscc);
  Complaint c;
  c.uscc = form.uscc;
  c.region = ent ? ent->region : uscc_region(form.uscc);
  c.content = form.content;
  c.contact = form.contact;
  c.received_at = now;
  auto stored = complaints_.insert_complaint(std::move(c),
                                             complaint_audit("public", "complaint.receive", now));
  if (!stored) return stored;
  Complaint out = std::move(stored.value());

  const auto procedure = ent ? complaint_procedure(ent->uscc) : std::nullopt;
  if (!procedure) return out;
  auto opened = cases_.open_for_complaint(*procedure, out.uscc, case_data(out));
  if (!opened) {
    // The complaint is kept either way: staff triage it from the inbox.
    spdlog::warn("complaint_id={} procedure={} open failed: {}", out.id, *procedure,
                 opened.error().message);
    return out;
  }
  Complaint routed = out;
  routed.status = "routed";
  routed.case_id = opened->id;
  routed.procedure = *procedure;
  routed.handled_by = "public";
  routed.handled_at = now;
  if (auto s = complaints_.handle_complaint(
          routed, complaint_audit("public", "complaint.route", now,
                                  {{"case_id", opened->id}, {"procedure", *procedure}}));
      !s)
    return out;
  return routed;
}

namespace {
Status inbox_role(const Actor& actor) {
  return require_role(actor, {"activity_office", "organizer", "samr"});
}
}  // namespace

Result<Page<Named<Complaint>>> ComplaintService::inbox(const Actor& actor, ComplaintQuery q) {
  if (auto s = inbox_role(actor); !s) return s.take_error();
  q.scope = scope_of(actor);
  q.scope.enterprise.reset();  // complaints are for staff only
  return with_names(archive_, complaints_.complaints(q), [](const Complaint& c) { return c.uscc; });
}

Named<Complaint> ComplaintService::named(Complaint c) {
  std::vector<Complaint> one{std::move(c)};
  return std::move(
      with_names(archive_, std::move(one), [](const Complaint& x) { return x.uscc; }).front());
}

Result<Complaint> ComplaintService::get(const Actor& actor, int64_t id) {
  if (auto s = inbox_role(actor); !s) return s.take_error();
  auto c = complaints_.complaint(id);
  if (!c || !is_staff(actor) || !may_read(actor, c->region, ""))
    return err(ErrorCode::not_found, "no complaint " + std::to_string(id));
  return *c;
}

Result<Complaint> ComplaintService::route(const Actor& actor, int64_t id,
                                          const std::string& procedure) {
  auto c = get(actor, id);
  if (!c) return c;
  if (procedure.empty()) return err(ErrorCode::validation, "procedure is required", "procedure");
  if (c->status != "open")
    return err(ErrorCode::conflict, "complaint " + std::to_string(id) + " is already " + c->status);
  OpenRequest req{procedure, c->uscc, case_data(*c), {}, {}};
  auto opened = cases_.open(actor, req);
  if (!opened) return opened.take_error();
  Complaint routed = *c;
  routed.status = "routed";
  routed.case_id = opened->c.id;
  routed.procedure = procedure;
  routed.handled_by = actor.username;
  routed.handled_at = clock_.now();
  if (auto s = complaints_.handle_complaint(
          routed, complaint_audit(actor.username, "complaint.route", *routed.handled_at,
                                  {{"case_id", opened->c.id}, {"procedure", procedure}}));
      !s)
    return s.take_error();
  return routed;
}

Result<Complaint> ComplaintService::close(const Actor& actor, int64_t id,
                                          const std::string& reason) {
  auto c = get(actor, id);
  if (!c) return c;
  if (reason.empty()) return err(ErrorCode::validation, "reason is required", "reason");
  if (reason.size() > kMaxReason) return err(ErrorCode::validation, "reason is too long", "reason");
  if (c->status != "open")
    return err(ErrorCode::conflict, "complaint " + std::to_string(id) + " is already " + c->status);
  Complaint closed = *c;
  closed.status = "closed";
  closed.close_reason = reason;
  closed.handled_by = actor.username;
  closed.handled_at = clock_.now();
  if (auto s = complaints_.handle_complaint(
          closed, complaint_audit(actor.username, "complaint.close", *closed.handled_at));
      !s)
    return s.take_error();
  return closed;
}

}  // namespace qc
