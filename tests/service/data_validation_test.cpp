#include "service/data_validation.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

#include <boost/json.hpp>

namespace qc {
namespace {

ProcedureDef def_with_fields() {
  ProcedureDef d;
  d.fields = {FieldDef{"grade", "enum", "申报等级", {"A", "AA", "AAA"}, true},
              FieldDef{"years", "integer", "", {}, false},
              FieldDef{"revenue", "object", "营业收入", {}, false},
              FieldDef{"on", "date", "", {}, false}, FieldDef{"ok", "boolean", "", {}, false}};
  return d;
}

TEST(DataValidation, TypesAreCheckedAndNamed) {
  const auto d = def_with_fields();
  EXPECT_TRUE(validate_fields(d, boost::json::object{{"grade", "AA"}, {"years", 3}}).ok());
  auto bad = validate_fields(d, boost::json::object{{"grade", "B"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "grade");
  EXPECT_NE(bad.error().message.find("申报等级"), std::string::npos);
  EXPECT_FALSE(validate_fields(d, boost::json::object{{"years", 2.5}}).ok());
  EXPECT_TRUE(validate_fields(d, boost::json::object{{"years", 2.0}}).ok());
  EXPECT_FALSE(validate_fields(d, boost::json::object{{"revenue", "lots"}}).ok());
  EXPECT_FALSE(validate_fields(d, boost::json::object{{"on", "2026-02-30"}}).ok());
  EXPECT_FALSE(validate_fields(d, boost::json::object{{"ok", "yes"}}).ok());
  EXPECT_TRUE(validate_fields(d, boost::json::object{{"undeclared", 1}}).ok()) << "stored as given";
}

TEST(DataValidation, RequiredMeansPresentAndNonEmpty) {
  const auto d = def_with_fields();
  boost::json::object data{{"grade", ""}, {"revenue", boost::json::object{}}};
  auto r = check_required({"grade"}, data, d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "grade");
  EXPECT_FALSE(check_required({"revenue"}, data, d).ok());
  EXPECT_FALSE(check_required({"missing"}, data, d).ok());
  data["grade"] = "A";
  EXPECT_TRUE(check_required({"grade"}, data, d).ok());
}

}  // namespace
}  // namespace qc
