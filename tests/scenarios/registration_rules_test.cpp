// What an administrator or SAMR officer may register, through HTTP (docs/security.md
// "Accounts" and "Registering enterprises"): reserved usernames, passwords of NULs or
// spaces, enterprises in no region, and USCCs whose region digits disagree with the
// enterprise's region are refused with 422 naming the field.
#include "support/api_fixture.hpp"

namespace qc::test {
namespace {

class RegistrationRules : public ApiFixture {
 protected:
  HttpResult new_user(const std::string& username, const std::string& password) {
    return admin->post(
        "/api/v1/users",
        json::object{
            {"username", username},
            {"password", password},
            {"display_name", username},
            {"grants", json::array{json::object{{"role", "samr"}, {"region", "320102"}}}}});
  }
  HttpResult new_enterprise(const std::string& uscc, const std::string& region) {
    return admin->post("/api/v1/enterprises", json::object{{"uscc", uscc},
                                                           {"name", "规则测试企业"},
                                                           {"region", region},
                                                           {"established_on", "2015-01-01"}});
  }
  static std::string field_of(const HttpResult& r) {
    const auto* f = r.json().at("error").as_object().if_contains("field");
    return f && f->is_string() ? std::string(f->as_string()) : std::string();
  }
  void expect_refused(const HttpResult& r, const std::string& field) {
    EXPECT_EQ(r.status, 422) << r.body;
    if (r.status == 422) {
      EXPECT_EQ(error_code(r), "validation") << r.body;
      EXPECT_EQ(field_of(r), field) << r.body;
    }
  }
};

TEST_F(RegistrationRules, ReservedUsernamesAreRefused) {
  for (const char* name : {"system", "public", "anonymous", "root", "expert", "samr"})
    expect_refused(new_user(name, "a long enough secret"), "username");
  EXPECT_EQ(new_user("system-ops", "a long enough secret").status, 201);
}

TEST_F(RegistrationRules, PasswordsOfNulsSpacesOrControlsAreRefused) {
  expect_refused(new_user("rule-nul", std::string(10, '\0')), "password");
  expect_refused(new_user("rule-space", std::string(10, ' ')), "password");
  expect_refused(new_user("rule-ctrl", "0123456789\n"), "password");
  auto ok = new_user("rule-ok", "two words  apart");
  ASSERT_EQ(ok.status, 201) << ok.body;
  // A password reset follows the same policy.
  auto reset = admin->post("/api/v1/users/rule-ok/password",
                           json::object{{"password", std::string(12, ' ')}});
  expect_refused(reset, "password");
}

TEST_F(RegistrationRules, EnterprisesNeedAKnownRegionThatTheirUsccAgreesWith) {
  expect_refused(new_enterprise(make_uscc("999999", "MA1RGN001"), "999999"), "region");
  expect_refused(new_enterprise(make_uscc("000000", "MA1RGN002"), "000000"), "region");
  // The USCC was issued in 无锡 (320205), the enterprise is said to be in 玄武 (320102).
  expect_refused(new_enterprise(make_uscc("320205", "MA1RGN003"), "320102"), "uscc");
  expect_refused(new_enterprise(make_uscc("110108", "MA1RGN004"), "320102"), "uscc");
  // Agreeing codes: the same county, or a city authority's code for one of its counties.
  EXPECT_EQ(new_enterprise(make_uscc("320102", "MA1RGN005"), "320102").status, 201);
  EXPECT_EQ(new_enterprise(make_uscc("320100", "MA1RGN006"), "320102").status, 201);
}

}  // namespace
}  // namespace qc::test
