// The ZIP writer's archives are read back by Python's zipfile (CRC checked by testzip)
// and listed by unzip, the tools a submission package's recipient uses.
#include "core/zip.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "support/temp_dir.hpp"

namespace qc {
namespace {

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(Crc32, MatchesTheStandardCheckValue) {
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32(""), 0u);
}

TEST(ZipWriter, ArchiveIsReadByPythonAndUnzip) {
  test::TempDir dir;
  ZipWriter zip;
  zip.add("manifest.json", R"({"year":2026})");
  zip.add("reports/报告.html", "<html><body>质量信用报告</body></html>");
  zip.add("empty.txt", "");
  const auto path = dir.path() / "package.zip";
  std::ofstream(path, std::ios::binary) << zip.finish();

  const std::string script =
      "import sys,zipfile\n"
      "z=zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "for i in z.infolist(): print(i.filename, i.file_size, z.read(i).decode())\n";
  const auto py = run("python3 -c '" + script + "' " + path.string() + " 2>&1");
  EXPECT_NE(py.find("manifest.json 13 {\"year\":2026}"), std::string::npos) << py;
  EXPECT_NE(py.find("reports/报告.html"), std::string::npos) << py;
  EXPECT_NE(py.find("质量信用报告"), std::string::npos) << py;
  EXPECT_NE(py.find("empty.txt 0"), std::string::npos) << py;

  const auto listing = run("unzip -l " + path.string() + " 2>&1");
  EXPECT_NE(listing.find("3 files"), std::string::npos) << listing;
  const auto tested = run("unzip -t " + path.string() + " 2>&1");
  EXPECT_NE(tested.find("No errors detected"), std::string::npos) << tested;
}

TEST(ZipWriter, EmptyArchiveIsValid) {
  const std::string z = ZipWriter().finish();
  ASSERT_EQ(z.size(), 22u);  // only the end-of-central-directory record
  EXPECT_EQ(z.substr(0, 4), std::string("PK\x05\x06", 4));
}

}  // namespace
}  // namespace qc
