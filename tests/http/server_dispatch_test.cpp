// The dispatcher turns what a handler throws into an answer: broken infrastructure the
// store reports (StoreUnavailable) is 503 `unavailable`, anything else 500.
#include "http/server_dispatch.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "ports/unavailable.hpp"

namespace qc::http {
namespace {

Response dispatch(const Router& router, const std::string& target) {
  StaticFiles files{""};
  Dispatcher d(router, files);
  Request req;
  req.method = "GET";
  req.target = target;
  return d.dispatch(req);
}

std::string code_of(const Response& r) {
  return std::string(boost::json::parse(r.body).at("error").at("code").as_string());
}

TEST(Dispatcher, AStoreThatIsUnavailableAnswers503) {
  Router router;
  router.add("GET", "/api/v1/down",
             [](Request&) -> Response { throw StoreUnavailable("database is locked"); });
  const Response r = dispatch(router, "/api/v1/down");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(code_of(r), "unavailable");
  EXPECT_EQ(r.body.find("locked"), std::string::npos) << "the cause stays in the log";
}

TEST(Dispatcher, AnyOtherExceptionIs500) {
  Router router;
  router.add("GET", "/api/v1/bug", [](Request&) -> Response { throw std::logic_error("bug"); });
  const Response r = dispatch(router, "/api/v1/bug");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(code_of(r), "internal");
}

}  // namespace
}  // namespace qc::http
