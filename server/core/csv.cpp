#include "core/csv.hpp"

namespace qc {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";
}  // namespace

bool CsvStreamReader::fill() {
  // Only the record being read is kept: what is before it has been returned.
  buf_.erase(0, pos_);
  pos_ = 0;
  if (eof_) return false;
  if (!source_.next(buf_)) {
    eof_ = true;
    error_ = source_.failure();
    return false;
  }
  return true;
}

// Reads one record from buf_ at pos_. Until the text has ended, a record is complete only
// once its line end is in (a CR may be followed by LF, a quote by a second quote): `more`
// asks for the next piece, and the record is parsed again from its start.
CsvStreamReader::Parse CsvStreamReader::parse(std::vector<std::string>& fields) {
  const size_t size = buf_.size();
  size_t p = pos_;
  int line = line_;
  // Blank lines between records are skipped.
  while (p < size && (buf_[p] == '\n' || buf_[p] == '\r')) {
    if (buf_[p] == '\n') ++line;
    ++p;
  }
  pos_ = p;
  line_ = line;
  if (p >= size) return eof_ ? Parse::end : Parse::more;
  const int start_line = line;
  fields.assign(1, std::string());
  bool quoted = false;
  while (p < size) {
    const char c = buf_[p++];
    if (quoted) {
      if (c == '"') {
        if (p < size && buf_[p] == '"') {
          fields.back() += '"';
          ++p;
        } else if (p >= size && !eof_) {
          return Parse::more;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r') {
        if (p >= size && !eof_) return Parse::more;
        if (p < size && buf_[p] == '\n') ++p;
      }
      pos_ = p;
      line_ = line + 1;
      record_line_ = start_line;
      return Parse::record;
    } else {
      fields.back() += c;
    }
  }
  if (!eof_) return Parse::more;
  if (quoted) {
    error_ = "line " + std::to_string(start_line) + ": a quoted field is not closed";
    pos_ = size;
    return Parse::end;
  }
  pos_ = p;
  line_ = line;
  record_line_ = start_line;
  return Parse::record;
}

std::optional<std::vector<std::string>> CsvStreamReader::next() {
  while (!started_) {
    if (buf_.size() < kBom.size() && fill()) continue;
    if (!error_.empty()) return std::nullopt;
    if (std::string_view(buf_).substr(0, kBom.size()) == kBom) pos_ = kBom.size();
    started_ = true;
  }
  std::vector<std::string> fields;
  while (error_.empty()) {
    switch (parse(fields)) {
      case Parse::record:
        return fields;
      case Parse::end:
        return std::nullopt;
      case Parse::more:
        if (buf_.size() - pos_ > max_record_) {
          error_ = "line " + std::to_string(line_) + ": a row is longer than " +
                   std::to_string(max_record_) + " bytes";
          return std::nullopt;
        }
        fill();  // at the end of the text, parse() reads what is left as the last record
        break;
    }
  }
  return std::nullopt;
}

}  // namespace qc
