// fx.document{outline = …}: a long written document (e.g. a yearly quality-credit report)
// rendered as one print-ready A4 page with a contents list, numbered headings, paragraphs,
// tables and embedded figures. What the sections are is the procedure's business; this
// file only knows the outline's shape (docs/lua_api.md, `fx.document`).
#include <algorithm>
#include <boost/json/serialize.hpp>

#include "service/effects.hpp"

namespace qc {

namespace {

std::string paragraphs(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out += "<p>" + html_escape(text.substr(start, end - start)) + "</p>\n";
    start = end + 1;
  }
  return out;
}

std::string cell_text(const Json& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_null()) return {};
  return boost::json::serialize(v);
}

std::string caption_of(const JsonObject& o) {
  const auto* c = o.if_contains("caption");
  return c && c->is_string() ? std::string(c->get_string()) : std::string();
}

std::string table_html(const Json& t) {
  if (!t.is_object()) return {};
  const auto& o = t.get_object();
  std::string out = "<table>\n";
  if (auto cap = caption_of(o); !cap.empty())
    out += "<caption>" + html_escape(cap) + "</caption>\n";
  if (const auto* rows = o.if_contains("rows"); rows && rows->is_array()) {
    bool head = true;
    for (const auto& row : rows->get_array()) {
      if (!row.is_array()) continue;
      out += "<tr>";
      for (const auto& cell : row.get_array()) {
        const char* tag = head ? "th" : "td";
        out += std::string("<") + tag + ">" + html_escape(cell_text(cell)) + "</" + tag + ">";
      }
      out += "</tr>\n";
      head = false;  // the first row is the header
    }
  }
  return out + "</table>\n";
}

// Only embedded raster images: a report page never loads anything from elsewhere.
bool safe_image(std::string_view src) {
  for (std::string_view kind : {"png", "jpeg", "gif", "webp"})
    if (src.rfind("data:image/" + std::string(kind) + ";base64,", 0) == 0)
      return src.find_first_of("\"'<> ") == std::string_view::npos;
  return false;
}

std::string figure_html(const Json& f) {
  if (!f.is_object()) return {};
  const auto& o = f.get_object();
  const auto* src = o.if_contains("src");
  if (!src || !src->is_string() || !safe_image(src->get_string())) return {};
  std::string out = "<figure><img src=\"" + std::string(src->get_string()) + "\" alt=\"\">";
  if (auto cap = caption_of(o); !cap.empty())
    out += "<figcaption>" + html_escape(cap) + "</figcaption>";
  return out + "</figure>\n";
}

const boost::json::array* list_of(const JsonObject& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_array() ? &v->get_array() : nullptr;
}

void render_sections(const boost::json::array& items, int depth, const std::string& prefix,
                     std::string& toc, std::string& body) {
  int n = 0;
  for (const auto& item : items) {
    if (!item.is_object()) continue;
    const auto& o = item.get_object();
    const std::string number = prefix + std::to_string(++n);
    const std::string anchor = "s" + number;
    const std::string title = html_escape(cell_text(o.contains("title") ? o.at("title") : Json()));
    toc += "<li class=\"d" + std::to_string(depth) + "\"><a href=\"#" + anchor + "\">" + title +
           "</a></li>\n";
    const std::string h = "h" + std::to_string(std::min(depth + 2, 6));
    body += "<" + h + " id=\"" + anchor + "\">" + title + "</" + h + ">\n";
    if (const auto* text = o.if_contains("text"); text && text->is_string())
      body += paragraphs(text->get_string());
    if (const auto* tables = list_of(o, "tables"))
      for (const auto& t : *tables) body += table_html(t);
    if (const auto* figures = list_of(o, "figures"))
      for (const auto& f : *figures) body += figure_html(f);
    if (const auto* children = list_of(o, "children"))
      render_sections(*children, depth + 1, number + "-", toc, body);
  }
}

}  // namespace

std::string render_outline_document(const std::string& title, const Json& outline,
                                    const EffectContext& ctx) {
  std::string toc;
  std::string body;
  if (outline.is_array()) render_sections(outline.get_array(), 0, "", toc, body);
  const std::string name = ctx.enterprise ? ctx.enterprise->name : ctx.c.enterprise;
  return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>" +
         html_escape(title) +
         "</title>\n<style>@page{size:A4;margin:25mm 20mm}body{font-family:'SimSun','Songti SC',"
         "serif;font-size:15px;line-height:1.8;max-width:170mm;margin:auto}h1{text-align:center;"
         "font-size:24px;letter-spacing:2px}h2{font-size:19px;page-break-after:avoid}h3{font-size:"
         "17px}h4,h5,h6{font-size:15px}.meta{text-align:center;color:#333}nav ol{list-style:none;"
         "padding:0}nav li.d1{padding-left:2em}nav li.d2{padding-left:4em}nav li.d3{padding-left:"
         "6em}nav{page-break-after:always}table{border-collapse:collapse;width:100%;margin:1em 0}"
         "th,td{border:1px solid #555;padding:2px 6px}caption{font-weight:bold}figure{text-align:"
         "center}figure img{max-width:100%}</style></head>\n<body><h1>" +
         html_escape(title) + "</h1>\n<p class=\"meta\">" + html_escape(name) +
         "（统一社会信用代码：" + html_escape(ctx.c.enterprise) +
         "）</p>\n<nav><h2>目录</h2><ol>\n" + toc + "</ol></nav>\n" + body +
         "<p class=\"meta\">案件编号：" + std::to_string(ctx.c.id) + " · " +
         format_date(ctx.today) + "</p>\n</body></html>\n";
}

}  // namespace qc
