#include "store/sql.hpp"

#include <algorithm>
#include <stdexcept>

namespace qc::store {

Sql& Sql::add(std::string_view fragment, std::vector<Param> params) {
  // Copied run by run, not character by character: building the text is on every query's
  // path, cached or not (it is the cache key).
  size_t next = 0;
  text_.reserve(text_.size() + fragment.size() + 4 * params.size());
  params_.reserve(params_.size() + params.size());
  for (size_t mark; (mark = fragment.find('?')) != std::string_view::npos;) {
    // A '?' without a value is a bug in this module's fixed SQL, not a runtime condition.
    if (next >= params.size()) throw std::logic_error("SQL fragment has more '?' than values");
    text_.append(fragment.substr(0, mark));
    text_ += ":p";
    text_ += std::to_string(params_.size());
    params_.push_back(std::move(params[next++]));
    fragment.remove_prefix(mark + 1);
  }
  text_.append(fragment);
  if (next != params.size()) throw std::logic_error("SQL fragment has fewer '?' than values");
  return *this;
}

void Sql::bind(soci::statement& st) {
  // Sized once: SOCI keeps pointers to the values and indicators (it copies the names).
  // Text is always bound with an indicator, so that a cached statement can be run again
  // with NULL in a slot that held text (take_values).
  indicators_.assign(params_.size(), soci::i_ok);
  for (size_t i = 0; i < params_.size(); ++i) {
    const std::string name = "p" + std::to_string(i);
    Param& p = params_[i];
    if (std::holds_alternative<std::monostate>(p)) {
      // The type of a NULL does not matter to either backend; bind it as text.
      p = std::string();
      indicators_[i] = soci::i_null;
    }
    if (auto* s = std::get_if<std::string>(&p))
      st.exchange(soci::use(*s, indicators_[i], name));
    else
      st.exchange(soci::use(std::get<int64_t>(p), name));
  }
}

std::string Sql::shape() const {
  std::string out = text_;
  out += '\0';
  for (const Param& p : params_) out += std::holds_alternative<int64_t>(p) ? 'i' : 's';
  return out;
}

void Sql::take_values(Sql& other) {
  // Assigning into the bound objects (never replacing them) keeps SOCI's pointers valid.
  for (size_t i = 0; i < params_.size(); ++i) {
    Param& from = other.params_[i];
    if (auto* n = std::get_if<int64_t>(&params_[i])) {
      *n = std::get<int64_t>(from);
      continue;
    }
    auto& text = std::get<std::string>(params_[i]);
    if (auto* v = std::get_if<std::string>(&from)) {
      text = std::move(*v);
      indicators_[i] = soci::i_ok;
    } else {
      text.clear();
      indicators_[i] = soci::i_null;
    }
  }
}

Where& Where::add(std::string_view condition, std::vector<Param> params) {
  conditions_.emplace_back(std::string(condition), std::move(params));
  return *this;
}

Where& Where::eq(std::string_view column, const std::optional<std::string>& v) {
  if (!v || v->empty()) return *this;
  return add(std::string(column) + " = ?", {*v});
}

Where& Where::prefix(std::string_view column, const std::optional<std::string>& v) {
  if (!v || v->empty()) return *this;
  return add(std::string(column) + " LIKE ? ESCAPE '\\'", {like_prefix(*v)});
}

Where& Where::scope(const Scope& s, std::string_view region_column, std::string_view uscc_column) {
  if (s.all) return *this;
  std::string cond;
  std::vector<Param> params;
  for (const auto& p : s.region_prefixes) {
    cond += cond.empty() ? "(" : " OR ";
    cond += std::string(region_column) + " LIKE ? ESCAPE '\\'";
    params.emplace_back(like_prefix(p));
  }
  if (s.enterprise) {
    cond += cond.empty() ? "(" : " OR ";
    cond += std::string(uscc_column) + " = ?";
    params.emplace_back(*s.enterprise);
  }
  if (cond.empty()) return add("1 = 0");  // an empty scope sees nothing
  return add(cond + ")", std::move(params));
}

void Where::append_to(Sql& sql) const {
  bool first = true;
  for (const auto& [cond, params] : conditions_) {
    sql.add(first ? " WHERE " : " AND ");
    sql.add(cond, params);
    first = false;
  }
}

namespace {
std::string escape_like(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}
}  // namespace

std::string like_prefix(std::string_view s) { return escape_like(s) + "%"; }
std::string like_contains(std::string_view s) { return "%" + escape_like(s) + "%"; }

Paging paging(const PageRequest& p) {
  const int64_t per_page = std::clamp<int64_t>(p.per_page, 1, 500);
  const int64_t page = std::max<int64_t>(p.page, 1);
  return {per_page, (page - 1) * per_page};
}

namespace detail {
void prepare(soci::statement& st, Sql& q) {
  q.bind(st);
  st.alloc();
  // Kept statements are prepared once: SQLite keeps the compiled statement, PostgreSQL a
  // named server-side prepared statement (PQprepare, then PQexecPrepared per run). A
  // statement run once goes through PQexecParams and leaves nothing on the server.
  st.prepare(q.text(),
             q.is_once() ? soci::details::st_one_time_query : soci::details::st_repeatable_query);
  st.define_and_bind();
}
}  // namespace detail

int64_t exec(Connection& c, Sql q) {
  int64_t changed = 0;
  detail::run<detail::NoRow>(c, q, [&](detail::NoRow&, soci::statement& st) {
    st.execute(true);
    changed = st.get_affected_rows();
  });
  return changed;
}

std::optional<int64_t> fetch_int(Connection& c, Sql q) {
  auto row = fetch_one<IntRow>(c, std::move(q));
  return row ? *row : std::nullopt;
}

}  // namespace qc::store
