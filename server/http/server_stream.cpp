#include "http/server_stream.hpp"

#include <boost/asio.hpp>
#include <string>
#include <vector>

#include "http/errors.hpp"

namespace qc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr size_t kPiece = 64 * 1024;
// How often a waiting connection looks again: the handler's progress is measured in rows
// per millisecond at best, so a few milliseconds cost nothing and keep this simple (no
// cross-thread wake-ups of a strand).
constexpr auto kPoll = std::chrono::milliseconds(2);

bool framing_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

// Outside the coroutine: GCC 12 destroys some temporaries of coroutine bodies twice.
void hand_over(BodyPipe& pipe, const char* data, size_t n) {
  if (n > 0) pipe.push(std::string(data, n));
}

BodyEnd fail(BodyPipe& pipe, const beast::error_code& ec, size_t limit) {
  if (ec == bhttp::error::body_limit) {
    pipe.fail("the body is larger than the import limit of " + std::to_string(limit) +
              " bytes: nothing after the last complete row was read");
    return BodyEnd::too_large;
  }
  if (framing_error(ec)) {
    pipe.fail("the body is not well-formed HTTP/1.1: " + ec.message());
    return BodyEnd::malformed;
  }
  pipe.fail("the upload stopped before its end: " + ec.message());
  return BodyEnd::broken;
}

}  // namespace

std::function<void(std::exception_ptr, Dispatched)> record_answer(
    std::shared_ptr<StreamedAnswer> answer, std::shared_ptr<BodyPipe> pipe) {
  return [answer = std::move(answer), pipe = std::move(pipe)](std::exception_ptr e, Dispatched d) {
    if (e) d.response = error_response(ErrorCode::internal, "internal error");
    pipe->abandon();  // the handler has read all it will
    answer->value = std::move(d);
    answer->done.store(true, std::memory_order_release);
  };
}

std::function<bool()> answered(std::shared_ptr<StreamedAnswer> answer) {
  return [answer = std::move(answer)] { return answer->done.load(std::memory_order_acquire); };
}

std::shared_ptr<BodyPipe> new_pipe(size_t capacity) { return std::make_shared<BodyPipe>(capacity); }
std::shared_ptr<StreamedAnswer> new_answer() { return std::make_shared<StreamedAnswer>(); }

asio::awaitable<BodyEnd> pump_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                   StreamParser& parser, BodyPipe& pipe,
                                   std::chrono::seconds read_timeout, size_t limit) {
  asio::steady_timer poll(co_await asio::this_coro::executor);
  std::vector<char> piece(kPiece);
  while (!parser.is_done()) {
    while (!pipe.wants_more()) {
      if (pipe.abandoned()) co_return BodyEnd::abandoned;
      poll.expires_after(kPoll);
      co_await poll.async_wait(use_tuple);
    }
    auto& body = parser.get().body();
    body.data = piece.data();
    body.size = piece.size();
    stream.expires_after(read_timeout);
    auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, use_tuple);
    if (ec == bhttp::error::need_buffer) ec = {};  // the piece is full: hand it over
    hand_over(pipe, piece.data(), piece.size() - body.size);
    if (ec) co_return fail(pipe, ec, limit);
  }
  pipe.finish();
  co_return BodyEnd::complete;
}

asio::awaitable<void> wait_until(const std::function<bool()>& done) {
  asio::steady_timer poll(co_await asio::this_coro::executor);
  while (!done()) {
    poll.expires_after(kPoll);
    co_await poll.async_wait(use_tuple);
  }
}

}  // namespace qc::http
