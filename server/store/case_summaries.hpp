#pragma once
// The cases table keeps, beside each case's data, the summary a case list shows
// (core/case_summary.hpp) in column `summary`: NULL when the summary is the whole data.
// A list page then reads a few KiB per case instead of its data, however large.
#include <optional>
#include <string>

#include "core/model.hpp"
#include "store/connection.hpp"

namespace qc::store {

// The `summary` column's value for `data`: nullopt when nothing would be left out.
std::optional<std::string> summary_text(const JsonObject& data);

// Fills `summary` for the cases written before the column existed (run once, by its
// migration): only cases whose data is longer than a summary may be can need one.
void backfill_case_summaries(Connection& sql);

}  // namespace qc::store
