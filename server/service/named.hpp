#pragma once
// Names the enterprises of a page of items with one read of the archive.
#include <string>
#include <vector>

#include "core/named.hpp"
#include "core/page.hpp"
#include "ports/archive_store.hpp"

namespace qc {

template <typename T, typename UsccOf>
std::vector<Named<T>> with_names(ArchiveStore& archive, std::vector<T> items, UsccOf uscc_of) {
  std::vector<std::string> usccs;
  usccs.reserve(items.size());
  for (const auto& x : items) usccs.push_back(uscc_of(x));
  const auto found = archive.enterprises_by_uscc(usccs);
  std::vector<Named<T>> out;
  out.reserve(items.size());
  for (auto& x : items) {
    Named<T> n{std::move(x), {}, {}, false};
    const std::string uscc = uscc_of(n.item);
    for (const auto& e : found)
      if (e.uscc == uscc) {
        n.enterprise_name = e.name;
        n.enterprise_region = e.region;
        n.known = true;
        break;
      }
    out.push_back(std::move(n));
  }
  return out;
}

template <typename T, typename UsccOf>
Page<Named<T>> with_names(ArchiveStore& archive, Page<T> page, UsccOf uscc_of) {
  return Page<Named<T>>{with_names(archive, std::move(page.items), uscc_of), page.total};
}

}  // namespace qc
