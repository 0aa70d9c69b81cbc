#include "engine/source_index.hpp"

namespace qc::engine {

namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// After position `pos`, only blanks then a single '=' (an assignment, not '==').
bool assignment_follows(std::string_view line, size_t pos) {
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  return pos < line.size() && line[pos] == '=' && (pos + 1 >= line.size() || line[pos + 1] != '=');
}

bool line_has_key(std::string_view line, std::string_view key) {
  // Text after "--" is a comment (good enough: keys are not written inside strings).
  line = line.substr(0, line.find("--"));
  for (size_t pos = line.find(key); pos != std::string_view::npos; pos = line.find(key, pos + 1)) {
    const size_t end = pos + key.size();
    if (pos >= 2 && line[pos - 1] == '"' && line[pos - 2] == '[' && end + 1 < line.size() &&
        line[end] == '"' && line[end + 1] == ']' && assignment_follows(line, end + 2))
      return true;
    if ((pos == 0 || !ident_char(line[pos - 1])) &&
        (end >= line.size() || !ident_char(line[end])) && assignment_follows(line, end))
      return true;
  }
  return false;
}

}  // namespace

SourceIndex::SourceIndex(std::string_view source) {
  std::string_view rest = source;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    lines_.emplace_back(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
}

int SourceIndex::find_key(std::string_view key, int from) const {
  for (int i = from; i <= static_cast<int>(lines_.size()); ++i)
    if (line_has_key(lines_[i - 1], key)) return i;
  return 0;
}

int SourceIndex::find_literal(std::string_view text, int from) const {
  const std::string dq = "\"" + std::string(text) + "\"";
  const std::string sq = "'" + std::string(text) + "'";
  for (int i = from; i <= static_cast<int>(lines_.size()); ++i) {
    const auto line = lines_[i - 1];
    if (line.find(dq) != std::string_view::npos || line.find(sq) != std::string_view::npos)
      return i;
  }
  return 0;
}

int SourceIndex::find(const std::vector<Anchor>& path, int from) const {
  int line = from < 1 ? 1 : from;
  for (const auto& a : path) {
    const int found =
        a.kind == Anchor::Kind::key ? find_key(a.text, line) : find_literal(a.text, line);
    if (found) line = found;
  }
  return line;
}

}  // namespace qc::engine
