#pragma once
// SHA-256 (libsodium) and the canonical JSON the hash chains are computed over.
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace qc {

std::string sha256_hex(std::string_view data);
// Object keys sorted, no whitespace: the same value always serialises to the same bytes.
std::string canonical_json(const Json& v);
// Random bytes as lowercase hex (libsodium's CSPRNG).
std::string random_hex(size_t bytes);

}  // namespace qc
