// GET /api/v1/reports/commitment?year=&activity=&format=json|csv — the commitment
// activity's yearly figures (service/commitment_report.hpp says what is counted).
#include <charconv>

#include "core/stats.hpp"
#include "http/api_support.hpp"

namespace qc::http {

namespace json = boost::json;

namespace {

constexpr const char* kDefaultActivity = "national.commitment";

json::value opt_int(std::optional<int> v) { return v ? json::value(*v) : json::value(nullptr); }

json::object counts_json(const ReportCounts& c) {
  return {{"listed", c.listed},
          {"delisted", c.delisted},
          {"complaints_received", c.complaints_received},
          {"complaints_closed", c.complaints_closed},
          {"close_days_median", opt_int(percentile(c.close_days, 50))},
          {"close_days_p90", opt_int(percentile(c.close_days, 90))}};
}

json::object report_json(const CommitmentReport& r) {
  json::object o{{"year", r.year}, {"activity", r.activity}};
  for (auto& [k, v] : counts_json(r.total)) o[k] = v;
  json::array regions, organizers;
  for (const auto& [region, c] : r.by_region) {
    auto item = counts_json(c);
    item["region"] = region;
    regions.push_back(std::move(item));
  }
  for (const auto& [uscc, c] : r.by_organizer) {
    auto item = counts_json(c);
    item["organizer"] = uscc;
    item["name"] = r.organizer_names.at(uscc);
    organizers.push_back(std::move(item));
  }
  o["by_region"] = std::move(regions);
  o["by_organizer"] = std::move(organizers);
  return o;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A name
// starting with = + - @ would be a formula to a spreadsheet: it is prefixed with '.
std::string csv_field(const std::string& raw) {
  const std::string s =
      !raw.empty() && std::string_view("=+-@").find(raw[0]) != std::string_view::npos ? "'" + raw
                                                                                      : raw;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string opt_text(std::optional<int> v) { return v ? std::to_string(*v) : std::string(); }

void csv_row(std::string& out, const std::string& scope, const std::string& code,
             const std::string& name, const ReportCounts& c) {
  for (const std::string& f :
       {scope, code, name, std::to_string(c.listed), std::to_string(c.delisted),
        std::to_string(c.complaints_received), std::to_string(c.complaints_closed),
        opt_text(percentile(c.close_days, 50)), opt_text(percentile(c.close_days, 90))})
    out += csv_field(f) + ",";
  out.back() = '\n';
}

// One header line, then the total, each province and each organising unit.
std::string report_csv(const CommitmentReport& r) {
  std::string out =
      "\xEF\xBB\xBF"  // UTF-8 BOM: spreadsheet programs then read the Chinese names right
      "scope,code,name,listed,delisted,complaints_received,complaints_closed,"
      "close_days_median,close_days_p90\n";
  csv_row(out, "total", "000000", "", r.total);
  for (const auto& [region, c] : r.by_region) csv_row(out, "region", region, "", c);
  for (const auto& [uscc, c] : r.by_organizer)
    csv_row(out, "organizer", uscc, r.organizer_names.at(uscc), c);
  return out;
}

std::optional<int> year_param(const Request& req) {
  auto v = query(req, "year");
  if (!v) return std::nullopt;
  int y = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), y);
  if (ec != std::errc() || p != v->data() + v->size()) return std::nullopt;
  return y;
}

}  // namespace

void add_report_routes(Router& r, Api& api) {
  add_authed(r, api, "GET", "/api/v1/reports/commitment", [&api](Request& req, const Actor& a) {
    const auto format = query(req, "format").value_or("json");
    if (format != "json" && format != "csv")
      return error_response(err(ErrorCode::validation, "format is json or csv", "format"));
    const int year = year_param(req).value_or(
        query(req, "year") ? 0 : static_cast<int>(beijing_date(api.clock.now()).year()));
    auto rep =
        api.commitment_report.report(a, year, query(req, "activity").value_or(kDefaultActivity));
    if (!rep) return error_response(rep.error());
    if (format == "json") return ok_json(report_json(*rep));
    Response resp;
    resp.content_type = "text/csv; charset=utf-8";
    resp.body = report_csv(*rep);
    std::string disposition = "attachment; filename=\"commitment-report-";
    disposition += std::to_string(rep->year);
    disposition += ".csv\"";
    resp.set("Content-Disposition", std::move(disposition));
    return resp;
  });
}

}  // namespace qc::http
