#include "http/url.hpp"

#include <gtest/gtest.h>

namespace qc::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndKeepsPlusInPaths) {
  EXPECT_EQ(percent_decode("/a%20b/%C3%A9"), "/a b/\xC3\xA9");
  EXPECT_EQ(percent_decode("a+b"), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%2f%2F"), "//");
}

TEST(PercentDecode, RejectsTruncatedAndNonHexEscapes) {
  EXPECT_FALSE(percent_decode("%"));
  EXPECT_FALSE(percent_decode("abc%4"));
  EXPECT_FALSE(percent_decode("%zz"));
  EXPECT_FALSE(percent_decode("%4g"));
}

TEST(ParseQuery, DecodesPairsAndKeepsFirstOfRepeatedNames) {
  auto q = parse_query("a=1&b=x+y&c=%26%3D&a=2&flag&&d=");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->at("a"), "1");
  EXPECT_EQ(q->at("b"), "x y");
  EXPECT_EQ(q->at("c"), "&=");
  EXPECT_EQ(q->at("flag"), "");
  EXPECT_EQ(q->at("d"), "");
  EXPECT_EQ(q->size(), 5u);
}

TEST(ParseQuery, InvalidEncodingIsBadRequest) {
  auto q = parse_query("a=%zz");
  ASSERT_FALSE(q);
  EXPECT_EQ(q.error().code, ErrorCode::bad_request);
}

TEST(ParseTarget, SplitsPathAndQuery) {
  auto t = parse_target("/api/v1/cases/a%20b?page=2&q=%E6%B1%9F");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/api/v1/cases/a b");
  EXPECT_EQ(t->query.at("page"), "2");
  EXPECT_EQ(t->query.at("q"), "\xE6\xB1\x9F");
}

TEST(ParseTarget, RefusesTraversalNulAndBackslashRawOrEncoded) {
  for (const char* bad : {"/..", "/a/../b", "/a/..", "/%2e%2e/etc/passwd", "/a/%2E%2e/b", "/.%2e/x",
                          "/a%2f..%2fb", "/a%00b", "/a\\b", "/a%5cb", "/a%5C..%5Cb", "/%zz",
                          "relative", "", "*", "http://example.com/"}) {
    auto t = parse_target(bad);
    ASSERT_FALSE(t) << bad;
    EXPECT_EQ(t.error().code, ErrorCode::bad_request) << bad;
  }
}

TEST(ParseTarget, AcceptsDotsThatAreNotTraversal) {
  for (const char* good :
       {"/", "/a..b", "/..a/b", "/a/b..", "/assets/app.1234.js", "/a/./b", "/%252e%252e/x"}) {
    EXPECT_TRUE(parse_target(good)) << good;
  }
  // Decoded once: a double-encoded dot stays literal text.
  EXPECT_EQ(parse_target("/%252e%252e/x")->path, "/%2e%2e/x");
}

TEST(ParseTarget, RefusesInvalidUtf8InPathOrQuery) {
  for (const char* target : {"/api/v1/enterprises/%ff", "/api/v1/enterprises?q=%C3%28",
                             "/api/v1/cases?%ED%A0%80=1", "/a%C0%AFb"}) {
    auto t = parse_target(target);
    ASSERT_FALSE(t.ok()) << target;
    EXPECT_EQ(t.error().code, ErrorCode::bad_request) << target;
  }
  EXPECT_TRUE(parse_target("/api/v1/enterprises?q=%E6%B1%9F%E8%8B%8F").ok());
}

}  // namespace
}  // namespace qc::http
