#include "app/options.hpp"

#include <thread>

namespace qc::app {

std::string usage() {
  return "usage: qcredit-server [audit-verify] [options]\n"
         "  --listen HOST:PORT   address to serve (default 127.0.0.1:8080)\n"
         "  --db URL             sqlite:PATH or postgresql://... (default sqlite:var/qcredit.db)\n"
         "  --workflows DIR      Lua procedures (default workflows)\n"
         "  --plugins DIR        Lua modules and data (default plugins)\n"
         "  --web DIR            static UI (default web/dist; skipped if absent)\n"
         "  --demo               load demo users, enterprises and cases (idempotent)\n"
         "  --simulated-clock    enable POST /api/v1/admin/clock (tests and demos only)\n"
         "  --threads N          I/O threads (default: cores)\n"
         "  --workers N          handler threads, which may wait on the database; concurrent\n"
         "                       writes share one SQLite commit (default: 8 per core, at least "
         "16)\n"
         "  --calendar FILE      working-day data (default PLUGINS/calendar/cn_workdays.json)\n"
         "  --import-limit SIZE  largest body of POST /api/v1/import, read as it arrives\n"
         "                       (bytes, or with K/M/G; default 256M; other requests: 1M)\n"
         "  --max-connections N  open connections at most (default 1024; more get 503)\n"
         "  --reserved-connections N\n"
         "                       of those, kept for /healthz, /readyz and signed-in clients\n"
         "                       (default 128, at most a quarter of --max-connections)\n"
         "  --max-connections-per-address N\n"
         "                       open connections from one address (an IPv6 /64) at most\n"
         "                       (default 64; 0 = no limit; a loopback peer, the local\n"
         "                       proxy, is never limited)\n"
         "  --header-timeout S   seconds a client has to send a whole request head, on a new\n"
         "                       connection counted from the connect (default 10)\n";
}

namespace {

// A whole number from `min` to `max`, or nullopt.
std::optional<long long> parse_count(const std::string& s, long long min, long long max) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < min || v > max) return std::nullopt;
  return v;
}

}  // namespace

std::optional<size_t> parse_size(const std::string& s) {
  if (s.empty() || s.size() > 20) return std::nullopt;
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  const std::string unit = s.substr(digits);
  int shift = 0;
  if (unit == "K" || unit == "k")
    shift = 10;
  else if (unit == "M" || unit == "m")
    shift = 20;
  else if (unit == "G" || unit == "g")
    shift = 30;
  else if (!unit.empty())
    return std::nullopt;
  const unsigned long long n = std::stoull(s.substr(0, digits));
  if (n == 0 || n > (1ull << 40) >> shift) return std::nullopt;  // at most 1 TiB
  return static_cast<size_t>(n << shift);
}

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& message) {
  Options o;
  size_t i = 0;
  if (!args.empty() && args[0] == "audit-verify") {
    o.command = "audit-verify";
    i = 1;
  }
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) {
        message = a + " needs a value\n" + usage();
        return false;
      }
      into = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      message = usage();
      return std::nullopt;
    } else if (a == "--listen") {
      if (!value(o.listen)) return std::nullopt;
    } else if (a == "--db") {
      if (!value(o.db)) return std::nullopt;
    } else if (a == "--workflows") {
      if (!value(o.workflows)) return std::nullopt;
    } else if (a == "--plugins") {
      if (!value(o.plugins)) return std::nullopt;
    } else if (a == "--web") {
      if (!value(o.web)) return std::nullopt;
    } else if (a == "--calendar") {
      if (!value(o.calendar)) return std::nullopt;
    } else if (a == "--import-limit") {
      std::string size;
      if (!value(size)) return std::nullopt;
      auto bytes = parse_size(size);
      if (!bytes) {
        message = "--import-limit must be a size such as 268435456, 512K, 256M or 1G\n";
        return std::nullopt;
      }
      o.import_limit = *bytes;
    } else if (a == "--max-connections" || a == "--reserved-connections" ||
               a == "--max-connections-per-address" || a == "--header-timeout") {
      std::string n;
      if (!value(n)) return std::nullopt;
      const bool timeout = a == "--header-timeout";
      const long long min = (a == "--max-connections" || timeout) ? 1 : 0;
      const long long max = timeout ? 3600 : 1'000'000;
      const auto v = parse_count(n, min, max);
      if (!v) {
        message = a + " must be a number from " + std::to_string(min) + " to " +
                  std::to_string(max) + "\n";
        return std::nullopt;
      }
      if (a == "--max-connections")
        o.max_connections = static_cast<size_t>(*v);
      else if (a == "--reserved-connections")
        o.reserved_connections = static_cast<size_t>(*v);
      else if (a == "--max-connections-per-address")
        o.max_connections_per_address = static_cast<size_t>(*v);
      else
        o.header_timeout = static_cast<int>(*v);
    } else if (a == "--demo") {
      o.demo = true;
    } else if (a == "--simulated-clock") {
      o.simulated_clock = true;
    } else if (a == "--threads" || a == "--workers") {
      std::string n;
      if (!value(n)) return std::nullopt;
      int v = -1;
      try {
        v = std::stoi(n);
      } catch (const std::exception&) {
        v = -1;
      }
      if (v < 1 || v > 256) {
        message = a + " must be a number from 1 to 256\n";
        return std::nullopt;
      }
      (a == "--threads" ? o.threads : o.workers) = v;
    } else {
      message = "unknown option " + a + "\n" + usage();
      return std::nullopt;
    }
  }
  if (o.threads == 0)
    o.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (o.workers == 0) o.workers = std::max(16, o.threads * 8);
  if (o.calendar.empty()) o.calendar = o.plugins + "/calendar/cn_workdays.json";
  if (o.listen.rfind(':') == std::string::npos) {
    message = "--listen must be HOST:PORT\n";
    return std::nullopt;
  }
  return o;
}

}  // namespace qc::app
