#pragma once
// Query helpers over Sql (sql_text.hpp). Fetch helpers bind a row buffer's columns as SOCI
// `into` elements and turn each fetched row into a domain value. Statements are prepared
// once per connection and kept (statement_cache.hpp): a call with the same text runs the
// statement already prepared, with its new values.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.hpp"
#include "store/sql_text.hpp"
#include "store/store.hpp"

namespace qc::store {

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

namespace detail {
// Runs `q` on a statement of `c`'s cache (prepared and bound to a new buffer of `Row` on
// first use), then `consume(row, statement)`. A statement that fails is dropped from the
// cache; the exception propagates.
template <class Row, class Consume>
void run(Connection& c, Sql& q, Consume&& consume);
}  // namespace detail

// Runs a statement without results; returns the number of rows it changed.
int64_t exec(Connection& c, Sql q);

template <class Row>
std::vector<typename Row::Value> fetch_all(Connection& c, Sql q) {
  std::vector<typename Row::Value> out;
  detail::run<Row>(c, q, [&](Row& row, soci::statement& st) {
    st.execute(false);
    while (st.fetch()) out.push_back(row.value());
  });
  return out;
}

template <class Row>
std::optional<typename Row::Value> fetch_one(Connection& c, Sql q) {
  std::optional<typename Row::Value> out;
  detail::run<Row>(c, q, [&](Row& row, soci::statement& st) {
    st.execute(false);
    if (st.fetch()) out = row.value();
  });
  return out;
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

std::optional<int64_t> fetch_int(Connection& c, Sql q);

// SELECT `columns` FROM `from` WHERE … ORDER BY `order` LIMIT/OFFSET, plus COUNT(*).
template <class Row>
Page<typename Row::Value> fetch_page(Connection& s, std::string_view columns, std::string_view from,
                                     const Where& where, std::string_view order,
                                     const PageRequest& page) {
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

namespace detail {
template <class Row>
inline constexpr char row_tag = 0;  // one object per row type, program-wide

struct NoRow {
  void bind(soci::statement&) {}
};
// Binds `q` to `st` and prepares it (the row is bound already).
void prepare(soci::statement& st, Sql& q);

template <class Row, class Consume>
void run(Connection& c, Sql& q, Consume&& consume) {
  if (q.is_once()) {
    Row row;
    soci::statement st(c);
    row.bind(st);
    prepare(st, q);
    consume(row, st);
    return;
  }
  // The row type by the address of its tag: typeid names are equal for two row types of
  // the same name in anonymous namespaces of different files.
  std::string key = q.shape();
  key += '\0';
  key += std::to_string(reinterpret_cast<uintptr_t>(&row_tag<Row>));
  CachedStatement* entry = c.statements().find(key);
  if (entry) {
    entry->sql.take_values(q);
  } else {
    auto fresh = std::make_unique<CachedStatement>(c);
    auto row = std::make_shared<Row>();
    row->bind(fresh->st);
    fresh->row = row;
    fresh->sql = std::move(q);
    prepare(fresh->st, fresh->sql);
    entry = &c.statements().insert(key, std::move(fresh));
  }
  try {
    consume(*static_cast<Row*>(entry->row.get()), entry->st);
    c.finish(entry->st);
  } catch (...) {
    c.statements().erase(key);
    throw;
  }
}
}  // namespace detail

}  // namespace qc::store
