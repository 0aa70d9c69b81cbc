#pragma once
// The connection's half of a streaming route (Router::add_streaming): the body is read
// off the socket piece by piece into a BodyPipe while the handler, already running on a
// worker, parses it. Internal to server.cpp; Beast types are fine here.
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <string>

#include "http/body_pipe.hpp"
#include "http/message.hpp"

namespace qc::http {

// What a worker thread hands back to the connection.
struct Dispatched {
  Response response;
  std::string route;
  bool authenticated = false;  // the handler accepted the request's session (caller())
};

// A streaming handler's answer, handed from the worker to the connection's strand.
struct StreamedAnswer {
  std::atomic<bool> done{false};
  Dispatched value;
};

// Whatever ends the connection's coroutine (an error, the io_context going away), the
// handler blocked on the pipe must be told the body will not come.
class FailPipeOnExit {
 public:
  explicit FailPipeOnExit(std::shared_ptr<BodyPipe> pipe) : pipe_(std::move(pipe)) {}
  FailPipeOnExit(const FailPipeOnExit&) = delete;
  FailPipeOnExit& operator=(const FailPipeOnExit&) = delete;
  ~FailPipeOnExit() { pipe_->fail("the connection closed before the body ended"); }

 private:
  std::shared_ptr<BodyPipe> pipe_;
};

// Built outside the coroutines (GCC 12 destroys some temporaries and lambdas of coroutine
// bodies twice), then passed as named objects:
// the streaming handler's completion: records the answer and releases the body;
std::function<void(std::exception_ptr, Dispatched)> record_answer(
    std::shared_ptr<StreamedAnswer> answer, std::shared_ptr<BodyPipe> pipe);
// whether that answer is in;
std::function<bool()> answered(std::shared_ptr<StreamedAnswer> answer);
std::shared_ptr<BodyPipe> new_pipe(size_t capacity);
std::shared_ptr<StreamedAnswer> new_answer();

enum class BodyEnd {
  complete,   // read to its end
  abandoned,  // the handler answered without reading it all
  too_large,  // over the limit (a chunked body: Content-Length is checked before)
  malformed,  // not HTTP/1.1 framing
  broken,     // timeout, reset, EOF: nobody left to answer
};

using StreamParser = boost::beast::http::request_parser<boost::beast::http::buffer_body>;

// Reads the rest of the body into `pipe`, at the pace the handler takes it: while the
// pipe is full nothing is read (TCP flow control holds the client back). Each read must
// make progress within `read_timeout`: an idle limit, since a large upload may rightly
// take longer than any limit on the whole body. Ends the pipe (finish or fail) except
// when abandoned.
boost::asio::awaitable<BodyEnd> pump_body(boost::beast::tcp_stream& stream,
                                          boost::beast::flat_buffer& buffer, StreamParser& parser,
                                          BodyPipe& pipe, std::chrono::seconds read_timeout,
                                          size_t limit);

// Suspends the calling coroutine, without holding its strand, until `done()` is true.
// Pass a named function: GCC 12 destroys temporaries of a co_await expression twice.
boost::asio::awaitable<void> wait_until(const std::function<bool()>& done);

}  // namespace qc::http
