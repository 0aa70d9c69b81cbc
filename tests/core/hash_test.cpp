#include "core/hash.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace qc {
namespace {

TEST(Hash, Sha256KnownVectors) {
  // FIPS 180-2 appendix B.1 and the empty string.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Hash, CanonicalJsonSortsKeysAtEveryDepth) {
  const Json v = boost::json::parse(
      R"({ "b": 1, "a": { "z": [ { "y": true, "x": null } ], "c": "s" }, "A": -7 })");
  EXPECT_EQ(canonical_json(v), R"({"A":-7,"a":{"c":"s","z":[{"x":null,"y":true}]},"b":1})");
}

TEST(Hash, CanonicalJsonIgnoresInsertionOrder) {
  const Json one = boost::json::parse(R"({"k1":{"p":1,"q":2},"k2":[3,{"m":1,"l":2}]})");
  const Json two = boost::json::parse(R"({"k2":[3,{"l":2,"m":1}],"k1":{"q":2,"p":1}})");
  EXPECT_EQ(canonical_json(one), canonical_json(two));
  EXPECT_EQ(sha256_hex(canonical_json(one)), sha256_hex(canonical_json(two)));
}

TEST(Hash, CanonicalJsonKeepsArrayOrderAndEscapes) {
  const Json v = boost::json::parse(R"({"s":"质量\"信用\n","a":[3,1,2]})");
  EXPECT_EQ(canonical_json(v), "{\"a\":[3,1,2],\"s\":\"质量\\\"信用\\n\"}");
}

TEST(Hash, CanonicalJsonIsStableAcrossAReparse) {
  // Hash chains are re-verified from stored text: serialising what was parsed back from the
  // canonical form must give the same bytes (doubles included).
  const Json v = boost::json::parse(R"({"b":[2.5,1e3,-0.125],"a":{"n":18446744073709551615}})");
  const std::string once = canonical_json(v);
  EXPECT_EQ(canonical_json(boost::json::parse(once)), once);
}

TEST(Hash, RandomHexHasTheRequestedLength) {
  const std::string a = random_hex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, random_hex(32));
}

}  // namespace
}  // namespace qc
