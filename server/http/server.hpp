#pragma once
// The HTTP/1.1 transport: accepts connections, reads requests under explicit time and
// size limits, runs handlers on a worker pool and writes the answers. Beast and Asio
// stay behind the pimpl: including this header costs nothing.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace qc::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 = any free port
  int io_threads = 2;          // Asio I/O threads
  int worker_threads = 4;      // handlers run here: they may block on the database
  size_t body_limit = 1 << 20;
  // Routes added with Router::add_streaming (POST /api/v1/import): read as they arrive, so
  // a much larger body costs no more memory. The body timeout then limits each read.
  size_t import_limit = size_t{256} << 20;
  // The whole request head; on a new connection counted from the accept, so that the
  // first bytes must arrive within it too. Later requests: from their first byte.
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{60};  // the whole body; also each response write
  std::chrono::seconds idle_timeout{60};  // keep-alive wait for the next request
  // The connection budget (http/connection_limits.hpp): the cap, the slots anonymous
  // connections may not take (at most a quarter of the cap), and the cap per peer
  // address (0 = none; the loopback proxy is never capped).
  size_t max_connections = 1024;
  size_t reserved_connections = 128;
  size_t max_connections_per_address = 64;
  size_t max_header_bytes = 16 * 1024;
  std::string web_dir;                     // static UI; empty or missing = none
  std::chrono::seconds drain_timeout{10};  // stop(): how long in-flight requests may take
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, const Router& router, Metrics& metrics);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds (SO_REUSEADDR) and returns the bound port; throws std::runtime_error.
  unsigned short listen();
  // Serves until stop(); returns once in-flight requests have finished (or the drain
  // timeout has passed). Call once, after listen().
  void run();
  // Graceful and idempotent: stop accepting, close idle keep-alive connections, let
  // in-flight requests finish. Callable from any thread, but not from inside a signal
  // handler (use stop_on_signals).
  void stop();
  // SIGTERM / SIGINT call stop(). Call before run().
  void stop_on_signals();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace qc::http
