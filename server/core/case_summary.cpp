#include "core/case_summary.hpp"

#include <boost/json/serialize.hpp>

namespace qc {

namespace json = boost::json;

namespace {

// A lower bound of the length of v's JSON text, given up once past `limit`: a value too
// large to keep is never serialised (a list must not format megabytes to drop them).
size_t min_text_size(const json::value& v, size_t limit) {
  switch (v.kind()) {
    case json::kind::string:
      return v.get_string().size() + 2;
    case json::kind::array: {
      size_t n = 2;
      for (const auto& e : v.get_array()) {
        n += min_text_size(e, limit) + 1;
        if (n > limit) return n;
      }
      return n;
    }
    case json::kind::object: {
      size_t n = 2;
      for (const auto& [k, e] : v.get_object()) {
        n += k.size() + 4 + min_text_size(e, limit);
        if (n > limit) return n;
      }
      return n;
    }
    default:
      return 1;
  }
}

// The length of v's JSON text, or more than `limit` when it is longer.
size_t text_size(const json::value& v, size_t limit) {
  if (const size_t lower = min_text_size(v, limit); lower > limit) return lower;
  return json::serialize(v).size();
}

}  // namespace

DataSummary summarize_data(const json::object& data) {
  DataSummary out;
  size_t total = 2;  // {}
  for (const auto& [key, value] : data) {
    const size_t n = text_size(value, kSummaryValueBytes);
    // "key": value, — the quotes, the colon and the comma.
    const size_t entry = key.size() + n + 4;
    if (n > kSummaryValueBytes || total + entry > kSummaryBytes) {
      out.complete = false;
      continue;
    }
    total += entry;
    out.data.emplace(key, value);
  }
  return out;
}

}  // namespace qc
