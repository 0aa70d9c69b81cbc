#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include "store/backends.hpp"

namespace qc::store {

namespace {
// A conninfo value in single quotes, with \ and ' escaped as libpq expects.
std::string quote(const char* v) {
  std::string out = "'";
  for (const char* p = v; *p; ++p) {
    if (*p == '\'' || *p == '\\') out += '\\';
    out += *p;
  }
  return out + "'";
}
}  // namespace

std::optional<std::string> pg_conninfo(const std::string& url, std::string& error) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    error = err ? err : "cannot parse the PostgreSQL URL";
    PQfreemem(err);
    return std::nullopt;
  }
  std::string out;
  for (PQconninfoOption* o = opts; o->keyword; ++o) {
    if (!o->val) continue;
    if (!out.empty()) out += ' ';
    out += o->keyword;
    out += '=';
    out += quote(o->val);
  }
  PQconninfoFree(opts);
  return out;
}

std::unique_ptr<Connection> open_postgresql(const std::string& conninfo) {
  auto s = std::make_unique<Connection>(Backend::postgresql, soci::postgresql, conninfo);
  // libpq prints NOTICEs (e.g. "relation … already exists, skipping") on stderr.
  *s << "SET client_min_messages TO warning";
  return s;
}

std::optional<std::string> pg_sqlstate(const soci::soci_error& e) {
  if (auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string s = pe->sqlstate();
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
    return s;
  }
  return std::nullopt;
}

}  // namespace qc::store
