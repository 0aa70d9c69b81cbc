// Accounts and sessions through HTTP: cookie attributes, CSRF on cookie writes, logout, and
// the admin endpoints (edit, disable, reset password, list and revoke sessions).
#include "support/api_fixture.hpp"

namespace qc::test {
namespace {

class Accounts : public ApiFixture {
 protected:
  HttpResult patch(const std::string& username, const std::string& body) {
    return admin->request("PATCH", "/api/v1/users/" + username, body);
  }
};

TEST_F(Accounts, CookiesAreHttpOnlyStrictAndSecureBehindTls) {
  create_user("acc-cookie", "samr", "320102");
  const json::object creds{{"username", "acc-cookie"}, {"password", kPassword}};
  auto plain = client()->post("/api/v1/session", creds);
  ASSERT_EQ(plain.status, 200);
  const std::string cookie = plain.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
  auto tls = client()->post("/api/v1/session", creds, {{"X-Forwarded-Proto", "https"}});
  EXPECT_NE(tls.header("set-cookie").find("; Secure"), std::string::npos)
      << tls.header("set-cookie");

  // A cookie-authenticated write needs the CSRF token from login; a wrong one is refused.
  const std::string session = cookie.substr(0, cookie.find(';'));
  const std::string csrf(plain.json().at("csrf_token").as_string());
  auto c = client();
  EXPECT_EQ(c->request("DELETE", "/api/v1/session", "", {{"Cookie", session}}).status, 403);
  EXPECT_EQ(c->request("DELETE", "/api/v1/session", "",
                       {{"Cookie", session}, {"X-CSRF-Token", std::string(64, '0')}})
                .status,
            403);
  EXPECT_EQ(c->get("/api/v1/me", {{"Cookie", session}}).status, 200);
  EXPECT_EQ(
      c->request("DELETE", "/api/v1/session", "", {{"Cookie", session}, {"X-CSRF-Token", csrf}})
          .status,
      200);
  EXPECT_EQ(c->get("/api/v1/me", {{"Cookie", session}}).status, 401) << "logout revoked it";
}

TEST_F(Accounts, LogoutEndsTheSessionOfTheCookieNamedQcSessionNotOfALookalike) {
  // A cookie planted by a sibling site, named to be found first by a substring search,
  // must not make logout end some other session while the caller's stays valid.
  create_user("acc-logout", "samr", "320102");
  const json::object creds{{"username", "acc-logout"}, {"password", kPassword}};
  auto mine = client()->post("/api/v1/session", creds);
  auto other = client()->post("/api/v1/session", creds);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(other.status, 200);
  const std::string token(mine.json().at("token").as_string());
  const std::string other_token(other.json().at("token").as_string());
  const std::string csrf(mine.json().at("csrf_token").as_string());
  auto c = client();
  const std::string cookies = "xqc_session=" + other_token + "; qc_session=" + token;
  auto out =
      c->request("DELETE", "/api/v1/session", "", {{"Cookie", cookies}, {"X-CSRF-Token", csrf}});
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(c->get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 401)
      << "the session the cookie named is over";
  EXPECT_EQ(c->get("/api/v1/me", {{"Authorization", "Bearer " + other_token}}).status, 200)
      << "the lookalike's session is untouched";
  // Reading the same cookie header, authentication finds the same (now ended) session.
  EXPECT_EQ(c->get("/api/v1/me", {{"Cookie", cookies}}).status, 401);
}

TEST_F(Accounts, LoginAnswersNeverCarryThePasswordHash) {
  create_user("acc-hash", "samr", "320102");
  auto r = client()->post("/api/v1/session",
                          json::object{{"username", "acc-hash"}, {"password", kPassword}});
  ASSERT_EQ(r.status, 200);
  for (const std::string& body :
       {r.body, admin->get("/api/v1/users").body, admin->get("/api/v1/users/acc-hash").body,
        login("acc-hash")->get("/api/v1/me").body}) {
    EXPECT_EQ(body.find("argon2"), std::string::npos) << body;
    EXPECT_EQ(body.find("password"), std::string::npos) << body;
  }
}

TEST_F(Accounts, AdminEditsGrantsAndTheNewJurisdictionAppliesAtOnce) {
  create_user("acc-grants", "samr", "320102");
  const std::string qinhuai = make_uscc("320104", "MA1ACC001");
  create_enterprise(qinhuai, "320104");
  auto user = login("acc-grants");
  EXPECT_EQ(user->get("/api/v1/enterprises/" + qinhuai).status, 404);
  auto r = patch("acc-grants", R"({"grants":[{"role":"samr","region":"320100"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("grants").at(0).at("region"), "320100");
  EXPECT_EQ(user->get("/api/v1/enterprises/" + qinhuai).status, 200);

  auto bad = patch("acc-grants", R"({"grants":[{"role":"emperor","region":"320100"}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json().at("error").at("field"), "grants");
  EXPECT_EQ(
      patch("acc-grants", R"({"password":"sneaky-password-1"})").json().at("error").at("field"),
      "password");
  EXPECT_EQ(patch("acc-grants", R"({"disabled":"yes"})").status, 422);
  EXPECT_EQ(patch("nobody-here", R"({"display_name":"x"})").status, 404);
  EXPECT_EQ(patch("admin", R"({"disabled":true})").status, 422) << "no self-lockout";
}

TEST_F(Accounts, DisablingEndsSessionsAndResetEndsThemToo) {
  create_user("acc-off", "samr", "320102");
  auto user = login("acc-off");
  auto sessions = admin->get("/api/v1/users/acc-off/sessions");
  ASSERT_EQ(sessions.status, 200);
  ASSERT_EQ(sessions.json().at("total"), 1);
  const json::value sessions_json = sessions.json();
  const auto& s = sessions_json.at("items").at(0);
  EXPECT_EQ(sessions.body.find(user->token()), std::string::npos);
  for (const char* key : {"id", "created_at", "last_seen", "expires_at"})
    EXPECT_TRUE(s.as_object().contains(key)) << key;

  ASSERT_EQ(patch("acc-off", R"({"disabled":true})").status, 200);
  EXPECT_EQ(user->get("/api/v1/me").status, 401) << "disabling ends the session at once";
  EXPECT_EQ(
      client()
          ->post("/api/v1/session", json::object{{"username", "acc-off"}, {"password", kPassword}})
          .status,
      401);
  ASSERT_EQ(patch("acc-off", R"({"disabled":false})").status, 200);

  auto again = login("acc-off");
  auto weak = admin->post("/api/v1/users/acc-off/password", json::object{{"password", "short"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.json().at("error").at("field"), "password");
  ASSERT_EQ(
      admin->post("/api/v1/users/acc-off/password", json::object{{"password", "a-new-password-2"}})
          .status,
      200);
  EXPECT_EQ(again->get("/api/v1/me").status, 401) << "a reset password ends the sessions";
  EXPECT_EQ(login("acc-off", "a-new-password-2")->get("/api/v1/me").status, 200);
}

TEST_F(Accounts, SessionsAreRevokedOneOrAll) {
  create_user("acc-rev", "samr", "320102");
  auto first = login("acc-rev");
  auto second = login("acc-rev");
  auto listed = admin->get("/api/v1/users/acc-rev/sessions");
  ASSERT_EQ(listed.json().at("total"), 2);
  // Revoke sessions one by one until the first client is logged out.
  const std::string id(listed.json().at("items").at(0).at("id").as_string());
  auto one = admin->del("/api/v1/users/acc-rev/sessions/" + id);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json().at("revoked"), 1);
  EXPECT_EQ((first->get("/api/v1/me").status == 401) + (second->get("/api/v1/me").status == 401),
            1);
  EXPECT_EQ(admin->del("/api/v1/users/acc-rev/sessions/" + id).status, 404);
  auto all = admin->del("/api/v1/users/acc-rev/sessions");
  EXPECT_EQ(all.json().at("revoked"), 1);
  EXPECT_EQ(first->get("/api/v1/me").status, 401);
  EXPECT_EQ(second->get("/api/v1/me").status, 401);
  auto trail = admin->get("/api/v1/audit?actor=admin&per_page=500");
  EXPECT_NE(trail.body.find("sessions.revoke"), std::string::npos);
}

}  // namespace
}  // namespace qc::test
