// Makes the images compiled into comention (src/builtin_images.cpp) of the built-in gazetteer of
// English names and of its matchers (English names; every language's), so that comention builds
// none of them at run time. Run by the build:
//   make_builtin_images ENGLISH.gazetteer ENGLISH.matcher EVERY_LANGUAGE.matcher
#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>

#include "builtin_images.hpp"
#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"

namespace comention::detail {

// This tool makes the images: it has none to read.
std::span<const unsigned char> builtin_matcher_image(BuiltinNames) noexcept { return {}; }
std::span<const unsigned char> builtin_gazetteer_image() noexcept { return {}; }

}  // namespace comention::detail

namespace {

comention::Gazetteer builtin(const comention::LanguageSet& languages) {
  comention::GazetteerBuilder builder(languages);
  builder.add_builtin();
  return builder.build();
}

void write_file(const std::string& content, const std::string& path) {
  // Written aside and renamed: a failed run leaves no image that make would take as done.
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + partial);
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) throw std::runtime_error("cannot rename " + partial + " to " + path);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: make_builtin_images ENGLISH.gazetteer ENGLISH.matcher EVERY_LANGUAGE.matcher\n");
    return 2;
  }
  try {
    const comention::Gazetteer english = builtin(comention::LanguageSet{});
    write_file(english.image(), argv[1]);
    write_file(comention::Matcher(english).image(english), argv[2]);
    const comention::Gazetteer every_language = builtin(comention::LanguageSet::automatic());
    write_file(comention::Matcher(every_language).image(every_language), argv[3]);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "make_builtin_images: %s\n", error.what());
    return 1;
  }
  return 0;
}
