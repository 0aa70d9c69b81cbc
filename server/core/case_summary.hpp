#pragma once
// What a case list shows of a case's data (docs/api.md "Cases"): the short top-level values
// only, so that a page of 500 cases stays small however large each case's data is. The
// case read (GET /cases/{id}) and `?full=1` give the whole data.
#include <cstddef>

#include <boost/json/object.hpp>

namespace qc {

// A top-level value is kept when its JSON text is at most this long…
inline constexpr size_t kSummaryValueBytes = 256;
// …and while the summary's JSON text stays within this (keys in the data's order).
inline constexpr size_t kSummaryBytes = 2048;

struct DataSummary {
  boost::json::object data;
  bool complete = true;  // nothing was left out: `data` is the whole data
};

DataSummary summarize_data(const boost::json::object& data);

}  // namespace qc
