#pragma once
// The body of a streaming request, handed from the connection (which reads it off the
// socket) to the handler on a worker thread (which parses it as it comes). Bounded: the
// connection stops reading while `capacity` bytes wait, so a slow import slows the upload
// (TCP flow control) instead of filling memory.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>

#include "core/text_source.hpp"

namespace qc::http {

class BodyPipe : public TextSource {
 public:
  explicit BodyPipe(size_t capacity) : capacity_(capacity) {}

  // ---- the connection's side ----
  // Whether another piece may be pushed now (false while full; and once the handler has
  // stopped reading, when nothing more is wanted).
  bool wants_more() const;
  bool abandoned() const;  // the handler answered without reading to the end
  void push(std::string piece);
  void finish();                      // the body has ended
  void fail(const std::string& why);  // the body will not end (no-op after finish)

  // ---- the handler's side (TextSource) ----
  bool next(std::string& out) override;  // blocks until a piece, the end or a failure
  std::string failure() const override;
  void abandon();  // the handler is done with the body, read or not

 private:
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::string> pieces_;
  size_t buffered_ = 0;
  size_t capacity_;
  bool ended_ = false;
  bool abandoned_ = false;
  std::string failure_;
};

}  // namespace qc::http
