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

}  // namespace
}  // namespace qc
