// CsvReader: RFC 4180 fields, quoting, line ends and the line each record starts on.
#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

using Row = std::vector<std::string>;

TEST(CsvTest, ReadsPlainAndQuotedFields) {
  CsvReader csv("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");
  EXPECT_EQ(csv.next(), (Row{"a", "b", "c"}));
  EXPECT_EQ(csv.next(), (Row{"1", "x, y", "say \"hi\""}));
  EXPECT_EQ(csv.next(), std::nullopt);
  EXPECT_TRUE(csv.error().empty());
}

TEST(CsvTest, QuotedLineBreaksCrlfBomAndBlankLines) {
  CsvReader csv("\xEF\xBB\xBFh1,h2\r\n\r\n\"two\nlines\",z\r\nlast,\n");
  EXPECT_EQ(csv.next(), (Row{"h1", "h2"}));
  EXPECT_EQ(csv.line(), 1);
  EXPECT_EQ(csv.next(), (Row{"two\nlines", "z"}));
  EXPECT_EQ(csv.line(), 3);
  EXPECT_EQ(csv.next(), (Row{"last", ""}));
  EXPECT_EQ(csv.line(), 5);
  EXPECT_EQ(csv.next(), std::nullopt);
}

TEST(CsvTest, NoFinalNewlineAndEmptyFields) {
  CsvReader csv(",,\nend");
  EXPECT_EQ(csv.next(), (Row{"", "", ""}));
  EXPECT_EQ(csv.next(), (Row{"end"}));
  EXPECT_EQ(csv.next(), std::nullopt);
}

TEST(CsvTest, AnOpenQuoteIsAnErrorNamingItsLine) {
  CsvReader csv("a\n\"never closed,\nmore\n");
  EXPECT_EQ(csv.next(), (Row{"a"}));
  EXPECT_EQ(csv.next(), std::nullopt);
  EXPECT_EQ(csv.error(), "line 2: a quoted field is not closed");
}

// A text arriving in pieces of `size` bytes; `fail` makes it end early, as a dropped
// upload does, after the whole text.
class Pieces : public TextSource {
 public:
  Pieces(std::string text, size_t size, std::string fail = {})
      : text_(std::move(text)), size_(size), fail_(std::move(fail)) {}
  bool next(std::string& out) override {
    if (at_ >= text_.size()) return false;
    out += text_.substr(at_, size_);
    at_ += size_;
    return true;
  }
  std::string failure() const override { return fail_; }

 private:
  std::string text_;
  size_t size_, at_ = 0;
  std::string fail_;
};

std::vector<std::pair<int, Row>> all(CsvStreamReader& csv) {
  std::vector<std::pair<int, Row>> out;
  while (auto r = csv.next()) out.emplace_back(csv.line(), *r);
  return out;
}

// Pieces may split a record anywhere: inside a BOM, between CR and LF, between two quotes.
TEST(CsvTest, PiecesOfAnySizeReadAsTheWholeText) {
  const std::string text =
      "\xEF\xBB\xBFh1,h2\r\n\r\n\"two\nlines\",\"a \"\"q\"\"\"\r\nlast,\n\"x\"\"\",y";
  WholeText whole(text);
  CsvStreamReader reference(whole);
  const auto expected = all(reference);
  ASSERT_EQ(expected.size(), 4u);
  EXPECT_EQ(expected[1], (std::pair<int, Row>{3, Row{"two\nlines", "a \"q\""}}));
  EXPECT_EQ(expected[3], (std::pair<int, Row>{6, Row{"x\"", "y"}}));
  for (size_t size : {1u, 2u, 3u, 5u, 7u}) {
    Pieces pieces(text, size);
    CsvStreamReader csv(pieces);
    EXPECT_EQ(all(csv), expected) << "pieces of " << size;
    EXPECT_EQ(csv.error(), "");
  }
}

TEST(CsvTest, ATextThatEndsEarlyDropsItsIncompleteLastRecord) {
  Pieces pieces("a,b\nc,d\ne,f", 4, "the upload was cut");
  CsvStreamReader csv(pieces);
  EXPECT_EQ(csv.next(), (Row{"a", "b"}));
  EXPECT_EQ(csv.next(), (Row{"c", "d"}));
  EXPECT_EQ(csv.next(), std::nullopt);  // "e,f" may be the start of a longer record
  EXPECT_EQ(csv.error(), "the upload was cut");
}

TEST(CsvTest, AnOverlongRecordIsAnErrorNotAnUnboundedBuffer) {
  Pieces pieces("ok\n\"" + std::string(5000, 'x') + "\"\nafter\n", 100);
  CsvStreamReader csv(pieces, 1000);
  EXPECT_EQ(csv.next(), (Row{"ok"}));
  EXPECT_EQ(csv.next(), std::nullopt);
  EXPECT_EQ(csv.error(), "line 2: a row is longer than 1000 bytes");
}

}  // namespace
}  // namespace qc
