#include "auth/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace qc {

void ensure_sodium() {
  // 0 = initialised now, 1 = already initialised, -1 = failure.
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace qc
