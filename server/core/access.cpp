#include "core/access.hpp"

namespace qc {

namespace {
std::string prefix_of(const std::string& region) {
  switch (region_level(region)) {
    case Level::national:
      return "";
    case Level::province:
      return region.substr(0, 2);
    case Level::city:
      return region.substr(0, 4);
    default:
      return region;
  }
}
}  // namespace

bool has_role(const Actor& a, std::string_view role) {
  for (const auto& g : a.grants)
    if (g.role == role) return true;
  return false;
}

bool is_admin(const Actor& a) { return has_role(a, "admin"); }

Status require_role(const Actor& a, std::initializer_list<std::string_view> roles) {
  if (is_admin(a)) return ok_status();
  for (auto r : roles)
    if (has_role(a, r)) return ok_status();
  std::string list;
  for (auto r : roles) list += (list.empty() ? "" : ", ") + std::string(r);
  return err(ErrorCode::forbidden,
             "this needs one of the roles: " + (list.empty() ? "admin" : list));
}

bool is_staff(const Actor& a) {
  for (const auto& g : a.grants)
    if (g.role != "enterprise") return true;
  return false;
}

Scope scope_of(const Actor& a) {
  Scope s;
  for (const auto& g : a.grants) {
    if (g.role == "enterprise") continue;
    const auto p = prefix_of(g.region);
    if (p.empty()) {
      s.all = true;
      s.region_prefixes.clear();
      break;
    }
    s.region_prefixes.push_back(p);
  }
  if (!s.all && a.enterprise && has_role(a, "enterprise")) s.enterprise = a.enterprise;
  return s;
}

bool may_read(const Actor& a, const std::string& region, const std::string& uscc) {
  for (const auto& g : a.grants) {
    if (g.role == "enterprise") {
      if (a.enterprise && *a.enterprise == uscc) return true;
    } else if (region_contains(g.region, region)) {
      return true;
    }
  }
  return false;
}

bool may_act(const Actor& a, const std::string& role, Level level, const std::string& region,
             const std::string& uscc) {
  if (role == "enterprise")
    return has_role(a, "enterprise") && a.enterprise && *a.enterprise == uscc;
  for (const auto& g : a.grants) {
    if (g.role != role) continue;
    if (level == Level::none ? region_contains(g.region, region)
                             : g.region == region_at(region, level))
      return true;
  }
  return false;
}

}  // namespace qc
