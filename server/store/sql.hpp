#pragma once
// SQL text built only from fixed fragments written in this module; every value travels as
// a bound parameter (SOCI `use`), never inside the text. Fetch helpers bind a row buffer's
// columns as SOCI `into` elements and turn each fetched row into a domain value.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/time.hpp"
#include "store/store.hpp"

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
  // Binds the parameters to `st`; *this must outlive the statement's execution.
  void bind(soci::statement& st);

 private:
  std::string text_;
  std::vector<Param> params_;
  std::vector<soci::indicator> indicators_;
};

// A conjunction of conditions, reusable for a page's SELECT and its COUNT(*).
class Where {
 public:
  Where& add(std::string_view condition, std::vector<Param> params = {});
  // column = v, skipped when v is absent or empty (an empty query parameter filters nothing).
  Where& eq(std::string_view column, const std::optional<std::string>& v);
  // column starts with v (a region prefix), skipped when absent or empty.
  Where& prefix(std::string_view column, const std::optional<std::string>& v);
  // What a caller may see: all, any of the region prefixes, or the one enterprise.
  Where& scope(const Scope& s, std::string_view region_column, std::string_view uscc_column);
  void append_to(Sql& sql) const;

 private:
  std::vector<std::pair<std::string, std::vector<Param>>> conditions_;
};

// LIKE patterns with %, _ and \ escaped (use with ESCAPE '\').
std::string like_prefix(std::string_view s);
std::string like_contains(std::string_view s);

struct Paging {
  int64_t limit = 50;
  int64_t offset = 0;
};
Paging paging(const PageRequest& p);  // page >= 1, 1 <= per_page <= 500

// Runs a statement without results; returns the number of rows it changed.
int64_t exec(soci::session& s, Sql q);

namespace detail {
void prepare(soci::statement& st, Sql& q);
}  // namespace detail

template <class Row>
std::vector<typename Row::Value> fetch_all(soci::session& s, Sql q) {
  Row row;
  soci::statement st(s);
  row.bind(st);
  detail::prepare(st, q);
  std::vector<typename Row::Value> out;
  while (st.fetch()) out.push_back(row.value());
  return out;
}

template <class Row>
std::optional<typename Row::Value> fetch_one(soci::session& s, Sql q) {
  Row row;
  soci::statement st(s);
  row.bind(st);
  detail::prepare(st, q);
  if (!st.fetch()) return std::nullopt;
  return row.value();
}

// One integer column (COUNT, MAX, …); NULL reads as nullopt.
struct IntRow {
  using Value = std::optional<int64_t>;
  int64_t v = 0;
  soci::indicator ind = soci::i_ok;
  void bind(soci::statement& st) { st.exchange(soci::into(v, ind)); }
  Value value() const { return ind == soci::i_ok ? Value{v} : std::nullopt; }
};

// One text column; NULL reads as nullopt.
struct TextRow {
  using Value = std::optional<std::string>;
  std::string v;
  soci::indicator ind = soci::i_ok;
  void bind(soci::statement& st) { st.exchange(soci::into(v, ind)); }
  Value value() const { return ind == soci::i_ok ? Value{v} : std::nullopt; }
};

std::optional<int64_t> fetch_int(soci::session& s, Sql q);

// SELECT `columns` FROM `from` WHERE … ORDER BY `order` LIMIT/OFFSET, plus COUNT(*).
template <class Row>
Page<typename Row::Value> fetch_page(soci::session& s, std::string_view columns,
                                     std::string_view from, const Where& where,
                                     std::string_view order, const PageRequest& page) {
  const Paging pg = paging(page);
  Sql select("SELECT ");
  select.add(columns).add(" FROM ").add(from);
  where.append_to(select);
  select.add(" ORDER BY ").add(order).add(" LIMIT ? OFFSET ?", {pg.limit, pg.offset});
  Sql count("SELECT COUNT(*) FROM ");
  count.add(from);
  where.append_to(count);
  Page<typename Row::Value> out;
  out.items = fetch_all<Row>(s, std::move(select));
  out.total = fetch_int(s, std::move(count)).value_or(0);
  return out;
}

}  // namespace qc::store
