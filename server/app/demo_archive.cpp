// Demo archive records so that a classification run shows every national grade: the
// precision-instrument maker stays clean (A), the food company's 2024 spot-check failure
// keeps it from A (B), the cable maker fails an inspection this year (C) and the software
// company is found counterfeiting (D). Idempotent: a record already there is not added.
#include <spdlog/spdlog.h>

#include "app/demo.hpp"
#include "core/uscc.hpp"

namespace qc::app {

namespace {

struct DemoRecord {
  const char* stem;  // first 17 characters of the USCC
  const char* category;
  const char* occurred_on;
  const char* source;
  const char* detail;
};

constexpr DemoRecord kRecords[] = {
    {"91320205MA1WX7YB3", "inspection_fail", "2026-04-15", "无锡市市场监管局2026年监督检查",
     "电线电缆导体电阻不合格"},
    {"91110108MA01KD4L6", "counterfeit", "2026-02-10", "北京市海淀区市场监管局行政处罚决定书",
     "故意生产假冒他人注册商标的软件加密狗"},
    {"91320102MA1NAB8K2", "pass_rate_100", "2026-06-30", "南京市市场监管局", "出厂合格率100%"},
};

}  // namespace

void load_demo_archive(RegistryService& registry) {
  Actor system{"demo", "demo", {RoleGrant{"admin", "000000"}}, std::nullopt};
  for (const auto& d : kRecords) {
    const std::string uscc = std::string(d.stem) + uscc_check_char(d.stem);
    auto existing = registry.records(system, uscc);
    if (!existing) continue;
    bool present = false;
    for (const auto& r : *existing) present = present || r.category == d.category;
    if (present) continue;
    QualityRecord rec;
    rec.category = d.category;
    rec.kind = d.category == std::string_view("pass_rate_100") ? "good" : "bad";
    rec.occurred_on = *parse_date(d.occurred_on);
    rec.source = d.source;
    rec.detail = d.detail;
    if (auto r = registry.add_record(system, uscc, rec); !r)
      spdlog::warn("demo record for {} not added: {}", uscc, r.error().message);
  }
}

}  // namespace qc::app
