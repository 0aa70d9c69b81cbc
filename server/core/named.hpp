#pragma once
// A list item shown with its enterprise's name and region (read in one query per page).
#include <string>

namespace qc {

template <typename T>
struct Named {
  T item;
  std::string enterprise_name;    // empty when the enterprise is not registered
  std::string enterprise_region;  // likewise
  bool known = false;             // the enterprise is registered
};

}  // namespace qc
