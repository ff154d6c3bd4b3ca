// write_export_file(): all or nothing, never over an existing file unless asked, clear errors.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "report/export_file.h"
#include "report_support.h"

namespace waymark::test {
namespace {

namespace fs = std::filesystem;
using report::ExportErrc;
using report::ExportError;
using report::write_export_file;

class ExportFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("waymark-export-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  fs::path dir_;
};

ExportErrc code_of(const fs::path& target, std::string_view bytes, bool overwrite) {
  try {
    write_export_file(target, bytes, overwrite);
  } catch (const ExportError& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error";
  return ExportErrc::io;
}

TEST_F(ExportFile, WritesTheWholeFileReadableByItsOwnerOnly) {
  write_export_file(dir_ / "a.txt", "hello", false);
  EXPECT_EQ(read_text((dir_ / "a.txt").string()), "hello");
  EXPECT_EQ(fs::status(dir_ / "a.txt").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(names(), std::vector<std::string>{"a.txt"});  // no temporary file left
}

TEST_F(ExportFile, NeverReplacesAnExistingFileUnlessAsked) {
  write_export_file(dir_ / "a.txt", "first", false);
  EXPECT_EQ(code_of(dir_ / "a.txt", "second", false), ExportErrc::exists);
  EXPECT_EQ(read_text((dir_ / "a.txt").string()), "first");
  write_export_file(dir_ / "a.txt", "second", true);
  EXPECT_EQ(read_text((dir_ / "a.txt").string()), "second");
  EXPECT_EQ(names(), std::vector<std::string>{"a.txt"});
}

TEST_F(ExportFile, AMissingFolderIsNamed) {
  try {
    write_export_file(dir_ / "nope" / "a.txt", "x", false);
    FAIL();
  } catch (const ExportError& e) {
    EXPECT_EQ(e.code(), ExportErrc::folder_missing);
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos);
  }
}

TEST_F(ExportFile, AnUnwritableFolderLeavesNothing) {
  // root ignores permission bits, so as root use sysfs, where no one may create files.
  fs::path target = dir_ / "locked" / "a.txt";
  if (::geteuid() == 0) {
    target = "/sys/waymark-export-test.txt";
  } else {
    fs::create_directories(dir_ / "locked");
    fs::permissions(dir_ / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  }
  EXPECT_EQ(code_of(target, "x", false), ExportErrc::not_writable);
  EXPECT_FALSE(fs::exists(target));
  if (::geteuid() != 0) fs::permissions(dir_ / "locked", fs::perms::owner_all);
}

TEST_F(ExportFile, AFolderAsTargetIsRefused) {
  fs::create_directories(dir_ / "sub");
  EXPECT_EQ(code_of(dir_ / "sub", "x", true), ExportErrc::exists);
}

}  // namespace
}  // namespace waymark::test
