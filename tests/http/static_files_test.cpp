#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/temp_dir.hpp"

namespace qc::http {
namespace {

namespace fs = std::filesystem;
using qc::test::TempDir;

std::string header(const Response& res, std::string_view name) {
  for (const auto& [k, v] : res.headers)
    if (k == name) return v;
  return {};
}

Request get(std::string path) {
  Request req;
  req.method = "GET";
  req.path = std::move(path);
  return req;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    web.write("index.html", "<!doctype html><title>qcredit</title>");
    web.write("assets/index-4f3a2b.js", "console.log(1)");
    web.write("assets/index-9c8d.css", "body{}");
    web.write("favicon.ico", "ico");
    web.write("logo.svg", "<svg/>");
    web.write("font.woff2", "w");
    web.write("app.mjs", "export{}");
    web.write("data.json", "{}");
    web.write("robots.txt", "User-agent: *");
    web.write(".env", "SECRET=1");
    web.write(".git/config", "[core]");
    web.write("assets/.hidden.js", "secret");
    outside.write("secret.txt", "top secret");
    fs::create_symlink(outside.path() / "secret.txt", web.path() / "leak.txt");
    fs::create_symlink(outside.path(), web.path() / "elsewhere");
    fs::create_symlink(web.path() / ".env", web.path() / "env.txt");
    fs::create_symlink(web.path() / "robots.txt", web.path() / "robots-link.txt");
  }
  TempDir web;
  TempDir outside;
  StaticFiles files{web.str()};
};

TEST_F(StaticFilesTest, ServesIndexAtRootWithNoCache) {
  const Response res = files.serve(get("/"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(res.body, "<!doctype html><title>qcredit</title>");
  EXPECT_EQ(header(res, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutable) {
  const Response js = files.serve(get("/assets/index-4f3a2b.js"));
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(files.serve(get("/assets/index-9c8d.css")).content_type, "text/css; charset=utf-8");
  EXPECT_EQ(header(files.serve(get("/favicon.ico")), "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ContentTypesByExtension) {
  EXPECT_EQ(files.serve(get("/favicon.ico")).content_type, "image/x-icon");
  EXPECT_EQ(files.serve(get("/logo.svg")).content_type, "image/svg+xml");
  EXPECT_EQ(files.serve(get("/font.woff2")).content_type, "font/woff2");
  EXPECT_EQ(files.serve(get("/app.mjs")).content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files.serve(get("/data.json")).content_type, "application/json");
  EXPECT_EQ(files.serve(get("/robots.txt")).content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("x.png"), "image/png");
  EXPECT_EQ(content_type_for("x.js.map"), "application/json");
  EXPECT_EQ(content_type_for("x.bin"), "application/octet-stream");
}

TEST_F(StaticFilesTest, SpaFallbackForExtensionlessPaths) {
  for (const char* path : {"/cases/12", "/login", "/cases/", "/assets"}) {
    const Response res = files.serve(get(path));
    EXPECT_EQ(res.status, 200) << path;
    EXPECT_EQ(res.body, "<!doctype html><title>qcredit</title>") << path;
    EXPECT_EQ(header(res, "Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticFilesTest, MissingFileWithExtensionIs404Json) {
  const Response res = files.serve(get("/assets/missing-1234.js"));
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.content_type, "application/json");
  EXPECT_NE(res.body.find("not_found"), std::string::npos);
}

TEST_F(StaticFilesTest, DotfilesAreNeverServed) {
  for (const char* path : {"/.env", "/.git/config", "/.git", "/assets/.hidden.js", "/env.txt"}) {
    const Response res = files.serve(get(path));
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(res.body.find("qcredit</title>"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, SymlinksOutOfTheDirectoryAreRefused) {
  EXPECT_EQ(files.serve(get("/leak.txt")).status, 404);
  EXPECT_EQ(files.serve(get("/elsewhere/secret.txt")).status, 404);
  // A link that stays inside is an ordinary file.
  EXPECT_EQ(files.serve(get("/robots-link.txt")).body, "User-agent: *");
}

TEST_F(StaticFilesTest, EtagRevalidation) {
  const Response first = files.serve(get("/robots.txt"));
  const std::string etag = header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  Request again = get("/robots.txt");
  again.headers.emplace_back("if-none-match", etag);
  const Response res = files.serve(again);
  EXPECT_EQ(res.status, 304);
  EXPECT_TRUE(res.body.empty());
}

TEST(StaticFilesDisabled, EmptyOrMissingDirectoryServesNothing) {
  for (const std::string& dir : {std::string(), std::string("/nonexistent/qcredit-web")}) {
    StaticFiles files(dir);
    EXPECT_FALSE(files.enabled());
    EXPECT_EQ(files.serve(get("/")).status, 404);
    EXPECT_EQ(files.serve(get("/cases/1")).status, 404);
  }
}

TEST(StaticFilesNoIndex, FallbackWithoutIndexIs404) {
  TempDir web;
  web.write("app.js", "x");
  StaticFiles files(web.str());
  EXPECT_EQ(files.serve(get("/cases/1")).status, 404);
  EXPECT_EQ(files.serve(get("/app.js")).status, 200);
}

}  // namespace
}  // namespace qc::http
