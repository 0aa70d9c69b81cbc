#pragma once
// libsodium must be initialised before its CSPRNG and password hashing are used.

namespace qc {

// Initialises libsodium; cheap and thread-safe to call before every use (sodium_init is
// idempotent and guarded internally). Throws std::runtime_error when the library cannot
// initialise: broken infrastructure, not an expected failure.
void ensure_sodium();

}  // namespace qc
