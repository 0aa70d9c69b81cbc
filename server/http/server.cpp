#include "http/server.hpp"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <cctype>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>

#include "http/body_pipe.hpp"
#include "http/connection_limits.hpp"
#include "http/errors.hpp"
#include "http/framing.hpp"
#include "http/server_dispatch.hpp"
#include "http/server_stream.hpp"
#include "http/server_wire.hpp"
#include "http/static_files.hpp"

namespace qc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// After refusing a request whose body is still coming (413, 503) the server keeps
// reading for a while before closing: closing with unread data makes the kernel send a
// reset, which can destroy the refusal before the client has read it.
constexpr size_t kLingerBytes = 8 << 20;
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr auto kDrainPoll = std::chrono::milliseconds(20);
constexpr auto kAcceptBackoff = std::chrono::milliseconds(50);
constexpr size_t kFirstRead = 4096;
// A streaming body waiting for its handler: at most this much is read ahead.
constexpr size_t kStreamAhead = 1 << 20;
// Connections refused at accept each linger up to kLingerTime so the client can read its
// 503; past this many at once (a reconnecting flood), further ones are closed unanswered.
constexpr size_t kMaxLingeringRefusals = 64;

}  // namespace

struct HttpServer::Impl {
  struct Connection {
    Connection(Impl& owner, tcp::socket socket, ConnectionLimits::Id id)
        : owner(owner), stream(std::move(socket)), id(id) {}
    ~Connection() { owner.unregister(id); }
    Impl& owner;
    beast::tcp_stream stream;
    const ConnectionLimits::Id id;  // its slot in owner.limits
    const Clock::time_point accepted = Clock::now();
    bool idle = false;  // waiting for the first byte of a request; touched only on the strand
  };

  Impl(ServerOptions o, const Router& router, Metrics& m)
      : opt(std::move(o)),
        metrics(m),
        files(opt.web_dir),
        dispatcher(router, files),
        limits(ConnectionBudget{opt.max_connections, opt.reserved_connections,
                                opt.max_connections_per_address}),
        workers(static_cast<size_t>(std::max(1, opt.worker_threads))) {}

  // ---- connection registry (any thread) ----
  std::shared_ptr<Connection> make_connection(tcp::socket socket, ConnectionLimits::Id id) {
    auto conn = std::make_shared<Connection>(*this, std::move(socket), id);
    std::lock_guard lock(mu);
    live.emplace(id, conn);
    ++connections;
    return conn;
  }
  void unregister(ConnectionLimits::Id id) {
    limits.release(id);
    std::lock_guard lock(mu);
    live.erase(id);
    --connections;
  }
  // Closes a half-open connection whose slot a new one has taken.
  void evict(ConnectionLimits::Id id) {
    std::shared_ptr<Connection> conn;
    {
      std::lock_guard lock(mu);
      if (auto it = live.find(id); it != live.end()) conn = it->second.lock();
    }
    if (!conn) return;
    spdlog::debug("http connection evicted half_open=true");
    asio::post(conn->stream.get_executor(), [conn] { conn->stream.close(); });
  }
  // Runs f on each live connection's strand.
  template <typename F>
  void for_each_connection(F f) {
    std::vector<std::shared_ptr<Connection>> all;
    {
      std::lock_guard lock(mu);
      for (auto& [key, weak] : live)
        if (auto conn = weak.lock()) all.push_back(std::move(conn));
    }
    for (auto& conn : all) asio::post(conn->stream.get_executor(), [conn, f] { f(*conn); });
  }

  // ---- request/response ----
  void log_request(std::string_view method, std::string_view route, int status,
                   Clock::time_point start) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    spdlog::info("method={} route={} status={} us={}", method, route, status, us.count());
    metrics.record_request(route, status, static_cast<std::uint64_t>(us.count()));
  }

  awaitable<void> linger_close(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(kLingerTime);
    std::vector<char> sink(64 * 1024);
    for (size_t total = 0; total < kLingerBytes;) {
      auto [rec, n] = co_await stream.async_read_some(asio::buffer(sink), use_tuple);
      if (rec) break;
      total += n;
    }
    stream.close();
  }

  // Answers a request that will not be served, then closes the connection gently: the
  // rest of that request may still be on its way.
  awaitable<void> refuse(beast::tcp_stream& stream, Response res) {
    BeastResponse out = to_beast(std::move(res), false, false, 11, "unmatched");
    stream.expires_after(kLingerTime);
    auto [ec, n] = co_await bhttp::async_write(stream, out, use_tuple);
    if (!ec) co_await linger_close(stream);
  }

  // Reads, serves and answers one request. Returns whether the connection stays open.
  // `head_deadline`: when the whole head must be in (ServerOptions::header_timeout).
  awaitable<bool> serve_one(Connection& c, beast::flat_buffer& buffer, const std::string& remote,
                            Clock::time_point head_deadline) {
    const auto start = Clock::now();
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
    // Content-Length is checked by hand below, so that the 413 names the route.
    parser.body_limit(boost::none);

    // One deadline for the whole head: a client trickling bytes does not extend it.
    c.stream.expires_at(head_deadline);
    auto [ec, n] = co_await bhttp::async_read_header(c.stream, buffer, parser, use_tuple);
    if (ec == bhttp::error::header_limit) {
      log_request("-", "unmatched", 431, start);
      co_await refuse(c.stream, header_too_large());
      co_return false;
    }
    if (ec) {
      if (is_protocol_error(ec)) {
        log_request("-", "unmatched", 400, start);
        co_await refuse(c.stream, error_response(ErrorCode::bad_request, "malformed request"));
      }
      co_return false;  // timeouts, resets and EOF have nobody to answer
    }

    const std::string method(parser.get().method_string());
    const std::string target(parser.get().target());
    const unsigned version = parser.get().version();
    // Before anything else looks at the body: its end must be unambiguous.
    if (const std::string bad = framing_problem(framing_of(parser.get(), version)); !bad.empty()) {
      log_request(method, "unmatched", 400, start);
      co_await refuse(c.stream,
                      error_response(ErrorCode::bad_request, "malformed request: " + bad));
      co_return false;
    }
    const bool privileged =
        privileged_request(method, target, parser.get()[bhttp::field::authorization],
                           parser.get()[bhttp::field::cookie], !parser.is_done());
    switch (limits.begin_request(c.id, privileged)) {
      case ConnectionLimits::Verdict::serve:
        break;
      case ConnectionLimits::Verdict::refuse:
        log_request(method, dispatcher.route_of(method, target), 503, start);
        co_await refuse(c.stream, error_response(ErrorCode::unavailable, "too many connections"));
        co_return false;
      case ConnectionLimits::Verdict::close:
        co_return false;
    }
    const bool streaming = dispatcher.streams_body(method, target);
    if (auto len = parser.content_length();
        len && *len > (streaming ? opt.import_limit : opt.body_limit)) {
      log_request(method, dispatcher.route_of(method, target), 413, start);
      co_await refuse(c.stream, error_response(ErrorCode::too_large, "request body too large"));
      co_return false;
    }
    if (streaming) co_return co_await serve_streaming(c, buffer, parser, remote, start);
    if (!parser.is_done()) {
      if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
        c.stream.expires_after(opt.body_timeout);
        if (auto [cec, cn] = co_await bhttp::async_write(c.stream, cont, use_tuple); cec)
          co_return false;
      }
      parser.body_limit(opt.body_limit);  // chunked bodies are counted as they come
      c.stream.expires_after(opt.body_timeout);
      auto [bec, bn] = co_await bhttp::async_read(c.stream, buffer, parser, use_tuple);
      if (bec == bhttp::error::body_limit) {
        log_request(method, dispatcher.route_of(method, target), 413, start);
        co_await refuse(c.stream, error_response(ErrorCode::too_large, "request body too large"));
        co_return false;
      }
      if (bec) {
        if (is_protocol_error(bec)) {
          log_request(method, "unmatched", 400, start);
          co_await refuse(c.stream, error_response(ErrorCode::bad_request, "malformed request"));
        }
        co_return false;
      }
    }

    Request req;
    req.method = method;
    req.target = target;
    req.remote_addr = remote;
    copy_headers(parser.get(), req);
    req.body = std::move(parser.get().body());
    const bool client_keep_alive = parser.get().keep_alive();

    // Handlers may block on the database: they run on the worker pool, and this
    // coroutine resumes on its own strand with the answer.
    Dispatched done = co_await asio::co_spawn(
        workers, dispatch_on_worker(dispatcher, std::move(req)), asio::use_awaitable);

    const int status = done.response.status;
    const bool may_stay = limits.end_request(c.id, done.authenticated);
    const bool keep_alive = client_keep_alive && may_stay && !stopping;
    BeastResponse out =
        to_beast(std::move(done.response), method == "HEAD", keep_alive, version, done.route);
    c.stream.expires_after(opt.body_timeout);
    auto [wec, wn] = co_await bhttp::async_write(c.stream, out, use_tuple);
    log_request(method, done.route, status, start);
    co_return !wec && keep_alive;
  }

  // A route whose handler reads the body as it arrives (the import): the handler starts
  // once the head is in, on a worker, and this coroutine feeds it the body.
  awaitable<bool> serve_streaming(Connection& c, beast::flat_buffer& buffer,
                                  bhttp::request_parser<bhttp::string_body>& head,
                                  const std::string& remote, Clock::time_point start) {
    const std::string method(head.get().method_string());
    const unsigned version = head.get().version();
    const bool client_keep_alive = head.get().keep_alive();
    Request req;
    req.method = method;
    req.target = std::string(head.get().target());
    req.remote_addr = remote;
    copy_headers(head.get(), req);
    const std::shared_ptr<BodyPipe> pipe = new_pipe(kStreamAhead);
    req.body_stream = pipe;
    const FailPipeOnExit fail_on_exit(pipe);
    if (!head.is_done() && beast::iequals(head.get()[bhttp::field::expect], "100-continue")) {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
      c.stream.expires_after(opt.body_timeout);
      if (auto [cec, cn] = co_await bhttp::async_write(c.stream, cont, use_tuple); cec)
        co_return false;
    }
    StreamParser parser(std::move(head));
    parser.body_limit(opt.import_limit);

    const std::shared_ptr<StreamedAnswer> answer = new_answer();
    auto on_answer = record_answer(answer, pipe);
    asio::co_spawn(workers, dispatch_on_worker(dispatcher, std::move(req)), std::move(on_answer));
    const BodyEnd end =
        co_await pump_body(c.stream, buffer, parser, *pipe, opt.body_timeout, opt.import_limit);
    if (end == BodyEnd::broken) co_return false;  // the handler stops at the failed pipe
    const std::function<bool()> done_yet = answered(answer);
    co_await wait_until(done_yet);

    Dispatched done = std::move(answer->value);
    const int status = done.response.status;
    // Unread body bytes may still be coming: answer, then close gently.
    const bool body_read = end == BodyEnd::complete;
    const bool may_stay = limits.end_request(c.id, done.authenticated);
    const bool keep_alive = client_keep_alive && body_read && may_stay && !stopping;
    BeastResponse out = to_beast(std::move(done.response), false, keep_alive, version, done.route);
    c.stream.expires_after(opt.body_timeout);
    auto [wec, wn] = co_await bhttp::async_write(c.stream, out, use_tuple);
    log_request(method, done.route, status, start);
    if (!wec && !body_read) co_await linger_close(c.stream);
    co_return !wec && keep_alive;
  }

  awaitable<void> session(std::shared_ptr<Connection> conn) {
    beast::error_code ec;
    const auto endpoint = conn->stream.socket().remote_endpoint(ec);
    const std::string remote = ec ? std::string() : endpoint.address().to_string();
    beast::flat_buffer buffer;
    // The first head is due header_timeout after the accept: a client that connects and
    // waits holds its slot no longer than one that trickles. Later heads are due
    // header_timeout after their first byte; before it, the idle timeout applies.
    Clock::time_point head_deadline = conn->accepted + opt.header_timeout;
    bool first = true;
    while (!stopping) {
      if (buffer.size() == 0) {
        // Between requests the connection is idle: stop() may close it right here.
        conn->idle = true;
        if (first)
          conn->stream.expires_at(head_deadline);
        else
          conn->stream.expires_after(opt.idle_timeout);
        auto [rec, n] =
            co_await conn->stream.async_read_some(buffer.prepare(kFirstRead), use_tuple);
        conn->idle = false;
        if (rec) break;
        buffer.commit(n);
      }
      if (!first) head_deadline = Clock::now() + opt.header_timeout;
      first = false;
      if (!co_await serve_one(*conn, buffer, remote, head_deadline)) break;
    }
    conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    conn->stream.close();
  }

  awaitable<void> reject_busy(tcp::socket socket, std::string message) {
    const CountDownOnExit done(refusing);  // counted up by accept_loop
    beast::tcp_stream stream(std::move(socket));
    const auto start = Clock::now();
    log_request("-", "unmatched", 503, start);
    co_await refuse(stream, error_response(ErrorCode::unavailable, std::move(message)));
  }

  // ---- accepting and stopping (on the control strand) ----
  awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), use_tuple);
      if (stopping || !acceptor.is_open()) break;
      if (ec) {
        // Out of descriptors and the like: back off instead of spinning.
        spdlog::warn("accept failed error={}", ec.message());
        asio::steady_timer backoff(control, kAcceptBackoff);
        co_await backoff.async_wait(use_tuple);
        continue;
      }
      const auto executor = socket.get_executor();
      beast::error_code pec;
      const auto peer = socket.remote_endpoint(pec);
      if (pec) continue;  // already gone
      const ConnectionLimits::Admission admission = limits.admit(address_key(peer.address()));
      if (admission.refusal != ConnectionLimits::Refusal::none) {
        if (refusing >= kMaxLingeringRefusals) continue;  // the socket closes unanswered
        ++refusing;
        asio::co_spawn(
            executor,
            reject_busy(std::move(socket), std::string(refusal_message(admission.refusal))),
            log_exception);
        continue;
      }
      if (admission.evicted) evict(*admission.evicted);
      asio::co_spawn(executor, session(make_connection(std::move(socket), admission.id)),
                     log_exception);
    }
  }

  void begin_drain() {
    if (stopping.exchange(true)) return;
    spdlog::info("http server stopping open_connections={}", connections.load());
    beast::error_code ec;
    acceptor.close(ec);
    if (signals) signals->cancel(ec);
    for_each_connection([](Connection& c) {
      if (c.idle) c.stream.cancel();
    });
    asio::co_spawn(control, drain(), log_exception);
  }

  awaitable<void> drain() {
    const auto deadline = Clock::now() + opt.drain_timeout;
    asio::steady_timer poll(control);
    while (connections > 0 && Clock::now() < deadline) {
      poll.expires_after(kDrainPoll);
      co_await poll.async_wait(use_tuple);
    }
    if (connections == 0) co_return;
    spdlog::warn("http drain timed out open_connections={}", connections.load());
    for_each_connection([](Connection& c) { c.stream.close(); });
    poll.expires_after(std::chrono::milliseconds(200));
    co_await poll.async_wait(use_tuple);
    // A handler still blocked on a worker keeps its connection: give up on it.
    if (connections > 0) ioc.stop();
  }

  ServerOptions opt;
  Metrics& metrics;
  StaticFiles files;
  Dispatcher dispatcher;

  ConnectionLimits limits;

  std::mutex mu;  // guards live
  std::unordered_map<ConnectionLimits::Id, std::weak_ptr<Connection>> live;
  std::atomic<size_t> connections{0};
  std::atomic<size_t> refusing{0};  // reject_busy coroutines running
  std::atomic<bool> stopping{false};

  // Declared after the registry: coroutine frames destroyed with the io_context
  // unregister their connections. Workers are declared last so that they are joined
  // first, while the frames they reference still exist.
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> control{ioc.get_executor()};
  tcp::acceptor acceptor{control};
  std::optional<asio::signal_set> signals;
  asio::thread_pool workers;
};

HttpServer::HttpServer(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::listen() {
  Impl& s = *impl_;
  try {
    tcp::resolver resolver(s.ioc);
    const auto results = resolver.resolve(s.opt.host, std::to_string(s.opt.port),
                                          tcp::resolver::passive | tcp::resolver::numeric_service);
    const tcp::endpoint endpoint = results.begin()->endpoint();
    s.acceptor.open(endpoint.protocol());
    s.acceptor.set_option(asio::socket_base::reuse_address(true));
    s.acceptor.bind(endpoint);
    s.acceptor.listen(asio::socket_base::max_listen_connections);
    const unsigned short port = s.acceptor.local_endpoint().port();
    spdlog::info("http listening host={} port={}", s.opt.host, port);
    return port;
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot listen on " + s.opt.host + ":" + std::to_string(s.opt.port) +
                             ": " + e.what());
  }
}

void HttpServer::run() {
  Impl& s = *impl_;
  asio::co_spawn(s.control, s.accept_loop(), log_exception);
  auto run_io = [&s] {
    for (;;) {
      try {
        s.ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http io thread error={}", e.what());
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < s.opt.io_threads; ++i) threads.emplace_back(run_io);
  run_io();
  for (auto& t : threads) t.join();
  spdlog::info("http server stopped");
}

void HttpServer::stop() {
  Impl& s = *impl_;
  asio::post(s.control, [&s] { s.begin_drain(); });
}

void HttpServer::stop_on_signals() {
  Impl& s = *impl_;
  s.signals.emplace(s.control, SIGINT, SIGTERM);
  s.signals->async_wait([this](const beast::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal={} received", signal);
    stop();
  });
}

}  // namespace qc::http
