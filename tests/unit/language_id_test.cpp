// Unit tests for names that fire per language: the languages of an alias (LanguageMask), the
// matcher's filtering by the active languages, and CLD2's detection as DocumentAnalyzer uses it.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/language_id.hpp"
#include "comention/matcher.hpp"
#include "comention/pipeline.hpp"
#include "test_support.hpp"

namespace {

using namespace comention;
using Ids = std::vector<std::string>;

LanguageMask bit_of(std::string_view code) { return language_bit(*language_index(code)); }

const Gazetteer& builtin_auto() {
  static const Gazetteer gazetteer = [] {
    GazetteerBuilder builder(LanguageSet::automatic());
    builder.add_builtin();
    return builder.build();
  }();
  return gazetteer;
}

// The ids DocumentAnalyzer finds in a text with the built-in gazetteer, every language loaded
// and the document's own detected (as --languages auto does).
Ids ids_detected(std::string_view text, LanguageDetection detection = LanguageDetection::when_needed) {
  static const Matcher matcher(builtin_auto());
  DocumentAnalyzer analyzer(matcher, false, detection);
  const AnalyzedDocument& analyzed = analyzer.analyze(text);
  Ids ids;
  for (const Mention& mention : analyzed.mentions) ids.push_back(builtin_auto().entities()[mention.entity].id);
  return ids;
}

const Alias* alias_named(const Gazetteer& gazetteer, std::string_view text) {
  for (const Alias& alias : gazetteer.aliases()) {
    if (alias.text == text) return &alias;
  }
  return nullptr;
}

constexpr std::string_view kTwoEntities =
    "entity\tAAA\tcountry\tAland\n"
    "entity\tBBB\tcountry\tBland\n";

}  // namespace

TEST_SUITE("language_id") {

TEST_CASE("language codes: English first, one bit each, every language apart") {
  CHECK(language_code(kEnglish) == "en");
  CHECK(language_index("en") == kEnglish);
  REQUIRE(language_index("de"));
  CHECK(language_code(*language_index("de")) == "de");
  CHECK_FALSE(language_index("xx"));
  CHECK(language_codes().size() <= 63);
  CHECK((bit_of("zh") & kEveryLanguage) == 0);
  CHECK(describe_languages(bit_of("es") | bit_of("fr")) == "es,fr");
  CHECK(describe_languages(kEveryLanguage) == "*");
}

TEST_CASE("LanguageSet auto loads every language and asks for detection; a list does not") {
  CHECK(LanguageSet::parse("auto").detects());
  CHECK(LanguageSet::parse("auto").is_all());
  CHECK_FALSE(LanguageSet::parse("all").detects());
  CHECK_FALSE(LanguageSet::parse("es,fr").detects());
  CHECK_FALSE(LanguageSet{}.detects());
}

TEST_CASE("the same text for the same entity in several languages is one alias of all of them") {
  GazetteerBuilder builder(LanguageSet::all());
  builder.add_text(std::string(kTwoEntities) + "name\tpt\tAAA\tBrasil\nname\tes\tAAA\tBrasil\nalias\tBBB\tBee\n",
                   "mine.tsv");
  const Gazetteer gazetteer = builder.build();
  const Alias* brasil = alias_named(gazetteer, "Brasil");
  REQUIRE(brasil != nullptr);
  CHECK(brasil->languages == (bit_of("pt") | bit_of("es")));
  const Alias* bee = alias_named(gazetteer, "Bee");
  REQUIRE(bee != nullptr);
  CHECK(bee->languages == kEveryLanguage);
}

TEST_CASE("a name in one language and an alias of the same text for the same entity: every language") {
  GazetteerBuilder builder(LanguageSet::all());
  builder.add_text(std::string(kTwoEntities) + "name\tde\tAAA\tAland\nalias\tAAA\tAland\n", "mine.tsv");
  const Gazetteer gazetteer = builder.build();
  REQUIRE(alias_named(gazetteer, "Aland") != nullptr);
  CHECK(alias_named(gazetteer, "Aland")->languages == kEveryLanguage);
}

TEST_CASE("two languages giving one text to two entities: the later file's entity and languages") {
  GazetteerBuilder builder(LanguageSet::all());
  builder.add_text(std::string(kTwoEntities) + "name\tes\tAAA\tFoo\n", "first.tsv");
  builder.add_text("name\tde\tBBB\tFoo\n", "second.tsv");
  const Gazetteer gazetteer = builder.build();
  const Alias* foo = alias_named(gazetteer, "Foo");
  REQUIRE(foo != nullptr);
  CHECK(gazetteer.entities()[foo->entity].id == "BBB");
  CHECK(foo->languages == bit_of("de"));
  // Within one file it is a conflict, as for aliases.
  GazetteerBuilder one_file(LanguageSet::all());
  CHECK_THROWS_AS(one_file.add_text(std::string(kTwoEntities) + "name\tes\tAAA\tFoo\nname\tde\tBBB\tFoo\n", "one.tsv"),
                  InputError);
}

TEST_CASE("a name record in a language comention does not know is an error naming the line") {
  GazetteerBuilder builder(LanguageSet::all());
  try {
    builder.add_text(std::string(kTwoEntities) + "name\tqq\tAAA\tFoo\n", "odd.tsv");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("odd.tsv:3") != std::string::npos);
    CHECK(std::string(error.what()).find("'qq'") != std::string::npos);
  }
}

TEST_CASE("gazetteer export round-trips the languages of every alias") {
  GazetteerBuilder builder(LanguageSet::all());
  builder.add_builtin();
  builder.add_text("name\tpt\tESP\tEspanha\nname\tes\tPRT\tLusitanica\nname\tit\tPRT\tLusitanica\n", "mine.tsv");
  const Gazetteer original = builder.build();
  std::ostringstream exported;
  write_gazetteer_tsv(original, exported);
  GazetteerBuilder again(LanguageSet::all());
  again.add_text(exported.str(), "exported.tsv");
  const Gazetteer read_back = again.build();
  REQUIRE(read_back.aliases().size() == original.aliases().size());
  for (std::size_t i = 0; i < original.aliases().size(); ++i) {
    INFO(original.aliases()[i].text);
    CHECK(read_back.aliases()[i].text == original.aliases()[i].text);
    CHECK(read_back.aliases()[i].languages == original.aliases()[i].languages);
  }
  REQUIRE(alias_named(read_back, "Lusitanica") != nullptr);
  CHECK(alias_named(read_back, "Lusitanica")->languages == (bit_of("es") | bit_of("it")));
}

TEST_CASE("the matcher: only names of active languages match, and a longer inactive one hides nothing") {
  GazetteerBuilder builder(LanguageSet::all());
  builder.add_text(std::string(kTwoEntities) + "alias\tAAA\tFoo\nname\tde\tBBB\tFoo Bar\nname\tes\tBBB\tQux\n",
                   "mine.tsv");
  const Gazetteer gazetteer = builder.build();
  const Matcher matcher(gazetteer);
  MatchScratch scratch;
  std::vector<Mention> mentions;
  const ActiveLanguages english = ActiveLanguages::of(0, kEnglish);
  const ActiveLanguages german = ActiveLanguages::of(bit_of("de"), *language_index("de"));
  // The ASCII path and the folded one (an accent elsewhere in the text) alike.
  for (const std::string_view text : {std::string_view("Foo Bar and Qux."), std::string_view("Foo Bar and Qux, café.")}) {
    INFO(text);
    matcher.find_mentions(text, scratch, mentions, english);
    REQUIRE(mentions.size() == 1);
    CHECK(gazetteer.entities()[mentions[0].entity].id == "AAA");
    CHECK(mentions[0].end == 3);
    CHECK(mentions[0].language == kEnglish);

    matcher.find_mentions(text, scratch, mentions, german);
    REQUIRE(mentions.size() == 1);
    CHECK(gazetteer.entities()[mentions[0].entity].id == "BBB");
    CHECK(mentions[0].end == 7);
    CHECK(mentions[0].language == *language_index("de"));

    // By default every loaded name is active, as before there were languages.
    matcher.find_mentions(text, scratch, mentions);
    REQUIRE(mentions.size() == 2);
    CHECK(mentions[0].end == 7);
    CHECK(mentions[0].language == *language_index("de"));  // not an English name: its own
    CHECK(language_code(mentions[1].language) == "es");
  }
}

TEST_CASE("find_mentions_again searches the text the scratch holds as find_mentions would") {
  GazetteerBuilder builder(LanguageSet::all());
  builder.add_text(std::string(kTwoEntities) + "alias\tAAA\tFoo\nname\tde\tBBB\tFoo Bar\nname\tes\tBBB\tQux\n",
                   "mine.tsv");
  const Gazetteer gazetteer = builder.build();
  const Matcher matcher(gazetteer);
  const ActiveLanguages english = ActiveLanguages::of(0, kEnglish);
  const ActiveLanguages german = ActiveLanguages::of(bit_of("de"), *language_index("de"));
  const ActiveLanguages spanish = ActiveLanguages::of(bit_of("es"), *language_index("es"));
  auto same = [](const std::vector<Mention>& a, const std::vector<Mention>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Mention& x, const Mention& y) {
      return x.entity == y.entity && x.start == y.start && x.end == y.end && x.language == y.language;
    });
  };
  // The ASCII path, the folded one, and a text that folds shorter than it is (accents dropped).
  for (const std::string_view text :
       {std::string_view("Foo Bar and Qux."), std::string_view("Foo Bar and Qux, café."),
        std::string_view("Fo\xCC\x81o Bar, Foo Bar and Qux\xCC\x81, Qux.")}) {
    INFO(text);
    for (const ActiveLanguages& first : {english, german, spanish, ActiveLanguages{}}) {
      for (const ActiveLanguages& second : {english, german, spanish, ActiveLanguages{}}) {
        MatchScratch scratch;
        std::vector<Mention> reused;
        std::vector<Mention> fresh;
        matcher.find_mentions(text, scratch, reused, first);
        matcher.find_mentions_again(text, scratch, reused, second);
        MatchScratch other;
        matcher.find_mentions(text, other, fresh, second);
        CHECK(!fresh.empty());
        CHECK(same(reused, fresh));
        // And again: the second search left the scratch as the first made it.
        matcher.find_mentions_again(text, scratch, reused, first);
        matcher.find_mentions(text, other, fresh, first);
        CHECK(same(reused, fresh));
      }
    }
  }
  // With nothing prepared, or another text's preparation, it prepares this one.
  MatchScratch scratch;
  std::vector<Mention> mentions;
  matcher.find_mentions_again("Qux", scratch, mentions, spanish);
  CHECK(mentions.size() == 1);
  matcher.find_mentions("Foo, café", scratch, mentions, spanish);
  matcher.find_mentions_again("Qux", scratch, mentions, spanish);
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].end == 3);
}

TEST_CASE("a mention's language: the document's when the name is in it, else English, else its own") {
  GazetteerBuilder builder(LanguageSet::all());
  builder.add_text(std::string(kTwoEntities) +
                       "alias\tAAA\tAland\nname\ten\tBBB\tBland\nname\tfr\tBBB\tBlande\nname\tes\tBBB\tBlanda\n",
                   "mine.tsv");
  const Gazetteer gazetteer = builder.build();
  const Matcher matcher(gazetteer);
  MatchScratch scratch;
  std::vector<Mention> mentions;
  const LanguageIndex french = *language_index("fr");
  matcher.find_mentions("Aland, Bland, Blande, Blanda", scratch, mentions,
                        ActiveLanguages::of(bit_of("fr") | bit_of("es"), french));
  REQUIRE(mentions.size() == 4);
  CHECK(mentions[0].language == french);     // a name in every language: the document's
  CHECK(mentions[1].language == kEnglish);   // an English name in a French text
  CHECK(mentions[2].language == french);
  CHECK(language_code(mentions[3].language) == "es");
}

TEST_CASE("CLD2 tells the language of one-line headlines") {
  CHECK(language_code(detect_languages("Путин провёл переговоры с президентом Франции в Кремле").primary) == "ru");
  CHECK(language_code(detect_languages("中国外交部长王毅会见法国总统马克龙").primary) == "zh");
  CHECK(language_code(detect_languages("El presidente del Gobierno viaja a Francia y Alemania").primary) == "es");
  CHECK(language_code(detect_languages("Die Bundesregierung kritisiert die Regierung in Island scharf").primary) == "de");
  CHECK(language_code(detect_languages("The prime minister flew to France on Monday for talks").primary) == "en");
  // Words in Han characters alone may be Japanese or Chinese: both come.
  CHECK((detect_languages("中国").languages & bit_of("zh")) != 0);
  CHECK(language_code(detect_languages("España y Francia critican a EE.UU. y a la ONU.").primary) == "gl");
  CHECK((detect_languages("España y Francia critican a EE.UU. y a la ONU.").languages & bit_of("es")) != 0);
  CHECK(detect_languages("").languages == 0);
  CHECK(detect_languages("12345 67890").languages == 0);
  // Where CLD2 cannot tell, only names in scripts other than Latin may match.
  const ActiveLanguages unknown = detect_languages("12345").active();
  CHECK((unknown.mask & bit_of("ru")) != 0);
  CHECK((unknown.mask & bit_of("de")) == 0);
}

TEST_CASE("looks_english: English news yes, the same news in other languages no") {
  CHECK(looks_english("The Securities and Exchange Commission said on Monday that it would review the "
                      "filings of the company, which has operations in Vietnam."));
  CHECK(looks_english("The ferry reached the Island after a long crossing from the mainland."));
  CHECK_FALSE(looks_english("Die Regierung von Island hat am Montag neue Maßnahmen gegen die Inflation beschlossen."));
  CHECK_FALSE(looks_english("De regering van de VS heeft maandag nieuwe maatregelen aangekondigd, zo meldt het ministerie."));
  CHECK_FALSE(looks_english("El Gobierno de España anunció el lunes nuevas medidas contra la inflación, según el ministerio."));
  CHECK_FALSE(looks_english("Le gouvernement a annoncé lundi de nouvelles mesures contre l'inflation, selon le ministère."));
  CHECK_FALSE(looks_english("Правительство России объявило в понедельник о новых мерах против инфляции."));
  CHECK_FALSE(looks_english("The US"));  // too few words to tell
}

TEST_CASE("detection reads a bounded prefix and survives bad UTF-8") {
  std::string long_text;
  while (long_text.size() < 10 * kDetectionPrefix) long_text += "Le gouvernement français a annoncé de nouvelles mesures. ";
  CHECK(language_code(detect_languages(long_text).primary) == "fr");
  CHECK(language_code(detect_languages("Le gouvernement français a annoncé de nouvelles mesures lundi. \xFF\xFE").primary) == "fr");
}

TEST_CASE("the Iceland trap: German Island is Iceland in a German text and nothing in an English one") {
  CHECK(ids_detected("The ferry reached the Island after a long crossing from the mainland on Sunday.").empty());
  CHECK(ids_detected("Die Regierung von Island hat am Montag neue Maßnahmen gegen die Inflation beschlossen.") ==
        Ids{"ISL"});
  // With no detection (every loaded language active) the German name fires anywhere.
  CHECK(ids_detected("The ferry reached the Island after a long crossing.", LanguageDetection::off) == Ids{"ISL"});
}

TEST_CASE("English names fire in every document; Spanish names only in Spanish ones") {
  CHECK(ids_detected("El presidente de España se reunió con el primer ministro de Francia en Madrid.") ==
        Ids{"ESP", "FRA"});
  CHECK(ids_detected("Le président a rencontré des responsables de China et de Russia à Paris.") ==
        Ids{"CHN", "RUS"});
}

TEST_CASE("the analyzer says which languages it detected, and only when it had to") {
  static const Matcher matcher(builtin_auto());
  DocumentAnalyzer analyzer(matcher, false, LanguageDetection::when_needed);
  const AnalyzedDocument& english = analyzer.analyze("China and France signed a treaty on Monday.");
  CHECK_FALSE(english.detected);
  CHECK(english.mentions.size() == 2);
  const AnalyzedDocument& spanish = analyzer.analyze("España y Francia firmaron un tratado el lunes en Madrid.");
  CHECK(spanish.detected);
  CHECK(language_code(spanish.languages.primary) == "es");
  REQUIRE(spanish.mentions.size() == 2);
  CHECK(language_code(spanish.mentions[0].language) == "es");

  DocumentAnalyzer always(matcher, false, LanguageDetection::always);
  const AnalyzedDocument& identified = always.analyze("China and France signed a treaty on Monday in Paris.");
  CHECK(identified.detected);
  CHECK(language_code(identified.languages.primary) == "en");
}

TEST_CASE("the multilingual sentences of tests/data/languages give their entities with detection") {
  std::ifstream in(std::string(COMENTION_TEST_DATA_DIR) + "/languages/sentences.tsv");
  REQUIRE(in);
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto first = line.find('\t');
    const auto second = line.find('\t', first + 1);
    REQUIRE(second != std::string::npos);
    const std::string expected_field = line.substr(first + 1, second - first - 1);
    const std::string text = line.substr(second + 1);
    Ids expected;
    if (expected_field != "gap") {
      std::istringstream words(expected_field);
      for (std::string id; words >> id;) expected.push_back(id);
    }
    INFO(line);
    CHECK(ids_detected(text) == expected);
    ++checked;
  }
  CHECK(checked >= 40);
}

}  // TEST_SUITE

namespace {

// The built-in gazetteer; with an (empty) text of a user's besides, which makes it no longer
// the built-in one: its matchers are then built, not read from the program.
Gazetteer builtin_with(const LanguageSet& languages, bool user_text) {
  GazetteerBuilder builder(languages);
  builder.add_builtin();
  if (user_text) builder.add_text("", "empty.tsv");
  return builder.build();
}

Ids analyzed_ids(DocumentAnalyzer& analyzer, const Gazetteer& gazetteer, std::string_view text) {
  Ids found;
  for (const Mention& mention : analyzer.analyze(text).mentions) found.push_back(gazetteer.entities()[mention.entity].id);
  return found;
}

}  // namespace

TEST_CASE("auto with English names at start: every language's are built once, and only for a text not English") {
  const Gazetteer english = builtin_with(LanguageSet{}, true);
  REQUIRE_FALSE(english.is_builtin_only());
  const Matcher english_matcher(english);
  int builds = 0;
  const AllLanguagesMatcher all([&builds] {
    ++builds;
    return builtin_with(LanguageSet::automatic(), true);
  }, english, {});
  DocumentAnalyzer analyzer(english_matcher, false, LanguageDetection::when_needed, &all);
  auto ids = [&](std::string_view text) { return analyzed_ids(analyzer, english, text); };
  // English news: the English names settle it, nothing else is built; German "Island" is no name.
  CHECK(ids("The ferry reached the Island after a long crossing from France, officials of the port said.") ==
        Ids{"FRA"});
  CHECK(builds == 0);
  // Another language: every language's names, built once, give the same as one matcher of all.
  CHECK(ids("Die Regierung von Island hat am Montag neue Maßnahmen gegen die Inflation beschlossen.") == Ids{"ISL"});
  CHECK(ids("España y Francia firmaron el martes un acuerdo comercial en Madrid.") == Ids{"ESP", "FRA"});
  CHECK(builds == 1);
  CHECK(ids("Die Resolution der Vereinten Nationen scheiterte.") ==
        ids_detected("Die Resolution der Vereinten Nationen scheiterte."));
  CHECK(builds == 1);
}

TEST_CASE("auto with the built-in gazetteer: every language's matcher is the compiled one, never built") {
  const Gazetteer english = builtin_with(LanguageSet{}, false);
  REQUIRE(english.is_builtin_only());
  const Matcher english_matcher = Matcher::of(english);
  int builds = 0;
  const AllLanguagesMatcher all([&builds] {
    ++builds;
    return builtin_with(LanguageSet::automatic(), false);
  }, english, {});
  DocumentAnalyzer analyzer(english_matcher, false, LanguageDetection::when_needed, &all);
  auto ids = [&](std::string_view text) { return analyzed_ids(analyzer, english, text); };
  CHECK(ids("Die Regierung von Island hat am Montag neue Maßnahmen gegen die Inflation beschlossen.") == Ids{"ISL"});
  CHECK(ids("España y Francia firmaron el martes un acuerdo comercial en Madrid.") == Ids{"ESP", "FRA"});
  CHECK(ids("中美两国领导人在北京会晤。") == Ids{"CHN", "USA"});
  CHECK(builds == 0);
}
