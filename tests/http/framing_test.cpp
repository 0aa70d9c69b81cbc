// Body framing (http/framing.hpp): one reading of where a body ends, or 400.
#include "http/framing.hpp"

#include <gtest/gtest.h>

namespace qc::http {
namespace {

FramingFields te(std::vector<std::string_view> values, unsigned version = 11) {
  return FramingFields{std::move(values), {}, version};
}
FramingFields cl(std::vector<std::string_view> values) {
  return FramingFields{{}, std::move(values)};
}

TEST(Framing, PlainChunkedAndPlainLengthAndNoneAreAccepted) {
  EXPECT_EQ(framing_problem(te({"chunked"})), "");
  EXPECT_EQ(framing_problem(te({"CHUNKED"})), "");
  EXPECT_EQ(framing_problem(te({" Chunked\t"})), "");
  EXPECT_EQ(framing_problem(cl({"0"})), "");
  EXPECT_EQ(framing_problem(cl({"1048576"})), "");
  EXPECT_EQ(framing_problem(FramingFields{}), "");
}

TEST(Framing, AnyTransferEncodingButExactlyChunkedIsRefused) {
  for (std::string_view v : {"xchunked", "chunked, identity", "identity, chunked", "gzip, chunked",
                             "identity", "chunked,", "", "chunked;q=1", "chunk ed"})
    EXPECT_NE(framing_problem(te({v})), "") << v;
  EXPECT_NE(framing_problem(te({"identity", "chunked"})), "") << "two fields";
  EXPECT_NE(framing_problem(te({"chunked", "chunked"})), "") << "two fields";
  EXPECT_NE(framing_problem(te({"chunked"}, 10)), "") << "HTTP/1.0";
}

TEST(Framing, TransferEncodingWithContentLengthIsRefused) {
  EXPECT_NE(framing_problem(FramingFields{{"chunked"}, {"5"}}), "");
  EXPECT_NE(framing_problem(FramingFields{{"xchunked"}, {"5"}}), "");
}

TEST(Framing, RepeatedListedOrNonNumericContentLengthIsRefused) {
  EXPECT_NE(framing_problem(cl({"5", "5"})), "") << "repeated, even equal";
  EXPECT_NE(framing_problem(cl({"5", "6"})), "");
  for (std::string_view v : {"5, 5", "+5", "-1", "0x10", "", "5 5", "1e3", "1234567890123456789"})
    EXPECT_NE(framing_problem(cl({v})), "") << v;
}

}  // namespace
}  // namespace qc::http
