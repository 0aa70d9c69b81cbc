#include "core/time.hpp"

#include <cstdio>

namespace qc {

using namespace std::chrono;

Date beijing_date(Instant t) { return Date{floor<days>(t + kBeijingOffset)}; }

Instant start_of_beijing_day(Date d) { return Instant{sys_days{d}} - kBeijingOffset; }

Instant end_of_beijing_day(Date d) { return start_of_beijing_day(add_days(d, 1)); }

Date add_days(Date d, int n) { return Date{sys_days{d} + days{n}}; }

Date anniversary(Date from, int years) {
  Date a = from + std::chrono::years{years};
  if (!a.ok()) a = a.year() / March / 1;  // 29 Feb in a common year
  return a;
}

Date term_end(Date from, int years) { return add_days(anniversary(from, years), -1); }

std::string format_date(Date d) {
  const int y = static_cast<int>(d.year());
  const auto m = static_cast<unsigned>(d.month());
  const auto day = static_cast<unsigned>(d.day());
  if (y < 0 || y > 9999 || m > 99 || day > 99) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, day);
    return buf;
  }
  // By hand: a classification pass formats millions of dates, and snprintf costs ~1,600
  // instructions a call.
  const char text[10] = {static_cast<char>('0' + y / 1000),
                         static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),
                         static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),
                         static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + day / 10),
                         static_cast<char>('0' + day % 10)};
  return std::string(text, sizeof text);
}

std::string format_instant(Instant t) {
  const auto day = floor<days>(t);
  const hh_mm_ss<seconds> hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(Date{day}).c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

namespace {
bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<Instant> parse_instant(std::string_view s) {
  if (s.size() < 20) return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  int hh = 0, mm = 0, ss = 0;
  if (!date || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, hh) ||
      s[13] != ':' || !digits(s, 14, 2, mm) || s[16] != ':' || !digits(s, 17, 2, ss) || hh > 23 ||
      mm > 59 || ss > 60)
    return std::nullopt;
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {  // fractional seconds are accepted and dropped
    const size_t first_digit = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == first_digit) return std::nullopt;  // RFC 3339: at least one digit after '.'
  }
  Instant t = Instant{sys_days{*date}} + hours{hh} + minutes{mm} + seconds{ss};
  std::string_view zone = s.substr(pos);
  if (zone == "Z" || zone == "z") return t;
  int oh = 0, om = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, oh) ||
      zone[3] != ':' || !digits(zone, 4, 2, om))
    return std::nullopt;
  const auto offset = hours{oh} + minutes{om};
  return zone[0] == '+' ? t - offset : t + offset;
}

}  // namespace qc
