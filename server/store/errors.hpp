#pragma once
// Database failures, sorted at the store's boundary into what callers act on: a unique
// key already taken, a reference to a row that does not exist, the database being unavailable
// (unreachable, read-only, full, locked for too long), or anything else (a bug: internal).
#include <soci/soci.h>

#include <exception>
#include <stdexcept>

#include "core/result.hpp"
#include "store/store.hpp"

namespace qc::store {

enum class Failure { unique_violation, foreign_key_violation, unavailable, other };

Failure classify(const soci::soci_error& e);

// The Error a Result-returning method answers with for a failure it did not expect.
Error to_error(const soci::soci_error& e);

// Runs `body` (returning Result<T>), turning infrastructure exceptions into Errors.
template <class F>
auto guarded(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const soci::soci_error& e) {
    return to_error(e);
  } catch (const StoreUnavailable& e) {
    return err(ErrorCode::unavailable, e.what());
  } catch (const std::exception& e) {
    return err(ErrorCode::internal, e.what());
  }
}

// Runs `body` (returning a plain value); a database that is unavailable surfaces as
// StoreUnavailable, any other failure as a std::runtime_error. Both carry SOCI's message
// only: its what() also lists the bound values, which may be personal data.
template <class F>
auto plain(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const soci::soci_error& e) {
    if (classify(e) == Failure::unavailable)
      throw StoreUnavailable("database unavailable: " + e.get_error_message());
    throw std::runtime_error("database error: " + e.get_error_message());
  }
}

}  // namespace qc::store
