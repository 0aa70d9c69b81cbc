#include "core/hash.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <vector>

namespace qc {

namespace {
std::string to_hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

void write_canonical(const Json& v, std::string& out) {
  if (v.is_object()) {
    const auto& o = v.as_object();
    std::vector<const boost::json::key_value_pair*> kv;
    kv.reserve(o.size());
    for (const auto& p : o) kv.push_back(&p);
    std::sort(kv.begin(), kv.end(), [](auto* a, auto* b) { return a->key() < b->key(); });
    out += '{';
    for (size_t i = 0; i < kv.size(); ++i) {
      if (i) out += ',';
      out += boost::json::serialize(boost::json::value(kv[i]->key()));
      out += ':';
      write_canonical(kv[i]->value(), out);
    }
    out += '}';
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const auto& e : v.as_array()) {
      if (!first) out += ',';
      first = false;
      write_canonical(e, out);
    }
    out += ']';
  } else {
    out += boost::json::serialize(v);
  }
}
}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(out, sizeof out);
}

std::string canonical_json(const Json& v) {
  std::string out;
  write_canonical(v, out);
  return out;
}

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

}  // namespace qc
