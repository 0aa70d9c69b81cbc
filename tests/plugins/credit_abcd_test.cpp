// plugins/credit/abcd.lua, the national A/B/C/D rules, called as the host calls them
// (classify_batch through PluginFunction): one enterprise per criterion of each grade, and
// the boundaries of every window (exactly 2 and 3 years, 31 Dec vs 1 Jan, 3 years back).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "engine/plugin_function.hpp"

namespace qc {
namespace {

namespace json = boost::json;

struct Rec {
  const char* category;
  const char* on;
  const char* kind = "bad";
};

struct Example {
  const char* name;
  const char* established;
  const char* as_of;
  std::vector<Rec> records;
  const char* grade;              // "" = not graded
  const char* criterion;          // the first reason
  std::vector<int64_t> ids = {};  // that reason's records (ids are 1..n in order)
};

void PrintTo(const Example& c, std::ostream* os) { *os << c.name; }

class AbcdTest : public ::testing::TestWithParam<Example> {
 protected:
  static void SetUpTestSuite() {
    auto f = PluginFunction::load(std::filesystem::path(QC_SOURCE_DIR) / "plugins", {},
                                  "credit.abcd", "classify_batch");
    ASSERT_TRUE(f.ok()) << f.error().message;
    grader_ = f.value();
  }
  static void TearDownTestSuite() { grader_.reset(); }

  static json::value classify(const Example& c) {
    json::array records;
    int64_t id = 0;
    for (const auto& r : c.records)
      records.push_back(json::object{
          {"id", ++id}, {"kind", r.kind}, {"category", r.category}, {"occurred_on", r.on}});
    json::object e{{"uscc", "X"}, {"established_on", c.established}, {"records", records}};
    auto out =
        grader_->call(json::object{{"as_of", c.as_of}, {"enterprises", json::array{std::move(e)}}});
    EXPECT_TRUE(out.ok()) << out.error().message;
    return out.ok() ? out->as_array().at(0) : json::value();
  }

  static std::shared_ptr<PluginFunction> grader_;
};
std::shared_ptr<PluginFunction> AbcdTest::grader_;

TEST_P(AbcdTest, GradesAndReasons) {
  const Example& c = GetParam();
  const json::value got = classify(c);
  ASSERT_TRUE(got.is_object()) << got;
  const auto* grade = got.as_object().if_contains("grade");
  if (*c.grade)
    EXPECT_EQ(grade ? *grade : json::value(), json::value(c.grade)) << got;
  else
    EXPECT_TRUE(!grade || grade->is_null()) << got;
  const auto& reasons = got.at("reasons").as_array();
  ASSERT_FALSE(reasons.empty()) << got;
  EXPECT_EQ(reasons.at(0).at("criterion"), c.criterion) << got;
  if (!c.ids.empty()) {
    json::array ids;
    for (auto i : c.ids) ids.push_back(i);
    EXPECT_EQ(reasons.at(0).at("records"), ids) << got;
  }
}

constexpr const char* kOld = "2015-01-01";
constexpr const char* kAsOf = "2026-06-15";

INSTANTIATE_TEST_SUITE_P(
    Grades, AbcdTest,
    ::testing::Values(
        // A: 三(一)
        Example{"clean_old_enterprise_is_A", kOld, kAsOf, {}, "A", "a_all_criteria"},
        Example{"good_records_never_change_a_grade",
                kOld,
                kAsOf,
                {{"award", "2026-01-05", "good"}, {"pass_rate_100", "2026-02-01", "good"}},
                "A",
                "a_all_criteria"},
        Example{"abnormal_operation_is_no_criterion",
                kOld,
                kAsOf,
                {{"abnormal_operation", "2026-03-01"}},
                "A",
                "a_all_criteria"},
        Example{"exactly_3_years_is_A", "2023-06-15", kAsOf, {}, "A", "a_all_criteria"},
        Example{"a_day_short_of_3_years_is_B", "2023-06-16", kAsOf, {}, "B", "a1_established_3y"},
        Example{"failure_exactly_3_years_back_is_outside",
                kOld,
                kAsOf,
                {{"spot_check_fail", "2023-06-15"}},
                "A",
                "a_all_criteria"},
        Example{"failure_a_day_inside_3_years_stops_A",
                kOld,
                kAsOf,
                {{"spot_check_fail", "2023-06-16"}},
                "B",
                "a1_clean_3y",
                {1}},
        Example{"records_after_as_of_are_not_yet_there",
                kOld,
                kAsOf,
                {{"counterfeit", "2026-06-16"}},
                "A",
                "a_all_criteria"},
        // B: 三(二), and what stops A but not B
        Example{"violation_last_year_is_B",
                kOld,
                kAsOf,
                {{"violation", "2025-03-01"}},
                "B",
                "a1_clean_3y",
                {1}},
        Example{"claim_return_this_year_is_B",
                kOld,
                kAsOf,
                {{"claim_return", "2026-02-01"}},
                "B",
                "a5_no_complaint_claim_accident_this_year",
                {1}},
        Example{"export_nonconformity_this_year_is_B",
                kOld,
                kAsOf,
                {{"export_nonconformity", "2026-02-01"}},
                "B",
                "a8_export_conformity_this_year"},
        Example{"false_advertising_last_year_is_B",
                kOld,
                kAsOf,
                {{"false_advertising", "2025-12-31"}},
                "B",
                "a4_no_false_advertising"},
        Example{"exactly_2_years_is_B", "2024-06-15", kAsOf, {}, "B", "a1_established_3y"},
        Example{"feb_29_establishment_2_years_on_1_march",
                "2024-02-29",
                "2026-03-01",
                {},
                "B",
                "a1_established_3y"},
        // Not graded: under 2 years without a C or D fact
        Example{"a_day_short_of_2_years_is_not_graded", "2024-06-16", kAsOf, {}, "", "too_young"},
        Example{"feb_29_establishment_not_2_years_on_28_feb",
                "2024-02-29",
                "2026-02-28",
                {},
                "",
                "too_young"},
        Example{"young_with_good_record_is_not_graded",
                "2025-09-01",
                kAsOf,
                {{"certification", "2026-01-01", "good"}},
                "",
                "too_young"},
        // C: 三(三), over 当年
        Example{"one_spot_check_fail_this_year_is_C",
                kOld,
                kAsOf,
                {{"spot_check_fail", "2026-03-01"}},
                "C",
                "c2_check_fail",
                {1}},
        Example{"inspection_fail_this_year_is_C",
                kOld,
                kAsOf,
                {{"inspection_fail", "2026-05-01"}},
                "C",
                "c2_check_fail"},
        Example{"license_rectification_is_C",
                kOld,
                kAsOf,
                {{"license_rectification", "2026-05-01"}},
                "C",
                "c1_license_rectification"},
        Example{"below_standard_is_C",
                kOld,
                kAsOf,
                {{"below_standard_production", "2026-05-01"}},
                "C",
                "c4_below_standard_production"},
        Example{"false_advertising_this_year_is_C",
                kOld,
                kAsOf,
                {{"false_advertising", "2026-01-01"}},
                "C",
                "c5_false_advertising"},
        Example{"unresolved_complaint_is_C",
                kOld,
                kAsOf,
                {{"complaint_unresolved", "2026-05-01"}},
                "C",
                "c6_complaint_or_accident"},
        Example{"general_accident_is_C",
                kOld,
                kAsOf,
                {{"accident_general", "2026-05-01"}},
                "C",
                "c6_complaint_or_accident"},
        Example{"aftersales_breach_is_C",
                kOld,
                kAsOf,
                {{"aftersales_breach", "2026-05-01"}},
                "C",
                "c7_aftersales"},
        Example{"serious_export_nonconformity_is_C",
                kOld,
                kAsOf,
                {{"export_nonconformity_serious", "2026-05-01"}},
                "C",
                "c8_export_nonconformity_serious"},
        Example{"violation_this_year_is_C",
                kOld,
                kAsOf,
                {{"violation", "2026-05-01"}},
                "C",
                "c_violation_or_broken_commitment"},
        Example{"broken_commitment_is_C",
                kOld,
                kAsOf,
                {{"commitment_breach", "2026-05-01"}},
                "C",
                "c_violation_or_broken_commitment"},
        Example{"young_enterprise_with_a_failure_is_C",
                "2025-09-01",
                kAsOf,
                {{"spot_check_fail", "2026-03-01"}},
                "C",
                "c2_check_fail"},
        // 31 Dec vs 1 Jan
        Example{"failures_31_dec_and_1_jan_are_one_this_year",
                kOld,
                "2026-01-01",
                {{"spot_check_fail", "2025-12-31"}, {"spot_check_fail", "2026-01-01"}},
                "C",
                "c2_check_fail",
                {2}},
        Example{"two_failures_last_year_are_not_D_on_1_jan",
                kOld,
                "2026-01-01",
                {{"spot_check_fail", "2025-03-01"}, {"spot_check_fail", "2025-12-31"}},
                "B",
                "a1_clean_3y",
                {1, 2}},
        // D: 三(四)
        Example{"two_spot_check_fails_this_year_is_D",
                kOld,
                kAsOf,
                {{"spot_check_fail", "2026-01-01"}, {"spot_check_fail", "2026-06-15"}},
                "D",
                "d4_spot_check_fail_twice",
                {1, 2}},
        Example{"no_qualification_is_D",
                kOld,
                kAsOf,
                {{"license_missing", "2025-01-01"}},
                "D",
                "d1_no_qualification"},
        Example{"counterfeit_is_D",
                kOld,
                kAsOf,
                {{"counterfeit", "2024-01-01"}},
                "D",
                "d2_counterfeit",
                {1}},
        Example{"counterfeit_over_3_years_ago_is_not_D",
                kOld,
                kAsOf,
                {{"counterfeit", "2023-06-15"}},
                "A",
                "a_all_criteria"},
        Example{"failed_rectification_is_D",
                kOld,
                kAsOf,
                {{"license_rectification_failed", "2026-01-01"}},
                "D",
                "d3_license_rectification_failed"},
        Example{"major_false_advertising_is_D",
                kOld,
                kAsOf,
                {{"false_advertising_major", "2026-01-01"}},
                "D",
                "d5_false_advertising_major"},
        Example{"no_standard_production_is_D",
                kOld,
                kAsOf,
                {{"no_standard_production", "2026-01-01"}},
                "D",
                "d6_no_standard_production"},
        Example{"serious_violation_is_D",
                kOld,
                kAsOf,
                {{"serious_violation", "2026-01-01"}},
                "D",
                "d7_serious_violation"},
        Example{"serious_dishonesty_list_is_D",
                kOld,
                kAsOf,
                {{"serious_dishonesty_list", "2026-01-01"}},
                "D",
                "d7_serious_violation"},
        Example{"major_accident_is_D",
                kOld,
                kAsOf,
                {{"accident_major", "2026-01-01"}},
                "D",
                "d_major_harm"},
        Example{"young_counterfeiter_is_D",
                "2025-09-01",
                kAsOf,
                {{"counterfeit", "2026-01-01"}},
                "D",
                "d2_counterfeit"}),
    [](const ::testing::TestParamInfo<Example>& info) { return std::string(info.param.name); });

TEST_F(AbcdTest, ABatchAnswersInOrderAndAnEmptyBatchIsEmpty) {
  json::array es;
  es.push_back(json::object{{"uscc", "1"}, {"established_on", kOld}, {"records", json::array{}}});
  es.push_back(json::object{{"uscc", "2"},
                            {"established_on", kOld},
                            {"records", json::array{json::object{{"id", 7},
                                                                 {"kind", "bad"},
                                                                 {"category", "counterfeit"},
                                                                 {"occurred_on", "2026-01-01"}}}}});
  auto out = grader_->call(json::object{{"as_of", kAsOf}, {"enterprises", es}});
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->as_array().size(), 2u);
  EXPECT_EQ(out->as_array()[0].at("grade"), "A");
  EXPECT_EQ(out->as_array()[1].at("grade"), "D");
  EXPECT_EQ(out->as_array()[1].at("uscc"), "2");
  auto none = grader_->call(json::object{{"as_of", kAsOf}, {"enterprises", json::array{}}});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->is_object() && none->as_object().empty());  // an empty Lua table
}

}  // namespace
}  // namespace qc
