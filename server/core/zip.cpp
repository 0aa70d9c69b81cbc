#include "core/zip.hpp"

#include <array>

namespace qc {

namespace {

std::array<uint32_t, 256> crc_table() {
  std::array<uint32_t, 256> t{};
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[n] = c;
  }
  return t;
}

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xff);
  out += static_cast<char>((v >> 8) & 0xff);
}

void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xffff);
  put16(out, v >> 16);
}

// 1980-01-01 00:00 in MS-DOS format: the entries carry no meaningful time, so that the same
// contents give the same archive.
constexpr uint32_t kDosTime = 0;
constexpr uint32_t kDosDate = (0u << 9) | (1u << 5) | 1u;
constexpr uint32_t kUtf8Names = 1u << 11;

}  // namespace

uint32_t crc32(std::string_view data) {
  static const auto table = crc_table();
  uint32_t c = 0xffffffffu;
  for (unsigned char b : data) c = table[(c ^ b) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

void ZipWriter::add(std::string name, std::string data) {
  const uint32_t crc = crc32(data);
  entries_.push_back(Entry{std::move(name), std::move(data), crc});
}

std::string ZipWriter::finish() const {
  std::string out;
  std::string central;
  for (const auto& e : entries_) {
    const auto offset = static_cast<uint32_t>(out.size());
    const auto size = static_cast<uint32_t>(e.data.size());
    const auto name_len = static_cast<uint32_t>(e.name.size());
    put32(out, 0x04034b50);  // local file header
    put16(out, 10);          // version needed: 1.0 (stored)
    put16(out, kUtf8Names);
    put16(out, 0);  // method: stored
    put16(out, kDosTime);
    put16(out, kDosDate);
    put32(out, e.crc);
    put32(out, size);
    put32(out, size);
    put16(out, name_len);
    put16(out, 0);  // extra length
    out += e.name;
    out += e.data;

    put32(central, 0x02014b50);  // central directory header
    put16(central, 0x031e);      // made by: Unix, 3.0
    put16(central, 10);
    put16(central, kUtf8Names);
    put16(central, 0);
    put16(central, kDosTime);
    put16(central, kDosDate);
    put32(central, e.crc);
    put32(central, size);
    put32(central, size);
    put16(central, name_len);
    put16(central, 0);               // extra
    put16(central, 0);               // comment
    put16(central, 0);               // disk
    put16(central, 0);               // internal attributes
    put32(central, 0100644u << 16);  // external: a regular file, rw-r--r--
    put32(central, offset);
    central += e.name;
  }
  const auto central_offset = static_cast<uint32_t>(out.size());
  const auto central_size = static_cast<uint32_t>(central.size());
  out += central;
  put32(out, 0x06054b50);  // end of central directory
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(entries_.size()));
  put16(out, static_cast<uint32_t>(entries_.size()));
  put32(out, central_size);
  put32(out, central_offset);
  put16(out, 0);  // comment
  return out;
}

}  // namespace qc
