#pragma once
// SQL text built only from fixed fragments written in this module; every value travels as
// a bound parameter (SOCI `use`), never inside the text.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/time.hpp"

namespace qc::store {

// A bound value: NULL, text or an integer (instants are Unix seconds, booleans 0/1).
using Param = std::variant<std::monostate, std::string, int64_t>;

inline int64_t secs(Instant t) { return t.time_since_epoch().count(); }
inline Instant instant(int64_t s) { return Instant{std::chrono::seconds{s}}; }
inline Param nullable(const std::optional<std::string>& v) { return v ? Param{*v} : Param{}; }
inline Param nullable(const std::optional<Instant>& v) { return v ? Param{secs(*v)} : Param{}; }

class Sql {
 public:
  Sql() = default;
  explicit Sql(std::string_view fragment, std::vector<Param> params = {}) {
    add(fragment, std::move(params));
  }
  // Appends fixed text; each '?' in it becomes a placeholder for the next of `params`.
  Sql& add(std::string_view fragment, std::vector<Param> params = {});
  const std::string& text() const { return text_; }
  // The values, in the order of their placeholders ":p0", ":p1", …
  const std::vector<Param>& params() const { return params_; }
  // Binds the parameters to `st`; *this must outlive the statement's execution.
  void bind(soci::statement& st);

  // Not worth keeping prepared (DDL, statements run once at start).
  Sql& once() {
    once_ = true;
    return *this;
  }
  bool is_once() const { return once_; }
  // What a prepared statement bound to this Sql depends on: the text and, per parameter,
  // whether it is bound as text (a NULL is) or as an integer.
  std::string shape() const;
  // Copies the values of `other`, of the same shape, into the slots bound by bind().
  void take_values(Sql& other);

 private:
  std::string text_;
  std::vector<Param> params_;
  std::vector<soci::indicator> indicators_;
  bool once_ = false;
};

}  // namespace qc::store
