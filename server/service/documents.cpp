#include "service/effects.hpp"

namespace qc {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_document(const std::string& title, const std::string& body,
                            const EffectContext& ctx) {
  std::string paragraphs;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    if (end > start) paragraphs += "<p>" + html_escape(body.substr(start, end - start)) + "</p>\n";
    start = end + 1;
  }
  const std::string name = ctx.enterprise ? ctx.enterprise->name : ctx.c.enterprise;
  return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>" +
         html_escape(title) +
         "</title>\n<style>@page{size:A4;margin:25mm 20mm}body{font-family:'SimSun','Songti SC',"
         "serif;font-size:16px;line-height:1.8;max-width:170mm;margin:auto}h1{text-align:center;"
         "font-size:22px;letter-spacing:2px}.meta{color:#333}.date{text-align:right;margin-top:"
         "3em}</style></head>\n<body><h1>" +
         html_escape(title) + "</h1>\n<p class=\"meta\">" + html_escape(name) +
         "（统一社会信用代码：" + html_escape(ctx.c.enterprise) + "）</p>\n" + paragraphs +
         "<p class=\"meta\">依据：" + html_escape(ctx.def.title) +
         (ctx.def.basis.empty() ? "" : "，" + html_escape(ctx.def.basis)) +
         "。案件编号：" + std::to_string(ctx.c.id) + "</p>\n<p class=\"date\">" +
         format_date(ctx.today) + "</p>\n</body></html>\n";
}

}  // namespace qc
