#pragma once
// The TLS-terminating proxy the deployment puts in front of the server runs on the same
// host (docs/deployment.md): a loopback peer is that proxy. Its X-Forwarded-For is
// believed (client_addr), and its connections are not counted per address (every client
// it forwards shares its address; the proxy limits them itself).
#include <string_view>

namespace qc::http {

inline bool is_loopback_proxy(std::string_view peer) {
  return peer == "127.0.0.1" || peer == "::1" || peer.starts_with("::ffff:127.0.0.1");
}

}  // namespace qc::http
