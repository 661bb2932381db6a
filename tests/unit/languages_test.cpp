// Unit tests for names in other languages: LanguageSet, and the built-in `name` records as the
// matcher finds them with a language selected and without it (tests/data/languages/).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "comention/error.hpp"
#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"
#include "test_support.hpp"

namespace {

using comention::Gazetteer;
using comention::GazetteerBuilder;
using comention::LanguageSet;

const Gazetteer& builtin_in(std::string_view list) {
  static std::map<std::string, Gazetteer, std::less<>> cache;  // a map: references stay valid
  if (const auto found = cache.find(list); found != cache.end()) return found->second;
  return cache.emplace(list, comention::testing::build_builtin(list.empty() ? LanguageSet{} : LanguageSet::parse(list))).first->second;
}

// The ids of the entities the built-in gazetteer finds in text, in order.
std::vector<std::string> ids_in(std::string_view text, std::string_view languages = {}) {
  const Gazetteer& gazetteer = builtin_in(languages);
  const comention::Matcher matcher(gazetteer);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> mentions;
  matcher.find_mentions(text, scratch, mentions);
  std::vector<std::string> ids;
  for (const auto& mention : mentions) ids.push_back(gazetteer.entities()[mention.entity].id);
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_SUITE("languages") {

TEST_CASE("LanguageSet: English alone by default, codes parsed from a list, all") {
  const LanguageSet english;
  CHECK(english.contains("en"));
  CHECK_FALSE(english.contains("es"));
  CHECK(english.codes() == Ids{"en"});

  const LanguageSet some = LanguageSet::parse("fr, es,fr");
  CHECK(some.codes() == Ids{"en", "es", "fr"});
  CHECK(some.contains("es"));
  CHECK_FALSE(some.contains("de"));

  const LanguageSet all = LanguageSet::parse("all");
  CHECK(all.is_all());
  CHECK(all.contains("sw"));
  CHECK(LanguageSet::all().contains("zh"));
}

TEST_CASE("LanguageSet::parse refuses what is no language code") {
  CHECK_THROWS_AS(LanguageSet::parse("spanish"), comention::UsageError);
  CHECK_THROWS_AS(LanguageSet::parse("ES"), comention::UsageError);
  CHECK_THROWS_AS(LanguageSet::parse("es,,fr"), comention::UsageError);
  CHECK_THROWS_AS(LanguageSet::parse(""), comention::UsageError);
}

TEST_CASE("the built-in names load in every language at once without a conflict") {
  GazetteerBuilder builder(LanguageSet::all());
  CHECK_NOTHROW(builder.add_builtin());
  const Gazetteer gazetteer = builder.build();
  CHECK(gazetteer.aliases().size() > builtin_in("").aliases().size() + 4500);
  // The 24 languages besides English, each with names for most countries.
  const Ids expected = {"ar", "bn", "de", "el", "es", "fa", "fr", "he", "hi", "id", "it", "ja",
                        "ko", "nl", "pl", "pt", "ru", "sv", "sw", "tr", "uk", "ur", "vi", "zh"};
  CHECK(Ids(builder.languages_seen().begin(), builder.languages_seen().end()) == expected);
}

TEST_CASE("by default no name of another language is loaded and English output is unchanged") {
  const Gazetteer& english = builtin_in("");
  for (const auto& alias : english.aliases()) {
    REQUIRE_MESSAGE(alias.languages == comention::kEveryLanguage, alias.text);
  }
  CHECK(ids_in("España, Francia, Estados Unidos y EE.UU.").empty());
  CHECK(ids_in("Deutschland, Россия, Frankrijk, Duitsland, VS").empty());
  CHECK(ids_in("China and France met the UN.") == Ids{"CHN", "FRA", "UN"});
}

TEST_CASE("Spanish names match with es and nothing extra without it") {
  const std::string_view text = "España y Francia hablaron con Estados Unidos; EE.UU. y EEUU respondieron.";
  CHECK(ids_in(text, "es") == Ids{"ESP", "FRA", "USA", "USA", "USA"});
  CHECK(ids_in(text).empty());
  // Another language's names stay off: German is not Spanish.
  CHECK(ids_in("Deutschland und Frankreich", "es").empty());
}

TEST_CASE("French names, and the UN after an elided article") {
  CHECK(ids_in("La Chine et l'Allemagne", "fr") == Ids{"CHN", "DEU"});
  CHECK(ids_in("Le chef de l'ONU et l’ONU", "fr") == Ids{"UN", "UN"});
  CHECK(ids_in("la RFA", "fr") == Ids{"DEU"});
}

TEST_CASE("German, Russian and Dutch names") {
  CHECK(ids_in("Deutschland", "de") == Ids{"DEU"});
  CHECK(ids_in("Россия и США", "ru") == Ids{"RUS", "USA"});
  CHECK(ids_in("Frankrijk, Duitsland en de VS", "nl") == Ids{"FRA", "DEU", "USA"});
  // Acronyms keep the exact rule: "vs" (versus) is no United States.
  CHECK(ids_in("Ajax vs Feyenoord", "nl").empty());
}

TEST_CASE("case rules in Cyrillic: capitals match a name, an acronym only as written") {
  CHECK(ids_in("РОССИЯ", "ru") == Ids{"RUS"});
  CHECK(ids_in("россия", "ru").empty());
  CHECK(ids_in("сша", "ru").empty());
}

TEST_CASE("Turkish dotted capital I folds to i: İsveç, ISVEÇ") {
  CHECK(ids_in("İsveç ve Norveç", "tr") == Ids{"SWE", "NOR"});
  CHECK(ids_in("ISVEÇ", "tr") == Ids{"SWE"});
}

TEST_CASE("names English drops as misleading are left out in other languages too") {
  // "Congo" names either Congo; "Dominique" is a first name. Iceland's German name stays.
  CHECK(ids_in("El Congo y la RDC", "es").empty());
  CHECK(ids_in("Dominique de Villepin", "fr").empty());
  CHECK(ids_in("Island und Norwegen", "de") == Ids{"ISL", "NOR"});
}

TEST_CASE("a builder knows the built-in languages without loading their names") {
  GazetteerBuilder builder;
  builder.add_builtin();
  CHECK(builder.languages_seen().size() == 24);
  CHECK(builder.languages_seen().contains("sw"));
}

TEST_CASE("names of a language in a later file override and drop as aliases do") {
  GazetteerBuilder builder(LanguageSet::parse("es"));
  builder.add_builtin();
  builder.add_text("drop\tESP\tEspaña\nname\tes\tFRA\tGalia\n", "mine.tsv");
  const Gazetteer gazetteer = builder.build();
  const comention::Matcher matcher(gazetteer);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> mentions;
  matcher.find_mentions("España y Galia", scratch, mentions);
  REQUIRE(mentions.size() == 1);
  CHECK(gazetteer.entities()[mentions[0].entity].id == "FRA");
}

TEST_CASE("a context of a name of a language left out is skipped with the name, and only then") {
  const std::string records =
      "entity\tDEU\tcountry\tGermany\n"
      "name\tde\tDEU\tTeutonia\n"
      "context\tTeutonia\tnot-after\tneue\n";
  GazetteerBuilder without_german;
  without_german.add_text(records, "mine.tsv");
  CHECK(without_german.build().entities().size() == 1);

  GazetteerBuilder german(LanguageSet::parse("de"));
  german.add_text(records, "mine.tsv");
  const Gazetteer gazetteer = german.build();
  const comention::Matcher matcher(gazetteer);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> mentions;
  matcher.find_mentions("Teutonia und die neue Teutonia", scratch, mentions);
  CHECK(mentions.size() == 1);

  GazetteerBuilder unknown;
  CHECK_THROWS_AS(unknown.add_text("context\tAtlantis\tnot-after\tneue\n", "mine.tsv"),
                  comention::InputError);
}

TEST_CASE("a stop of a language loads with its language only; an unknown language is an error") {
  const std::string records =
      "entity\tSWE\tcountry\tSweden\n"
      "name\tsv\tSWE\tsvenska\tany\n"
      "stop\tpå svenska\tany\tsv\n"
      "stop\tSvenska Dagbladet\tany\tsv\n";
  GazetteerBuilder english;
  english.add_text(records, "mine.tsv");
  CHECK(english.build().aliases().empty());

  GazetteerBuilder swedish(LanguageSet::parse("sv"));
  swedish.add_text(records, "mine.tsv");
  const Gazetteer gazetteer = swedish.build();
  const comention::Matcher matcher(gazetteer);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> mentions;
  matcher.find_mentions("Boken finns på svenska, skriver svenska medier.", scratch, mentions);
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].start == std::string_view("Boken finns på svenska, skriver ").size());

  GazetteerBuilder unknown;
  CHECK_THROWS_AS(unknown.add_text("stop\tpå svenska\tany\tswedish\n", "mine.tsv"), comention::InputError);
}

TEST_CASE("the multilingual sentences of tests/data/languages give their entities") {
  std::ifstream in(std::string(COMENTION_TEST_DATA_DIR) + "/languages/sentences.tsv");
  REQUIRE(in);
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto first = line.find('\t');
    const auto second = line.find('\t', first + 1);
    REQUIRE(second != std::string::npos);
    const std::string language = line.substr(0, first);
    const std::string expected_field = line.substr(first + 1, second - first - 1);
    const std::string text = line.substr(second + 1);
    Ids expected;
    if (expected_field != "gap") {
      std::istringstream words(expected_field);
      for (std::string id; words >> id;) expected.push_back(id);
    }
    const std::string context = language + ": " + text;
    INFO(context);
    CHECK(ids_in(text, language) == expected);
    ++checked;
  }
  CHECK(checked >= 40);
}

}  // TEST_SUITE
