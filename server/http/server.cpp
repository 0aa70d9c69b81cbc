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
#include "http/errors.hpp"
#include "http/framing.hpp"
#include "http/security_headers.hpp"
#include "http/server_dispatch.hpp"
#include "http/server_stream.hpp"
#include "http/static_files.hpp"

namespace qc::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using Clock = std::chrono::steady_clock;
using BeastResponse = bhttp::response<bhttp::string_body>;

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

void log_exception(std::exception_ptr e) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    spdlog::error("http coroutine failed error={}", ex.what());
  } catch (...) {
    spdlog::error("http coroutine failed error=unknown");
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `route` is the request's route label ("static" for the web UI, "unmatched" for
// refusals): with the content type it picks the Content-Security-Policy
// (http/security_headers.hpp), unless the handler set one.
BeastResponse to_beast(Response res, bool head, bool keep_alive, unsigned version,
                       std::string_view route) {
  BeastResponse out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "qcredit");
  if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
  out.set("X-Content-Type-Options", "nosniff");
  out.set("X-Frame-Options", kFrameOptions);
  out.set("Referrer-Policy", kReferrerPolicy);
  bool cache_control = false;
  bool csp = false;
  for (const auto& [name, value] : res.headers) {
    out.insert(name, value);
    cache_control = cache_control || beast::iequals(name, "cache-control");
    csp = csp || beast::iequals(name, "content-security-policy");
  }
  // API answers depend on who asks: no shared cache may keep them.
  if (!cache_control) out.set(bhttp::field::cache_control, "no-store");
  if (!csp) out.set("Content-Security-Policy", content_security_policy(route, res.content_type));
  out.keep_alive(keep_alive);
  const bool bodiless = res.status < 200 || res.status == 204 || res.status == 304;
  if (bodiless) return out;
  if (head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  return out;
}

// Built outside the coroutines: GCC 12 miscompiles brace-initialised JSON there.
Response header_too_large() {
  boost::json::object inner{{"code", "too_large"}, {"message", "request header too large"}};
  return json_response(431, boost::json::object{{"error", std::move(inner)}});
}

bool is_protocol_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

awaitable<Dispatched> dispatch_on_worker(const Dispatcher& dispatcher, Request req) {
  Dispatched out;
  out.response = dispatcher.dispatch(req);
  out.route = std::move(req.route);
  co_return out;
}

// Every Transfer-Encoding and Content-Length field the parser kept (it keeps repeats).
FramingFields framing_of(const bhttp::fields& head, unsigned version) {
  FramingFields out;
  out.version = version;
  for (const auto& field : head) {
    if (field.name() == bhttp::field::transfer_encoding)
      out.transfer_encoding.push_back(field.value());
    else if (field.name() == bhttp::field::content_length)
      out.content_length.push_back(field.value());
  }
  return out;
}

}  // namespace

struct HttpServer::Impl {
  struct Connection {
    Connection(Impl& owner, tcp::socket socket) : owner(owner), stream(std::move(socket)) {}
    ~Connection() { owner.unregister(this); }
    Impl& owner;
    beast::tcp_stream stream;
    bool idle = false;  // waiting for the first byte of a request; touched only on the strand
  };

  Impl(ServerOptions o, const Router& router, Metrics& m)
      : opt(std::move(o)),
        metrics(m),
        files(opt.web_dir),
        dispatcher(router, files),
        workers(static_cast<size_t>(std::max(1, opt.worker_threads))) {}

  // ---- connection registry (any thread) ----
  std::shared_ptr<Connection> make_connection(tcp::socket socket) {
    auto conn = std::make_shared<Connection>(*this, std::move(socket));
    std::lock_guard lock(mu);
    live.emplace(conn.get(), conn);
    ++connections;
    return conn;
  }
  void unregister(Connection* conn) {
    std::lock_guard lock(mu);
    live.erase(conn);
    --connections;
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
  awaitable<bool> serve_one(Connection& c, beast::flat_buffer& buffer, const std::string& remote) {
    const auto start = Clock::now();
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
    // Content-Length is checked by hand below, so that the 413 names the route.
    parser.body_limit(boost::none);

    // One deadline for the whole head: a client trickling bytes does not extend it.
    c.stream.expires_after(opt.header_timeout);
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
    for (const auto& field : parser.get())
      req.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
    req.body = std::move(parser.get().body());
    const bool client_keep_alive = parser.get().keep_alive();

    // Handlers may block on the database: they run on the worker pool, and this
    // coroutine resumes on its own strand with the answer.
    Dispatched done = co_await asio::co_spawn(
        workers, dispatch_on_worker(dispatcher, std::move(req)), asio::use_awaitable);

    const int status = done.response.status;
    const bool keep_alive = client_keep_alive && !stopping;
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
    for (const auto& field : head.get())
      req.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
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
    const bool keep_alive = client_keep_alive && body_read && !stopping;
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
    bool first = true;
    while (!stopping) {
      if (buffer.size() == 0) {
        // Between requests the connection is idle: stop() may close it right here.
        conn->idle = true;
        conn->stream.expires_after(first ? opt.header_timeout : opt.idle_timeout);
        auto [rec, n] =
            co_await conn->stream.async_read_some(buffer.prepare(kFirstRead), use_tuple);
        conn->idle = false;
        if (rec) break;
        buffer.commit(n);
      }
      first = false;
      if (!co_await serve_one(*conn, buffer, remote)) break;
    }
    conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    conn->stream.close();
  }

  awaitable<void> reject_busy(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    const auto start = Clock::now();
    log_request("-", "unmatched", 503, start);
    co_await refuse(stream, error_response(ErrorCode::unavailable, "too many connections"));
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
      if (connections >= opt.max_connections) {
        asio::co_spawn(executor, reject_busy(std::move(socket)), log_exception);
        continue;
      }
      asio::co_spawn(executor, session(make_connection(std::move(socket))), log_exception);
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

  std::mutex mu;  // guards live
  std::unordered_map<Connection*, std::weak_ptr<Connection>> live;
  std::atomic<size_t> connections{0};
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
