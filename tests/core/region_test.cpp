#include "core/region.hpp"

#include <gtest/gtest.h>

namespace qc {
namespace {

TEST(Region, CodeValidity) {
  EXPECT_TRUE(region_code_valid("320102"));
  EXPECT_TRUE(region_code_valid("000000"));
  EXPECT_FALSE(region_code_valid("32010"));
  EXPECT_FALSE(region_code_valid("3201020"));
  EXPECT_FALSE(region_code_valid("32010a"));
  EXPECT_FALSE(region_code_valid(""));
}

TEST(Region, Level) {
  EXPECT_EQ(region_level("000000"), Level::national);
  EXPECT_EQ(region_level("320000"), Level::province);
  EXPECT_EQ(region_level("320100"), Level::city);
  EXPECT_EQ(region_level("320102"), Level::county);
  EXPECT_EQ(region_level("110108"), Level::county);
}

TEST(Region, NationalHolderCoversEverything) {
  EXPECT_TRUE(region_contains("000000", "000000"));
  EXPECT_TRUE(region_contains("000000", "320000"));
  EXPECT_TRUE(region_contains("000000", "440305"));
}

TEST(Region, ProvinceHolderCoversItsProvinceOnly) {
  EXPECT_TRUE(region_contains("320000", "320000"));
  EXPECT_TRUE(region_contains("320000", "320100"));
  EXPECT_TRUE(region_contains("320000", "320583"));
  EXPECT_FALSE(region_contains("320000", "330100"));
  EXPECT_FALSE(region_contains("320000", "000000"));
}

TEST(Region, CityHolderCoversItsCityOnly) {
  EXPECT_TRUE(region_contains("320100", "320100"));
  EXPECT_TRUE(region_contains("320100", "320102"));
  EXPECT_FALSE(region_contains("320100", "320200"));
  EXPECT_FALSE(region_contains("320100", "320201"));
  EXPECT_FALSE(region_contains("320100", "320000"));  // not upwards
}

TEST(Region, CountyHolderCoversItselfOnly) {
  EXPECT_TRUE(region_contains("320102", "320102"));
  EXPECT_FALSE(region_contains("320102", "320104"));
  EXPECT_FALSE(region_contains("320102", "320100"));
}

TEST(Region, InvalidCodesAreNeverContained) {
  EXPECT_FALSE(region_contains("000000", "32010"));
  EXPECT_FALSE(region_contains("32000", "320102"));
  EXPECT_FALSE(region_contains("000000", "abcdef"));
}

TEST(Region, AtEachLevel) {
  EXPECT_EQ(region_at("320102", Level::county), "320102");
  EXPECT_EQ(region_at("320102", Level::city), "320100");
  EXPECT_EQ(region_at("320102", Level::province), "320000");
  EXPECT_EQ(region_at("320102", Level::national), "000000");
}

TEST(Region, AtLevelBelowTheRegistrationStandsForItself) {
  // An enterprise registered at city level (e.g. a development zone handled by the city)
  // has no county: at county level its city code stands for itself.
  EXPECT_EQ(region_at("320100", Level::county), "320100");
  EXPECT_EQ(region_at("320100", Level::city), "320100");
  EXPECT_EQ(region_at("320100", Level::province), "320000");
  EXPECT_EQ(region_at("320000", Level::county), "320000");
  EXPECT_EQ(region_at("320000", Level::city), "320000");
}

TEST(Region, LevelNames) {
  for (Level l : {Level::county, Level::city, Level::province, Level::national}) {
    EXPECT_EQ(parse_level(to_string(l)), l);
  }
  EXPECT_EQ(parse_level("town"), std::nullopt);
}

TEST(Region, KnownCodesNameAPlace) {
  EXPECT_TRUE(region_code_known("320000"));
  EXPECT_TRUE(region_code_known("320100"));
  EXPECT_TRUE(region_code_known("320102"));
  EXPECT_TRUE(region_code_known("110108"));
  EXPECT_TRUE(region_code_known("429004"));  // 仙桃, a county-level city under the province
  EXPECT_FALSE(region_code_known("000000")) << "national is no place to register";
  EXPECT_FALSE(region_code_known("999999"));
  EXPECT_FALSE(region_code_known("100000"));
  EXPECT_FALSE(region_code_known("320001")) << "no county sits under a city part of 00";
  EXPECT_FALSE(region_code_known("32010"));
  EXPECT_FALSE(region_code_known("32010x"));
}

}  // namespace
}  // namespace qc
