#include "service/classification_batch.hpp"

#include <boost/json.hpp>

namespace qc {

namespace json = boost::json;

namespace {

Error bad_answer(const std::string& why) {
  return err(ErrorCode::internal, "credit.abcd.classify_batch answered badly: " + why);
}

// An empty Lua table converts to {}: read it as an empty list.
const json::array* list_of(const Json* v) {
  static const json::array empty;
  if (!v || v->is_null()) return &empty;
  if (v->is_array()) return &v->as_array();
  if (v->is_object() && v->as_object().empty()) return &empty;
  return nullptr;
}

}  // namespace

Result<Classification> classification_from_json(const Json& v) {
  if (!v.is_object()) return bad_answer("an answer is not a table");
  const auto& o = v.as_object();
  Classification c;
  if (const auto* u = o.if_contains("uscc"); u && u->is_string())
    c.uscc = std::string(u->as_string());
  if (const auto* g = o.if_contains("grade"); g && !g->is_null()) {
    if (!g->is_string()) return bad_answer("grade is not a string");
    const std::string grade(g->as_string());
    if (grade != "A" && grade != "B" && grade != "C" && grade != "D")
      return bad_answer("grade '" + grade + "' is not A, B, C or D");
    c.grade = grade;
  }
  const auto* reasons = list_of(o.if_contains("reasons"));
  if (!reasons) return bad_answer("reasons is not a list");
  for (const auto& r : *reasons) {
    if (!r.is_object()) return bad_answer("a reason is not a table");
    GradeReason reason;
    const auto* crit = r.as_object().if_contains("criterion");
    if (!crit || !crit->is_string()) return bad_answer("a reason has no criterion");
    reason.criterion = std::string(crit->as_string());
    const auto* ids = list_of(r.as_object().if_contains("records"));
    if (!ids) return bad_answer("a reason's records is not a list");
    for (const auto& id : *ids) {
      if (!id.is_int64()) return bad_answer("a record id is not an integer");
      reason.records.push_back(id.as_int64());
    }
    c.reasons.push_back(std::move(reason));
  }
  return c;
}

Result<std::vector<Classification>> ClassificationBatch::grade(
    const std::vector<ArchiveEntry>& entries, Date as_of, int64_t run_id, Instant at) {
  std::vector<Classification> out;
  if (entries.empty()) return out;
  // A fresh arena per batch: everything of the previous batch is released at once.
  arena_ = std::make_unique<json::monotonic_resource>(arena_ ? 1u << 20 : 1u << 16);
  json::storage_ptr sp(arena_.get());
  json::array list(sp);
  list.reserve(entries.size());
  for (const auto& entry : entries) {
    const Enterprise& e = entry.enterprise;
    json::array records(sp);
    records.reserve(entry.records.size());
    for (const auto& r : entry.records) {
      json::object rec(sp);
      rec.reserve(4);
      rec.emplace("id", r.id);
      rec.emplace("kind", r.kind);
      rec.emplace("category", r.category);
      rec.emplace("occurred_on", format_date(r.occurred_on));
      records.emplace_back(std::move(rec));
    }
    json::object o(sp);
    o.reserve(3);
    o.emplace("uscc", e.uscc);
    o.emplace("established_on", format_date(e.established_on));
    o.emplace("records", std::move(records));
    list.emplace_back(std::move(o));
  }
  json::object batch(sp);
  batch.emplace("as_of", format_date(as_of));
  batch.emplace("enterprises", std::move(list));
  const Json argument(std::move(batch));

  auto answer = grader_.call(argument);
  if (!answer) return answer.take_error();
  const auto* items = list_of(&answer.value());
  if (!items || items->size() != entries.size())
    return bad_answer("expected one answer per enterprise");
  out.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    auto c = classification_from_json((*items)[i]);
    if (!c) return c.take_error();
    c->uscc = entries[i].enterprise.uscc;  // answers are in order; the host's USCC is the key
    c->as_of = as_of;
    c->run_id = run_id;
    c->graded_at = at;
    out.push_back(std::move(c.value()));
  }
  return out;
}

}  // namespace qc
