#pragma once
// Jurisdiction: who may read what and who may take which action (DESIGN.md "Rules of the
// language", API.md "Auth"). Every read and write in the service layer asks here.
#include <string>

#include "core/page.hpp"
#include "core/procedure.hpp"
#include "core/query.hpp"
#include "core/result.hpp"

namespace qc {

bool is_admin(const Actor& a);
bool has_role(const Actor& a, std::string_view role);
bool is_staff(const Actor& a);  // any role other than enterprise
// forbidden ("this needs one of the roles: …") unless the actor holds one of `roles`;
// admin always passes, and with no roles only admin does.
Status require_role(const Actor& a, std::initializer_list<std::string_view> roles);

// What the actor may read: admin everything; staff the regions of their grants; an
// enterprise user its own enterprise.
Scope scope_of(const Actor& a);
bool may_read(const Actor& a, const std::string& region, const std::string& uscc);

// True when the actor may take an action of `role` at `level` on an enterprise registered
// in `region` (uscc for the enterprise role). Without a level, any grant whose region
// contains `region` counts.
bool may_act(const Actor& a, const std::string& role, Level level, const std::string& region,
             const std::string& uscc);

}  // namespace qc
