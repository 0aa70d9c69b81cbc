#pragma once
// Blocking HTTP/1.1 clients for tests: HttpClient speaks well-formed requests over a
// reused keep-alive connection; RawConnection sends any bytes at all, for slow and
// malformed clients.
#include <boost/json/value.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace qc::test {

using Headers = std::map<std::string, std::string>;

struct HttpResult {
  int status = 0;    // 0: no answer (connection refused, reset, timed out)
  std::string body;  // or, when status is 0, what went wrong
  Headers headers;   // names lower-cased; repeated fields joined with ", "
  bool keep_alive = false;

  std::string header(const std::string& lower_name) const;
  // The body parsed as JSON; throws std::runtime_error (showing the body) if it is not.
  boost::json::value json() const;
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port, std::string host = "127.0.0.1");
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request on the kept-alive connection, reconnecting (and retrying once)
  // when the server closed it while idle. A JSON content type is added to a non-empty
  // body unless `headers` names one.
  HttpResult request(std::string_view method, std::string_view path, std::string_view body = "",
                     const Headers& headers = {});

  HttpResult get(std::string_view path, const Headers& headers = {});
  HttpResult post(std::string_view path, const boost::json::value& body,
                  const Headers& headers = {});
  HttpResult put(std::string_view path, const boost::json::value& body,
                 const Headers& headers = {});
  HttpResult del(std::string_view path, const Headers& headers = {});

  // Adds `Authorization: Bearer <token>` to every request; empty clears it.
  void set_token(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }
  void set_timeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }
  // Drops the connection; the next request opens a new one.
  void close();
  // How many TCP connections this client has opened (keep-alive tests).
  int connections_opened() const { return connections_opened_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string token_;
  std::chrono::milliseconds timeout_{30000};
  int connections_opened_ = 0;
};

// A plain TCP connection with deadlines on every call.
class RawConnection {
 public:
  // Connects to 127.0.0.1:port; throws std::runtime_error on failure. With `from` (an IPv4
  // address such as "127.0.0.2": Linux routes all of 127.0.0.0/8 to the loopback), the
  // connection comes from that address, as another client's would.
  explicit RawConnection(unsigned short port, const std::string& from = "");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // False once the peer has gone (reset, broken pipe); never raises SIGPIPE.
  bool send(std::string_view bytes);
  // Whatever arrives until the peer closes or `timeout` passes.
  std::string read_all(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // One complete response (head plus Content-Length body), or what arrived before the
  // peer closed or `timeout` passed.
  std::string read_response(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True if the peer closes (or resets) the connection within `timeout`. Data that
  // arrives meanwhile is kept for read_all/read_response.
  bool closed_by_peer(std::chrono::milliseconds timeout);
  void close();

 private:
  int fd_ = -1;
  std::string pending_;
  bool eof_ = false;
  // Waits up to `timeout` for data; appends to pending_. False on timeout.
  bool fill(std::chrono::milliseconds timeout);
};

// The status code of a raw "HTTP/1.1 NNN ..." response, or 0.
int status_of(std::string_view raw_response);
// The body of a raw response (everything after the blank line).
std::string body_of(std::string_view raw_response);

}  // namespace qc::test
