#include "core/csv.hpp"

namespace qc {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

std::optional<std::vector<std::string>> CsvReader::next() {
  // Blank lines between records are skipped.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return std::nullopt;
  record_line_ = line_;
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          fields.back() += '"';
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return fields;
    } else {
      fields.back() += c;
    }
  }
  if (quoted) {
    error_ = "line " + std::to_string(record_line_) + ": a quoted field is not closed";
    return std::nullopt;
  }
  return fields;
}

}  // namespace qc
