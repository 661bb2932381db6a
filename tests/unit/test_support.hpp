// Helpers shared by the unit tests: readable vectors in failure messages, temporary directories.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/reader.hpp"

// Prints vectors in failure messages ({"a", "b"}) instead of doctest's "{?}".
namespace doctest {
template <typename T>
struct StringMaker<std::vector<T>> {
  static String convert(const std::vector<T>& values) {
    String out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ", ";
      if constexpr (std::is_same_v<T, std::string>) {
        out += String("\"") + String(values[i].c_str()) + String("\"");
      } else {
        out += toString(values[i]);
      }
    }
    out += "}";
    return out;
  }
};
}  // namespace doctest

namespace comention::testing {

// The built-in data built from its files by a GazetteerBuilder (Gazetteer::builtin reads the
// English one compiled into the program instead).
inline Gazetteer build_builtin(const LanguageSet& languages = {}) {
  GazetteerBuilder builder(languages);
  builder.add_builtin();
  return builder.build();
}

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Every document that reading inputs gives, in order.
inline std::vector<Document> read_all(const std::vector<std::string>& inputs, const ReaderOptions& options = {}) {
  DocumentReader reader(inputs, options);
  std::vector<Document> documents;
  Document doc;
  while (reader.next(doc)) documents.push_back(doc);
  return documents;
}

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("comention-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path() const { return path_.string(); }
  std::string path(const std::string& relative) const { return (path_ / relative).string(); }

  // Writes content (bytes as given) to a file under this directory; returns its path.
  std::string write(const std::string& relative, std::string_view content) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    REQUIRE(out.good());
    return file.string();
  }

  std::string mkdir(const std::string& relative) const {
    std::filesystem::create_directories(path_ / relative);
    return (path_ / relative).string();
  }

  // Names of everything in the directory, hidden files included, sorted.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace comention::testing
