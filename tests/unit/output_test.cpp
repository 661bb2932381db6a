// Unit tests for output.hpp: AtomicOutput writes a file whole or not at all.
#include "comention/output.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "comention/error.hpp"

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using comention::AtomicOutput;
using comention::InputError;

using comention::testing::TempDir;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_SUITE("output") {

TEST_CASE("commit creates the file with the content and leaves no temporary file") {
  const TempDir dir;
  const std::string path = dir.path("graph.json");
  {
    AtomicOutput out(path);
    CHECK(out.path() == path);
    out.stream() << "{\"nodes\": []}\n";
    out.commit();
  }
  CHECK(read_file(path) == "{\"nodes\": []}\n");
  CHECK(dir.listing() == Names{"graph.json"});
}

TEST_CASE("nothing appears at the path before commit") {
  const TempDir dir;
  const std::string path = dir.path("graph.dot");
  AtomicOutput out(path);
  out.stream() << "strict graph {}\n";
  CHECK_FALSE(fs::exists(path));
  out.commit();
  CHECK(fs::exists(path));
}

TEST_CASE("destruction without commit leaves no file and no temporary file") {
  const TempDir dir;
  const std::string path = dir.path("graph.json");
  {
    AtomicOutput out(path);
    out.stream() << "partial";
  }
  CHECK_FALSE(fs::exists(path));
  CHECK(dir.listing().empty());
}

TEST_CASE("an exception before commit leaves an existing file untouched") {
  const TempDir dir;
  const std::string path = dir.path("graph.json");
  write_file(path, "old content\n");
  try {
    AtomicOutput out(path);
    out.stream() << "new content that must not appear\n";
    throw std::runtime_error("failure while writing");
  } catch (const std::runtime_error&) {
  }
  CHECK(read_file(path) == "old content\n");
  CHECK(dir.listing() == Names{"graph.json"});
}

TEST_CASE("commit replaces an existing file") {
  const TempDir dir;
  const std::string path = dir.path("graph.json");
  write_file(path, "a much longer old content that must disappear entirely\n");
  {
    AtomicOutput out(path);
    out.stream() << "new\n";
    out.commit();
  }
  CHECK(read_file(path) == "new\n");
  CHECK(dir.listing() == Names{"graph.json"});
}

TEST_CASE("a committed file is an ordinary file that honours the umask") {
  const TempDir dir;
  const std::string path = dir.path("graph.json");
  const mode_t previous = ::umask(022);
  {
    AtomicOutput out(path);
    out.stream() << "x";
    out.commit();
  }
  ::umask(previous);
  const auto perms = fs::status(path).permissions();
  CHECK(perms == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read));
}

TEST_CASE("a path in a missing directory is an InputError naming it") {
  const TempDir dir;
  const std::string path = dir.path("no/such/dir/graph.json");
  try {
    AtomicOutput out(path);
    FAIL("AtomicOutput accepted a path in a missing directory");
  } catch (const InputError& error) {
    CHECK(error.file() == path);
    CHECK(std::string_view(error.what()).starts_with(path + ":"));
  }
  CHECK_FALSE(fs::exists(dir.path("no")));
}

TEST_CASE("a path that is a directory is an InputError") {
  const TempDir dir;
  fs::create_directories(dir.path("folder"));
  CHECK_THROWS_AS(AtomicOutput(dir.path("folder")), InputError);
  CHECK(dir.listing() == Names{"folder"});
}

TEST_CASE("the path - writes to standard output and creates no file") {
  const TempDir dir;
  const fs::path previous = fs::current_path();
  fs::current_path(dir.path(""));
  {
    AtomicOutput out("-");
    CHECK(&out.stream() == &std::cout);
    out.commit();
  }
  fs::current_path(previous);
  CHECK(dir.listing().empty());
}

TEST_CASE("a relative path without a directory writes into the current directory") {
  const TempDir dir;
  const fs::path previous = fs::current_path();
  fs::current_path(dir.path(""));
  {
    AtomicOutput out("relative.json");
    out.stream() << "relative\n";
    out.commit();
  }
  fs::current_path(previous);
  CHECK(read_file(dir.path("relative.json")) == "relative\n");
  CHECK(dir.listing() == Names{"relative.json"});
}

}  // TEST_SUITE

TEST_SUITE("output: special targets") {

TEST_CASE("a symbolic link is followed: its target is replaced and the link kept") {
  const TempDir dir;
  const std::string target = dir.write("real.json", "old");
  const std::string link = dir.path("link.json");
  std::filesystem::create_symlink(target, link);
  AtomicOutput out(link);
  out.stream() << "new";
  out.commit();
  CHECK(std::filesystem::is_symlink(link));
  std::ifstream in(target);
  std::string content;
  std::getline(in, content);
  CHECK(content == "new");
}

TEST_CASE("a device is written in place, never replaced") {
  {
    AtomicOutput out("/dev/null");
    out.stream() << "discarded";
    out.commit();
  }
  CHECK(std::filesystem::is_character_file("/dev/null"));
}

TEST_CASE("a replaced file keeps its permissions") {
  const TempDir dir;
  const std::string path = dir.write("graph.json", "old");
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  AtomicOutput out(path);
  out.stream() << "new";
  out.commit();
  CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}

TEST_CASE("finish writes everything out but puts nothing in place until commit") {
  const TempDir dir;
  const std::string path = dir.path("graph.json");
  AtomicOutput out(path);
  out.stream() << "content";
  out.finish();
  CHECK_FALSE(std::filesystem::exists(path));
  out.commit();
  CHECK(std::filesystem::exists(path));
}

}
