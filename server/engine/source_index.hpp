#pragma once
// Finds the line a key of a procedure table was written on. The returned table has no
// positions, so the loader searches the source text along the key's path (`stages`, then
// the stage's id, then `actions`, …), each step after the previous one's line: the best
// line for `stages.review.timer` is the `timer =` after `review =` after `stages =`.
#include <string>
#include <string_view>
#include <vector>

namespace qc::engine {

// One step of a path: a key written `name =` / `["name"] =`, or a string literal `"name"`
// (an entry of an array of fields is found by its name).
struct Anchor {
  enum class Kind { key, literal };
  Kind kind = Kind::key;
  std::string text;
};

class SourceIndex {
 public:
  SourceIndex() = default;
  explicit SourceIndex(std::string_view source);

  // The line of the last anchor found along `path`, searching from `from`; steps that are
  // not found keep the previous line (the enclosing table's), and `from` when none is.
  int find(const std::vector<Anchor>& path, int from = 1) const;

 private:
  int find_key(std::string_view key, int from) const;
  int find_literal(std::string_view text, int from) const;

  std::vector<std::string> lines_;
};

}  // namespace qc::engine
