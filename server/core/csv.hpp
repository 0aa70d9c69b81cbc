#pragma once
// RFC 4180 CSV, read one record at a time from a text (quoted fields may hold commas,
// doubled quotes and line breaks; CRLF or LF line ends; a UTF-8 BOM is skipped).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  // The next record's fields, or nullopt at the end. A quote left open is an error:
  // `error()` then says so and the reader is at the end.
  std::optional<std::vector<std::string>> next();
  int line() const { return record_line_; }  // the line the last record started on (from 1)
  const std::string& error() const { return error_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 0;
  std::string error_;
};

}  // namespace qc
