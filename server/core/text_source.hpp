#pragma once
// A text that arrives piece by piece (a request body being uploaded, a file being read):
// readers pull the next piece when they need it, so the whole text is never in memory.
#include <string>
#include <string_view>

namespace qc {

class TextSource {
 public:
  virtual ~TextSource() = default;
  // Appends the next piece to `out` and returns true (the piece may be empty), or returns
  // false at the end. It may block until the piece is there.
  virtual bool next(std::string& out) = 0;
  // After next() returned false: why the text ended before its end, or "" when it did not
  // (a dropped connection, a size limit).
  virtual std::string failure() const { return {}; }
};

// The whole text at once: one piece, then the end.
class WholeText : public TextSource {
 public:
  explicit WholeText(std::string_view text) : text_(text) {}
  bool next(std::string& out) override {
    if (done_) return false;
    out.append(text_);
    done_ = true;
    return true;
  }

 private:
  std::string_view text_;
  bool done_ = false;
};

}  // namespace qc
