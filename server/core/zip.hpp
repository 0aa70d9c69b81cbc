#pragma once
// A ZIP archive of stored (uncompressed) entries, written in memory: enough for export
// packages of a few HTML and JSON files, readable by every unzip tool. Names are UTF-8
// (general-purpose flag bit 11); no ZIP64, so an archive stays below 4 GiB and 65535 entries.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qc {

uint32_t crc32(std::string_view data);

class ZipWriter {
 public:
  void add(std::string name, std::string data);
  // The whole archive: local headers and data, central directory, end record.
  std::string finish() const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    std::string data;
    uint32_t crc = 0;
  };
  std::vector<Entry> entries_;
};

}  // namespace qc
