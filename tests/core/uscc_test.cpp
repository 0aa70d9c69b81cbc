#include "core/uscc.hpp"

#include <gtest/gtest.h>

#include <string>

namespace qc {
namespace {

// Registered codes taken from public business registrations.
constexpr const char* kShenzhen = "914403001922038216";
constexpr const char* kBeijing = "91110108551385082Q";

TEST(Uscc, AcceptsRealCodes) {
  EXPECT_EQ(uscc_problem(kShenzhen), "");
  EXPECT_EQ(uscc_problem(kBeijing), "");
  EXPECT_TRUE(uscc_valid(kShenzhen));
  EXPECT_TRUE(uscc_valid(kBeijing));
}

TEST(Uscc, RejectsWrongCheckCharacter) {
  // The first 17 characters compute to check character 'J', not 'C'.
  EXPECT_FALSE(uscc_valid("91110108717809965C"));
  EXPECT_NE(uscc_problem("91110108717809965C").find("check character"), std::string::npos);
  EXPECT_TRUE(uscc_valid("91110108717809965J"));
}

TEST(Uscc, RejectsWrongLength) {
  EXPECT_FALSE(uscc_valid(""));
  EXPECT_FALSE(uscc_valid("91440300192203821"));    // 17
  EXPECT_FALSE(uscc_valid("9144030019220382160"));  // 19
  EXPECT_NE(uscc_problem("9144").find("18"), std::string::npos);
}

TEST(Uscc, RejectsForbiddenLetters) {
  // I O S V Z are not in the GB 32100 alphabet, wherever they appear.
  for (char c : std::string("IOSVZ")) {
    std::string code = kBeijing;
    code[17] = c;
    EXPECT_FALSE(uscc_valid(code)) << code;
    code = kBeijing;
    code[9] = c;
    EXPECT_FALSE(uscc_valid(code)) << code;
    EXPECT_NE(uscc_problem(code).find("character 10"), std::string::npos) << uscc_problem(code);
  }
}

TEST(Uscc, RejectsLowercase) {
  EXPECT_FALSE(uscc_valid("91110108551385082q"));
  std::string code = kBeijing;
  code[17] = 'q';
  EXPECT_NE(uscc_problem(code).find("character 18"), std::string::npos);
}

TEST(Uscc, RejectsLettersInRegionCode) {
  std::string first17 = "9111A108551385082";
  const std::string code = first17 + uscc_check_char(first17);
  EXPECT_FALSE(uscc_valid(code));
  EXPECT_NE(uscc_problem(code).find("region"), std::string::npos);
}

TEST(Uscc, CheckCharRoundTrip) {
  EXPECT_EQ(uscc_check_char(std::string(kShenzhen).substr(0, 17)), '6');
  EXPECT_EQ(uscc_check_char(std::string(kBeijing).substr(0, 17)), 'Q');
  // Any 17 valid characters completed by their check character form a valid code, and
  // every other final character is rejected.
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (const std::string first17 :
       {"91320100MA1MABCD1", "12100000400000000", "Y1320583MA0000000"}) {
    const char check = uscc_check_char(first17);
    EXPECT_TRUE(uscc_valid(first17 + check)) << first17 + check;
    for (char other : alphabet) {
      if (other != check) {
        EXPECT_FALSE(uscc_valid(first17 + other)) << first17 + other;
      }
    }
  }
}

TEST(Uscc, RegionIsCharactersThreeToEight) {
  EXPECT_EQ(uscc_region(kShenzhen), "440300");
  EXPECT_EQ(uscc_region(kBeijing), "110108");
}

TEST(Uscc, RegionDigitsMustAgreeWithTheEnterprisesRegion) {
  EXPECT_EQ(uscc_region_problem(kBeijing, "110108"), "");
  EXPECT_EQ(uscc_region_problem(kBeijing, "110100"), "") << "the city contains the district";
  EXPECT_EQ(uscc_region_problem(kShenzhen, "440305"), "") << "a city authority's code";
  EXPECT_NE(uscc_region_problem(kBeijing, "320102"), "");
  EXPECT_NE(uscc_region_problem(kBeijing, "110105"), "") << "a sibling district";
  EXPECT_NE(uscc_region_problem(kShenzhen, "440100"), "") << "广州 is not 深圳";
  const std::string national = std::string("91000000551385082") + 'X';
  EXPECT_NE(uscc_region_problem(national, "110108"), "") << "000000 names no place";
}

}  // namespace
}  // namespace qc
