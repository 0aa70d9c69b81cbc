#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>

namespace qc::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

std::string HttpResult::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

boost::json::value HttpResult::json() const {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec)
    throw std::runtime_error("HTTP " + std::to_string(status) +
                             " body is not JSON: " + body.substr(0, 500));
  return v;
}

// ---------------------------------------------------------------------------------
// HttpClient: Beast over a tcp_stream. Every operation is asynchronous under the hood
// so that tcp_stream's deadlines apply; the calls here block on io_context::run.

struct HttpClient::Impl {
  Impl(std::string h, unsigned short p) : host(std::move(h)), port(p) {}
  std::string host;
  unsigned short port;
  asio::io_context ioc;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

  void run() {
    ioc.restart();
    ioc.run();
  }

  beast::error_code connect(std::chrono::milliseconds timeout) {
    stream.emplace(ioc);
    buffer.clear();
    beast::error_code result;
    stream->expires_after(timeout);
    const tcp::endpoint endpoint(asio::ip::make_address(host), port);
    stream->async_connect(endpoint, [&](beast::error_code ec) { result = ec; });
    run();
    if (result) stream.reset();
    return result;
  }

  // Writes `req` and reads the answer. `sent_nothing` tells whether a failure happened
  // before the server could have seen the request.
  beast::error_code exchange(bhttp::request<bhttp::string_body>& req,
                             bhttp::response_parser<bhttp::string_body>& parser,
                             std::chrono::milliseconds timeout, bool& answered_nothing) {
    beast::error_code result;
    answered_nothing = true;
    stream->expires_after(timeout);
    bhttp::async_write(*stream, req, [&](beast::error_code ec, size_t) { result = ec; });
    run();
    if (result) return result;
    stream->expires_after(timeout);
    bhttp::async_read(*stream, buffer, parser, [&](beast::error_code ec, size_t) { result = ec; });
    run();
    answered_nothing = !parser.got_some();
    return result;
  }
};

HttpClient::HttpClient(unsigned short port, std::string host)
    : impl_(std::make_unique<Impl>(std::move(host), port)) {}

HttpClient::~HttpClient() = default;

void HttpClient::close() {
  if (impl_->stream) {
    beast::error_code ec;
    impl_->stream->socket().shutdown(tcp::socket::shutdown_both, ec);
    impl_->stream->close();
    impl_->stream.reset();
  }
}

HttpResult HttpClient::request(std::string_view method, std::string_view path,
                               std::string_view body, const Headers& headers) {
  bhttp::request<bhttp::string_body> req;
  req.method_string(method);
  req.target(path);
  req.version(11);
  req.set(bhttp::field::host, impl_->host + ":" + std::to_string(impl_->port));
  req.set(bhttp::field::user_agent, "qcredit-tests");
  if (!token_.empty()) req.set(bhttp::field::authorization, "Bearer " + token_);
  bool has_content_type = false;
  for (const auto& [name, value] : headers) {
    req.set(name, value);
    has_content_type = has_content_type || beast::iequals(name, "content-type");
  }
  if (!body.empty() && !has_content_type) req.set(bhttp::field::content_type, "application/json");
  req.body() = std::string(body);
  req.prepare_payload();

  HttpResult out;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool reused = impl_->stream.has_value();
    if (!reused) {
      if (auto ec = impl_->connect(timeout_)) {
        out.body = "connect: " + ec.message();
        return out;
      }
      ++connections_opened_;
    }
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(boost::none);
    if (method == "HEAD") parser.skip(true);
    bool answered_nothing = true;
    const beast::error_code ec = impl_->exchange(req, parser, timeout_, answered_nothing);
    if (ec) {
      close();
      out.body = "exchange: " + ec.message();
      // An idle keep-alive connection the server has closed: try once on a new one.
      if (reused && answered_nothing) continue;
      return out;
    }
    const auto& res = parser.get();
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    out.keep_alive = res.keep_alive();
    for (const auto& field : res) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, fresh] = out.headers.emplace(name, std::string(field.value()));
      if (!fresh) it->second += ", " + std::string(field.value());
    }
    if (!out.keep_alive) close();
    return out;
  }
  return out;
}

HttpResult HttpClient::get(std::string_view path, const Headers& headers) {
  return request("GET", path, "", headers);
}

HttpResult HttpClient::post(std::string_view path, const boost::json::value& body,
                            const Headers& headers) {
  return request("POST", path, boost::json::serialize(body), headers);
}

HttpResult HttpClient::put(std::string_view path, const boost::json::value& body,
                           const Headers& headers) {
  return request("PUT", path, boost::json::serialize(body), headers);
}

HttpResult HttpClient::del(std::string_view path, const Headers& headers) {
  return request("DELETE", path, "", headers);
}

// ---------------------------------------------------------------------------------
// RawConnection: POSIX sockets, poll() for every deadline.

RawConnection::RawConnection(unsigned short port, const std::string& from) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  if (!from.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    if (::inet_pton(AF_INET, from.c_str(), &local.sin_addr) != 1 ||
        ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
      const std::string why = std::strerror(errno);
      close();
      throw std::runtime_error("bind " + from + ": " + why);
    }
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    const std::string why = std::strerror(errno);
    close();
    throw std::runtime_error("connect: " + why);
  }
}

RawConnection::~RawConnection() { close(); }

void RawConnection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool RawConnection::send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool RawConnection::fill(std::chrono::milliseconds timeout) {
  if (eof_ || fd_ < 0) return false;
  pollfd p{fd_, POLLIN, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return false;
  char buf[16384];
  const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) {
    eof_ = true;  // orderly close or reset: either way the peer is gone
    return false;
  }
  pending_.append(buf, static_cast<size_t>(n));
  return true;
}

std::string RawConnection::read_all(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!eof_) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || (!fill(left) && !eof_)) break;
  }
  return std::exchange(pending_, {});
}

std::string RawConnection::read_response(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const size_t head_end = pending_.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      std::string head = pending_.substr(0, head_end);
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t length = 0;
      if (const size_t at = head.find("\r\ncontent-length:"); at != std::string::npos)
        length = std::stoul(head.substr(at + 17));
      const size_t total = head_end + 4 + length;
      if (pending_.size() >= total) {
        std::string out = pending_.substr(0, total);
        pending_.erase(0, total);
        return out;
      }
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || !fill(left)) return std::exchange(pending_, {});
  }
}

bool RawConnection::closed_by_peer(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!eof_) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    fill(left);
  }
  return true;
}

int status_of(std::string_view raw) {
  if (raw.size() < 12 || raw.substr(0, 5) != "HTTP/") return 0;
  const size_t sp = raw.find(' ');
  if (sp == std::string_view::npos || sp + 4 > raw.size()) return 0;
  int status = 0;
  for (size_t i = sp + 1; i < sp + 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(raw[i]))) return 0;
    status = status * 10 + (raw[i] - '0');
  }
  return status;
}

std::string body_of(std::string_view raw) {
  const size_t at = raw.find("\r\n\r\n");
  return at == std::string_view::npos ? std::string() : std::string(raw.substr(at + 4));
}

}  // namespace qc::test
