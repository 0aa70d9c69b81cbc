#pragma once
// RFC 4180 CSV, read one record at a time (quoted fields may hold commas, doubled quotes
// and line breaks; CRLF or LF line ends; a UTF-8 BOM is skipped). CsvStreamReader pulls
// the text from a TextSource as it needs it, holding only the record being read: a large
// upload is parsed while it arrives, in bounded memory.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_source.hpp"

namespace qc {

class CsvStreamReader {
 public:
  // A record (with its quoted line breaks) longer than this is an error: the reader
  // never holds more than about this much text.
  static constexpr size_t kMaxRecordBytes = 1 << 20;

  explicit CsvStreamReader(TextSource& source, size_t max_record = kMaxRecordBytes)
      : source_(source), max_record_(max_record) {}

  // The next record's fields, or nullopt at the end. A quote left open, an overlong
  // record or a source that failed is an error: `error()` then says so, and the reader
  // is at the end (an incomplete last record is dropped, never returned).
  std::optional<std::vector<std::string>> next();
  int line() const { return record_line_; }  // the line the last record started on (from 1)
  const std::string& error() const { return error_; }

 private:
  enum class Parse { record, more, end };
  Parse parse(std::vector<std::string>& fields);
  bool fill();  // appends one more piece; false at the end of the text

  TextSource& source_;
  size_t max_record_;
  std::string buf_;  // the unread text: at most the record being read and one piece
  size_t pos_ = 0;
  bool eof_ = false;
  bool started_ = false;  // the BOM has been looked for
  int line_ = 1;
  int record_line_ = 0;
  std::string error_;
};

// The same over a text already in memory.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text), reader_(text_) {}
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  std::optional<std::vector<std::string>> next() { return reader_.next(); }
  int line() const { return reader_.line(); }
  const std::string& error() const { return reader_.error(); }

 private:
  WholeText text_;
  CsvStreamReader reader_;
};

}  // namespace qc
