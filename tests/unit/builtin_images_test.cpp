// The gazetteer and matchers compiled into comention (Gazetteer::builtin, Matcher::of; images
// written by src/tools/make_builtin_images.cpp): they must be those the built-in data builds,
// field for field and table for table, and find the same mentions; an image made for other
// entities, names or options, or damaged, is refused and the matcher built instead.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using comention::ActiveLanguages;
using comention::Gazetteer;
using comention::GazetteerBuilder;
using comention::LanguageSet;
using comention::MatchOptions;
using comention::Matcher;
using comention::MatchScratch;
using comention::Mention;
using comention::testing::build_builtin;

// Every sentence of the gold sets (English and the other languages), marks taken out.
std::vector<std::string> gold_sentences() {
  std::vector<std::string> sentences;
  for (const char* set : {"gold", "languages/gold"}) {
    const fs::path dir = fs::path(COMENTION_TEST_DATA_DIR) / set;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".tsv" && entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::string text = line.substr(line.rfind('\t') + 1);
        // ⟦SURFACE|ID⟧ to SURFACE
        for (std::size_t open; (open = text.find("\u27E6")) != std::string::npos;) {
          const std::size_t bar = text.find('|', open);
          const std::size_t close = text.find("\u27E7", open);
          if (bar == std::string::npos || close == std::string::npos || bar > close) break;
          text = text.substr(0, open) + text.substr(open + 3, bar - open - 3) + text.substr(close + 3);
        }
        sentences.push_back(text);
      }
    }
  }
  return sentences;
}

std::string describe(const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions) {
    out += std::to_string(m.entity) + "@" + std::to_string(m.start) + "-" + std::to_string(m.end) + "/" +
           std::to_string(m.language) + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("the compiled matchers are those the built-in gazetteer builds, table for table") {
  for (const LanguageSet& languages : {LanguageSet{}, LanguageSet::automatic()}) {
    CAPTURE(languages.is_all());
    const Gazetteer gazetteer = build_builtin(languages);
    const Matcher compiled = Matcher::of(gazetteer);
    REQUIRE(compiled.reads_image());
    const Matcher built(gazetteer);
    CHECK_FALSE(built.reads_image());
    // An image written from the compiled matcher's tables equals one of a matcher built now:
    // the program's data is up to date and read back whole.
    CHECK(compiled.image(gazetteer) == built.image(gazetteer));
  }
}

TEST_CASE("the compiled matcher of every language finds what the built one finds") {
  const Gazetteer gazetteer = build_builtin(LanguageSet::automatic());
  const Matcher compiled = Matcher::of(gazetteer);
  REQUIRE(compiled.reads_image());
  const Matcher built(gazetteer);
  const std::vector<std::string> sentences = gold_sentences();
  REQUIRE(sentences.size() >= 1000);
  MatchScratch scratch;
  std::vector<Mention> expected, actual;
  std::size_t mentions = 0;
  const ActiveLanguages spanish = ActiveLanguages::of(comention::language_bit(*comention::language_index("es")),
                                                      *comention::language_index("es"));
  for (const std::string& sentence : sentences) {
    for (const ActiveLanguages& active : {ActiveLanguages{}, spanish}) {
      built.find_mentions(sentence, scratch, expected, active);
      compiled.find_mentions(sentence, scratch, actual, active);
      INFO(sentence);
      CHECK(describe(actual) == describe(expected));
      mentions += expected.size();
    }
  }
  CHECK(mentions > 2000);
}

TEST_CASE("a compiled matcher is used only for the gazetteer and options it was made for") {
  SUBCASE("a user's names: built") {
    GazetteerBuilder builder;
    builder.add_builtin();
    builder.add_text("alias\tCHN\tMiddle Kingdom\n", "extra.tsv");
    const Gazetteer gazetteer = builder.build();
    CHECK_FALSE(gazetteer.is_builtin_only());
    const Matcher matcher = Matcher::of(gazetteer);
    CHECK_FALSE(matcher.reads_image());
    MatchScratch scratch;
    std::vector<Mention> found;
    matcher.find_mentions("The Middle Kingdom replied.", scratch, found);
    REQUIRE(found.size() == 1);
    CHECK(gazetteer.entities()[found[0].entity].id == "CHN");
    CHECK_FALSE(Matcher::builtin_every_language(gazetteer).has_value());
  }
  SUBCASE("other options: built, and they hold") {
    const Gazetteer gazetteer = build_builtin(LanguageSet{});
    MatchOptions capitals;
    capitals.capitals = true;
    const Matcher matcher = Matcher::of(gazetteer, capitals);
    CHECK_FALSE(matcher.reads_image());
    MatchScratch scratch;
    std::vector<Mention> found;
    matcher.find_mentions("Beijing said so.", scratch, found);
    REQUIRE(found.size() == 1);
    CHECK(gazetteer.entities()[found[0].entity].id == "CHN");
  }
  SUBCASE("some languages, not all: built") {
    const Gazetteer gazetteer = build_builtin(LanguageSet::parse("es"));
    CHECK(gazetteer.is_builtin_only());
    CHECK_FALSE(Matcher::of(gazetteer).reads_image());
  }
  SUBCASE("an image refused: other entities, other names, damaged, misaligned") {
    const Gazetteer english = build_builtin(LanguageSet{});
    const std::string image = Matcher(english).image(english);
    // Copied into memory aligned as the program's images are.
    std::vector<std::uint64_t> storage(image.size() / 8 + 16);
    auto* aligned = reinterpret_cast<unsigned char*>(storage.data());
    aligned += (64 - reinterpret_cast<std::uintptr_t>(aligned) % 64) % 64;
    std::copy(image.begin(), image.end(), aligned);
    const std::span<const unsigned char> bytes(aligned, image.size());
    CHECK(Matcher::from_image(bytes, english, {}).has_value());

    GazetteerBuilder other_builder;
    other_builder.add_text("entity\tXXA\tcountry\tAtlantis\nalias\tXXA\tAtlantis\n", "atlantis.tsv");
    const Gazetteer other = other_builder.build();
    CHECK_FALSE(Matcher::from_image(bytes, other, {}).has_value());
    CHECK_FALSE(Matcher::from_image(bytes, build_builtin(LanguageSet::parse("es")), {}).has_value());  // more names
    MatchOptions ignore_case;
    ignore_case.ignore_case = true;
    CHECK_FALSE(Matcher::from_image(bytes, english, ignore_case).has_value());
    CHECK_FALSE(Matcher::from_image(bytes.first(bytes.size() / 2), english, {}).has_value());
    CHECK_FALSE(Matcher::from_image(bytes.first(100), english, {}).has_value());
    std::copy(image.begin(), image.end(), aligned + 8);
    CHECK_FALSE(Matcher::from_image(std::span<const unsigned char>(aligned + 8, image.size()), english, {}).has_value());
    std::copy(image.begin(), image.end(), aligned);
    aligned[0] ^= 1;  // the magic
    CHECK_FALSE(Matcher::from_image(bytes, english, {}).has_value());
  }
}

TEST_CASE("the compiled gazetteer is the one the built-in files build, field for field") {
  const Gazetteer built = build_builtin(LanguageSet{});
  const Gazetteer compiled = Gazetteer::builtin();
  // image() writes every field: equal images are equal gazetteers.
  CHECK(compiled.image() == built.image());
  CHECK(compiled.is_builtin_only());
  CHECK(compiled.entities().size() == built.entities().size());
  CHECK(compiled.aliases().size() == built.aliases().size());
  CHECK(compiled.contexts().size() == built.contexts().size());
  const auto china = compiled.lookup("People's Republic of China");
  REQUIRE(china.has_value());
  CHECK(compiled.entities()[*china].id == "CHN");
  CHECK(compiled.entities()[*china].attribute("iso2") == "CN");

  // Read back from its own image, every language's gazetteer too.
  const Gazetteer every_language = build_builtin(LanguageSet::automatic());
  const std::string image = every_language.image();
  const auto read = Gazetteer::from_image(std::span(reinterpret_cast<const unsigned char*>(image.data()), image.size()));
  REQUIRE(read.has_value());
  CHECK(read->image() == image);
  CHECK(read->languages().detects());

  // Damaged: refused, never half read.
  std::string damaged = image;
  damaged[0] = 'X';
  const auto bytes = [](const std::string& text) {
    return std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size());
  };
  CHECK_FALSE(Gazetteer::from_image(bytes(damaged)).has_value());
  CHECK_FALSE(Gazetteer::from_image(bytes(image).first(image.size() - 1)).has_value());
  CHECK_FALSE(Gazetteer::from_image(bytes(image).first(image.size() / 3)).has_value());
  CHECK_FALSE(Gazetteer::from_image(bytes(image + "x")).has_value());
}
