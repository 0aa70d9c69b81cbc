#pragma once
// Command-line options of build/qcredit-server (API.md "Running the server").
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace qc::app {

struct Options {
  std::string command = "serve";  // serve | audit-verify
  std::string listen = "127.0.0.1:8080";
  std::string db = "sqlite:var/qcredit.db";
  std::string workflows = "workflows";
  std::string plugins = "plugins";
  std::string web = "web/dist";
  bool demo = false;
  bool simulated_clock = false;
  int threads = 0;                          // 0 = number of cores
  int workers = 0;                          // 0 = 8 per I/O thread, at least 16
  std::string calendar;                     // default: <plugins>/calendar/cn_workdays.json
  size_t import_limit = size_t{256} << 20;  // body of POST /api/v1/import, bytes
  // The connection budget (docs/deployment.md "Connections"; http/connection_limits.hpp).
  size_t max_connections = 1024;
  size_t reserved_connections = 128;        // kept for health probes and signed-in clients
  size_t max_connections_per_address = 64;  // 0 = none; the loopback proxy is never capped
  int header_timeout = 10;                  // seconds for a whole request head
};

// "1048576", "512K", "256M", "1G" (binary units) -> bytes; nullopt when not a size.
std::optional<size_t> parse_size(const std::string& s);

// Parses argv; on error returns a message (and on --help the usage text) in `message`.
std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& message);
std::string usage();

}  // namespace qc::app
