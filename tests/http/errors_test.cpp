#include "http/errors.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace qc::http {
namespace {

TEST(HttpStatus, FollowsTheApiTable) {
  const std::pair<ErrorCode, int> table[] = {
      {ErrorCode::bad_json, 400},
      {ErrorCode::bad_request, 400},
      {ErrorCode::unauthenticated, 401},
      {ErrorCode::forbidden, 403},
      {ErrorCode::not_found, 404},
      {ErrorCode::conflict, 409},
      {ErrorCode::banned, 409},
      {ErrorCode::already_exists, 409},
      {ErrorCode::invalid_transition, 409},
      {ErrorCode::already_voted, 409},
      {ErrorCode::too_large, 413},
      {ErrorCode::validation, 422},
      {ErrorCode::invalid_uscc, 422},
      {ErrorCode::guard_failed, 422},
      {ErrorCode::rate_limited, 429},
      {ErrorCode::unavailable, 503},
      {ErrorCode::internal, 500},
  };
  for (const auto& [code, status] : table) EXPECT_EQ(http_status(code), status) << to_string(code);
}

TEST(ErrorResponse, CarriesCodeMessageAndOptionalParts) {
  Error e = Error::make(ErrorCode::validation, "name is required", "name");
  e.details = boost::json::array{boost::json::object{{"file", "a.lua"}, {"line", 3}}};
  const Response res = error_response(e);
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(res.content_type, "application/json");
  const auto body = boost::json::parse(res.body).as_object().at("error").as_object();
  EXPECT_EQ(body.at("code"), "validation");
  EXPECT_EQ(body.at("message"), "name is required");
  EXPECT_EQ(body.at("field"), "name");
  EXPECT_EQ(body.at("details").as_array().at(0).at("line"), 3);
  EXPECT_FALSE(body.contains("until"));
}

TEST(ErrorResponse, OmitsEmptyFieldAndDetails) {
  const auto body = boost::json::parse(error_response(ErrorCode::not_found, "no such case").body);
  const auto& inner = body.at("error").as_object();
  EXPECT_EQ(inner.size(), 2u);
  EXPECT_EQ(inner.at("code"), "not_found");
}

TEST(ErrorResponse, BannedCarriesUntil) {
  Error e = Error::make(ErrorCode::banned, "banned");
  e.until = "2027-03-31";
  const Response res = error_response(e);
  EXPECT_EQ(res.status, 409);
  EXPECT_EQ(boost::json::parse(res.body).at("error").at("until"), "2027-03-31");
}

TEST(ErrorResponse, RateLimitedSetsRetryAfter) {
  Error e = Error::make(ErrorCode::rate_limited, "slow down");
  e.retry_after = 42;
  const Response res = error_response(e);
  EXPECT_EQ(res.status, 429);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "Retry-After");
  EXPECT_EQ(res.headers[0].second, "42");
  // Never "Retry-After: 0": that would invite an immediate retry loop.
  EXPECT_EQ(error_response(Error::make(ErrorCode::rate_limited, "x")).headers[0].second, "1");
}

TEST(JsonResponse, SerializesBody) {
  const Response res = json_response(201, boost::json::object{{"id", 7}});
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.body, R"({"id":7})");
}

}  // namespace
}  // namespace qc::http
