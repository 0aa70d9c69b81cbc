#pragma once
// What a ban refuses, said the same way wherever it is checked (opening a case, granting).
#include <string>

#include "core/model.hpp"
#include "core/result.hpp"

namespace qc {

// The reason with its article in brackets, unless the reason names it already.
std::string with_basis(const std::string& reason, const std::string& basis);

// banned, naming the scheme, the last day of the ban, its reason and article.
Error banned_error(const Ban& b);

}  // namespace qc
