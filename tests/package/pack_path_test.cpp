// host::default_pack_path: the installed pack beside the program wins, a build tree falls back to
// the sources' pack, and with neither the installed path is named (so the loader's error says where).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "host/pack_path.h"

namespace fs = std::filesystem;
using waymark::host::default_pack_path;

namespace {

class DefaultPackPath : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "waymark-pack-path-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    fs::create_directories(root_ / "usr" / "bin");
    fs::create_directories(root_ / "src" / "rules" / "uk");
    std::ofstream(root_ / "src" / "rules" / "uk" / "pack.yaml") << "id: x\n";
  }
  void TearDown() override { fs::remove_all(root_); }

  void install_pack() {
    fs::create_directories(root_ / "usr" / "share" / "waymark" / "rules" / "uk");
    std::ofstream(installed()) << "id: x\n";
  }
  [[nodiscard]] fs::path installed() const { return root_ / "usr" / "share" / "waymark" / "rules" / "uk" / "pack.yaml"; }
  [[nodiscard]] fs::path source() const { return root_ / "src" / "rules" / "uk" / "pack.yaml"; }
  [[nodiscard]] fs::path bin() const { return root_ / "usr" / "bin"; }

  fs::path root_;
};

TEST_F(DefaultPackPath, InstalledPackBesideTheProgramWins) {
  install_pack();
  EXPECT_EQ(default_pack_path(bin(), source()), installed());
}

TEST_F(DefaultPackPath, BuildTreeFallsBackToTheSources) {
  EXPECT_EQ(default_pack_path(bin(), source()), source());
}

TEST_F(DefaultPackPath, NeitherNamesTheInstalledPath) {
  fs::remove(source());
  EXPECT_EQ(default_pack_path(bin(), source()), installed());
  EXPECT_EQ(default_pack_path(bin(), ""), installed());
}

TEST_F(DefaultPackPath, AFolderNamedPackYamlIsNotAPack) {
  fs::create_directories(installed());
  EXPECT_EQ(default_pack_path(bin(), source()), source());
}

TEST_F(DefaultPackPath, UnknownProgramFolderUsesTheSources) {
  EXPECT_EQ(default_pack_path("", source()), source());
}

TEST(SourceTreePack, IsTheUkPackOfTheseSources) {
  EXPECT_TRUE(fs::is_regular_file(waymark::host::source_tree_pack()));
  EXPECT_EQ(waymark::host::source_tree_pack().filename(), "pack.yaml");
  EXPECT_EQ(waymark::host::source_tree_pack().parent_path().filename(), "uk");
}

TEST(ExecutableDir, IsTheFolderOfThisTest) {
  const fs::path dir = waymark::host::executable_dir();
  ASSERT_FALSE(dir.empty());
  EXPECT_TRUE(fs::exists(dir / "waymark_pack_path_tests"));
}

}  // namespace
