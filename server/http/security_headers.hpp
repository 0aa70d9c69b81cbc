#pragma once
// The browser-facing security headers every answer carries (docs/security.md "Browser
// policy"): a Content-Security-Policy chosen by what the answer is, X-Frame-Options and
// Referrer-Policy. One table, applied by the transport; a handler that sets its own
// Content-Security-Policy keeps it.
#include <string_view>

namespace qc::http {

// The web UI (web/dist, route "static"). Scripts, styles, fonts and requests only from
// this origin; inline styles, because Element Plus and mermaid's SVG set them; images
// also as data: URLs (Element Plus icons in CSS, the figures of documents shown in the
// UI's sandboxed frames, which inherit this policy).
inline constexpr std::string_view kUiPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// Print-ready HTML documents (case documents, published reports): their own <style>
// block and embedded data: images, nothing else; no script runs, nothing is loaded.
inline constexpr std::string_view kDocumentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

// Everything else (JSON, CSV, ZIP, metrics): nothing may run or load if a browser ever
// renders one.
inline constexpr std::string_view kApiPolicy =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

inline constexpr std::string_view kFrameOptions = "DENY";
// The full URL only to this origin (the UI's own requests); other sites learn nothing,
// and the Origin header of the UI's own writes stays intact.
inline constexpr std::string_view kReferrerPolicy = "same-origin";

// The policy of an answer by its route label (Request::route) and content type.
std::string_view content_security_policy(std::string_view route, std::string_view content_type);

}  // namespace qc::http
