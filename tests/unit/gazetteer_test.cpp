// Unit tests for gazetteer.hpp: the TSV records of FORMAT.md, overrides between sources, and the
// errors that name SOURCE:LINE.
#include "comention/gazetteer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comention/error.hpp"
#include "test_support.hpp"

namespace {

using comention::Alias;
using comention::CaseRule;
using comention::Category;
using comention::Gazetteer;
using comention::GazetteerBuilder;
using comention::InputError;

Gazetteer build_from(std::string_view content, const std::string& source = "test.tsv") {
  GazetteerBuilder builder;
  builder.add_text(content, source);
  return builder.build();
}

// The alias with this exact text, if any.
const Alias* find_alias(const Gazetteer& gazetteer, std::string_view text) {
  const auto& aliases = gazetteer.aliases();
  const auto it = std::find_if(aliases.begin(), aliases.end(),
                               [&](const Alias& alias) { return alias.text == text; });
  return it == aliases.end() ? nullptr : &*it;
}

// The InputError that add_text throws for content, or nullopt if it accepts it.
std::optional<InputError> add_text_error(GazetteerBuilder& builder, std::string_view content,
                                         const std::string& source) {
  try {
    builder.add_text(content, source);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

std::optional<InputError> add_text_error(std::string_view content, const std::string& source) {
  GazetteerBuilder builder;
  return add_text_error(builder, content, source);
}

using comention::testing::contains;

constexpr std::string_view kSmall =
    "# a comment line\n"
    "\n"
    "entity\tCHN\tcountry\tChina\tiso2=CN\tregion=Asia\n"
    "alias\tCHN\tChina\n"
    "alias\tCHN\tChinese\n"
    "entity\tWHO\torganization\tWHO\tname=World Health Organization\n"
    "alias\tWHO\tWHO\texact\n"
    "alias\tWHO\tWorld Health Organization\n"
    "stop\tChina Sea\n";

}  // namespace

TEST_SUITE("gazetteer") {

TEST_CASE("entity records declare entities with category, label and attributes") {
  const Gazetteer gazetteer = build_from(kSmall);
  REQUIRE(gazetteer.entities().size() == 2);
  const auto china = gazetteer.find("CHN");
  REQUIRE(china.has_value());
  const comention::Entity& entity = gazetteer.entities()[*china];
  CHECK(entity.id == "CHN");
  CHECK(entity.category == Category::country);
  CHECK(entity.label == "China");
  CHECK(entity.attribute("iso2") == "CN");
  CHECK(entity.attribute("region") == "Asia");
  CHECK(entity.attribute("lat").empty());

  const auto who = gazetteer.find("WHO");
  REQUIRE(who.has_value());
  CHECK(gazetteer.entities()[*who].category == Category::organization);
  CHECK(gazetteer.entities()[*who].attribute("name") == "World Health Organization");
}

TEST_CASE("alias records name an entity and stop records name nothing") {
  const Gazetteer gazetteer = build_from(kSmall);
  const auto china = gazetteer.find("CHN");
  const auto who = gazetteer.find("WHO");
  REQUIRE(china.has_value());
  REQUIRE(who.has_value());
  CHECK(gazetteer.aliases().size() == 5);

  const Alias* chinese = find_alias(gazetteer, "Chinese");
  REQUIRE(chinese != nullptr);
  CHECK(chinese->entity == *china);

  const Alias* acronym = find_alias(gazetteer, "WHO");
  REQUIRE(acronym != nullptr);
  CHECK(acronym->entity == *who);
  CHECK(acronym->rule == CaseRule::exact);

  const Alias* stop = find_alias(gazetteer, "China Sea");
  REQUIRE(stop != nullptr);
  CHECK(stop->entity == Alias::kStop);
}

TEST_CASE("alias rule defaults to name and stop rule defaults to any") {
  const Gazetteer gazetteer = build_from(
      "entity\tIND\tcountry\tIndia\n"
      "alias\tIND\tIndia\n"
      "alias\tIND\tBharat\tany\n"
      "stop\tIndian Ocean\n"
      "stop\tWest Indies\tname\n");
  CHECK(find_alias(gazetteer, "India")->rule == CaseRule::name);
  CHECK(find_alias(gazetteer, "Bharat")->rule == CaseRule::any);
  CHECK(find_alias(gazetteer, "Indian Ocean")->rule == CaseRule::any);
  CHECK(find_alias(gazetteer, "West Indies")->rule == CaseRule::name);
}

TEST_CASE("Gazetteer::find returns the index of an id, or nothing") {
  const Gazetteer gazetteer = build_from(kSmall);
  for (const std::string_view id : {"CHN", "WHO"}) {
    const auto index = gazetteer.find(id);
    REQUIRE(index.has_value());
    CHECK(gazetteer.entities()[*index].id == id);
  }
  CHECK_FALSE(gazetteer.find("USA").has_value());
  CHECK_FALSE(gazetteer.find("").has_value());
  CHECK_FALSE(gazetteer.find("chn").has_value());
  CHECK_FALSE(gazetteer.find("ZZZ").has_value());
}

TEST_CASE("entities are sorted by id whatever the order of the records") {
  const Gazetteer gazetteer = build_from(
      "entity\tZAF\tcountry\tSouth Africa\n"
      "entity\tBRA\tcountry\tBrazil\n"
      "entity\tNATO\torganization\tNATO\n"
      "entity\tAUS\tcountry\tAustralia\n"
      "entity\tIND\tcountry\tIndia\n");
  const auto& entities = gazetteer.entities();
  REQUIRE(entities.size() == 5);
  CHECK(entities[0].id == "AUS");
  CHECK(entities[1].id == "BRA");
  CHECK(entities[2].id == "IND");
  CHECK(entities[3].id == "NATO");
  CHECK(entities[4].id == "ZAF");
}

TEST_CASE("a later source overrides the label and replaces only the attributes it gives") {
  GazetteerBuilder builder;
  builder.add_text("entity\tCHN\tcountry\tChina\tiso2=CN\tregion=Asia\nalias\tCHN\tChina\n", "first.tsv");
  builder.add_text("entity\tCHN\tcountry\tPR China\tregion=East Asia\tlat=35\n", "second.tsv");
  const Gazetteer gazetteer = builder.build();
  REQUIRE(gazetteer.entities().size() == 1);
  const comention::Entity& china = gazetteer.entities()[0];
  CHECK(china.label == "PR China");
  CHECK(china.attribute("iso2") == "CN");
  CHECK(china.attribute("region") == "East Asia");
  CHECK(china.attribute("lat") == "35");
  const Alias* alias = find_alias(gazetteer, "China");
  REQUIRE(alias != nullptr);
  CHECK(alias->entity == 0);
}

TEST_CASE("a later source may give an alias to another entity") {
  GazetteerBuilder builder;
  builder.add_text(
      "entity\tDMA\tcountry\tDominica\n"
      "entity\tDOM\tcountry\tDominican Republic\n"
      "alias\tDMA\tDominican\n",
      "first.tsv");
  builder.add_text("alias\tDOM\tDominican\n", "second.tsv");
  const Gazetteer gazetteer = builder.build();
  const Alias* alias = find_alias(gazetteer, "Dominican");
  REQUIRE(alias != nullptr);
  CHECK(alias->entity == gazetteer.find("DOM"));
}

TEST_CASE("a duplicate entity id in one source is an error naming SOURCE:LINE") {
  const auto error = add_text_error(
      "# countries\n"
      "entity\tCHN\tcountry\tChina\n"
      "alias\tCHN\tChina\n"
      "entity\tCHN\tcountry\tChina again\n",
      "dup.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "dup.tsv:4"));
  CHECK(contains(error->what(), "CHN"));
  CHECK(error->file() == "dup.tsv");
  CHECK(error->line() == 4);
}

TEST_CASE("the same entity id in two sources is an override, not an error") {
  GazetteerBuilder builder;
  builder.add_text("entity\tCHN\tcountry\tChina\n", "a.tsv");
  CHECK_FALSE(add_text_error(builder, "entity\tCHN\tcountry\tChina\n", "b.tsv").has_value());
}

TEST_CASE("an alias for an unknown id is an error") {
  const auto error = add_text_error("entity\tCHN\tcountry\tChina\nalias\tCHM\tChina\n", "typo.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "typo.tsv:2"));
  CHECK(contains(error->what(), "CHM"));
}

TEST_CASE("an alias claimed by two entities in the same source is an error") {
  const auto error = add_text_error(
      "entity\tCOD\tcountry\tDR Congo\n"
      "entity\tCOG\tcountry\tCongo\n"
      "alias\tCOD\tCongolese\n"
      "alias\tCOG\tCongolese\n",
      "clash.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "clash.tsv:4"));
  CHECK(contains(error->what(), "Congolese"));
}

TEST_CASE("two aliases that fold to the same text clash like identical ones") {
  const auto error = add_text_error(
      "entity\tCIV\tcountry\tIvory Coast\n"
      "entity\tXXX\tcountry\tElsewhere\n"
      "alias\tCIV\tC\xC3\xB4te d'Ivoire\n"
      "alias\tXXX\tCote d\xE2\x80\x99Ivoire\n",
      "fold.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "fold.tsv:4"));
}

TEST_CASE("an alias and a stop phrase with the same text in one source clash") {
  const auto error = add_text_error(
      "entity\tIND\tcountry\tIndia\n"
      "alias\tIND\tIndian Ocean\n"
      "stop\tIndian Ocean\n",
      "stop.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "stop.tsv:3"));
}

TEST_CASE("repeating an alias for the same entity in one source is accepted") {
  GazetteerBuilder builder;
  CHECK_FALSE(add_text_error(builder,
                             "entity\tCHN\tcountry\tChina\n"
                             "alias\tCHN\tChina\n"
                             "alias\tCHN\tChina\n",
                             "repeat.tsv")
                  .has_value());
  CHECK(builder.build().aliases().size() == 1);
}

TEST_CASE("an empty alias text is an error") {
  const std::string entity = "entity\tCHN\tcountry\tChina\n";
  for (const std::string& record : {std::string("alias\tCHN\t\n"), std::string("alias\tCHN\t  \n"),
                                    std::string("alias\tCHN\t...\n"), std::string("stop\t\n")}) {
    CAPTURE(record);
    const auto error = add_text_error(entity + record, "empty.tsv");
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), "empty.tsv:2"));
  }
}

TEST_CASE("an alias record with too few or too many fields is an error") {
  for (const std::string& record : {std::string("alias\tCHN\n"), std::string("alias\tCHN\tChina\tname\textra\n"),
                                    std::string("stop\n")}) {
    CAPTURE(record);
    const auto error = add_text_error("entity\tCHN\tcountry\tChina\n" + record, "fields.tsv");
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), "fields.tsv:2"));
  }
}

TEST_CASE("an unknown case rule is an error") {
  const auto error = add_text_error("entity\tCHN\tcountry\tChina\nalias\tCHN\tChina\tloud\n", "rule.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "rule.tsv:2"));
  CHECK(contains(error->what(), "loud"));

  const auto stop_error = add_text_error("stop\tIndian Ocean\tExact\n", "rule.tsv");
  REQUIRE(stop_error.has_value());
  CHECK(contains(stop_error->what(), "rule.tsv:1"));
}

TEST_CASE("an unknown record kind is an error") {
  const auto error = add_text_error("\n# header\nplace\tCHN\tBeijing\n", "kind.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "kind.tsv:3"));
  CHECK(contains(error->what(), "place"));
}

TEST_CASE("an unknown category is an error") {
  const auto error = add_text_error("entity\tMARS\tplanet\tMars\n", "category.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "category.tsv:1"));
  CHECK(contains(error->what(), "planet"));
}

TEST_CASE("malformed entity records are errors") {
  for (const std::string& record :
       {std::string("entity\tCHN\tcountry\n"),                   // no label
        std::string("entity\tCHN\tcountry\t\n"),                 // empty label
        std::string("entity\tC H N\tcountry\tChina\n"),          // bad id
        std::string("entity\tCHN\tcountry\tChina\tiso2\n")}) {   // not key=value
    CAPTURE(record);
    const auto error = add_text_error(record, "entity.tsv");
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), "entity.tsv:1"));
  }
}

TEST_CASE("invalid UTF-8 in a gazetteer is an error naming the line") {
  const auto error = add_text_error("entity\tCHN\tcountry\tChina\nalias\tCHN\tCh\xFFna\n", "bytes.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "bytes.tsv:2"));
}

TEST_CASE("comments, blank lines and CRLF line ends are accepted") {
  const Gazetteer gazetteer = build_from(
      "# comment\r\n"
      "   # indented comment\r\n"
      "\r\n"
      "entity\tCHN\tcountry\tChina\r\n"
      "alias\tCHN\tChina\tname\r\n");
  REQUIRE(gazetteer.entities().size() == 1);
  CHECK(gazetteer.entities()[0].label == "China");
  const Alias* alias = find_alias(gazetteer, "China");
  REQUIRE(alias != nullptr);
  CHECK(alias->rule == CaseRule::name);
}

TEST_CASE("drop of a whole entity removes it and all its aliases") {
  GazetteerBuilder builder;
  builder.add_text(kSmall, "base.tsv");
  builder.add_text("drop\tWHO\n", "local.tsv");
  const Gazetteer gazetteer = builder.build();
  CHECK_FALSE(gazetteer.find("WHO").has_value());
  CHECK(gazetteer.entities().size() == 1);
  CHECK(find_alias(gazetteer, "WHO") == nullptr);
  CHECK(find_alias(gazetteer, "World Health Organization") == nullptr);
  // Everything else survives, with indices into the smaller entity list.
  const Alias* china = find_alias(gazetteer, "China");
  REQUIRE(china != nullptr);
  CHECK(china->entity == gazetteer.find("CHN"));
  CHECK(find_alias(gazetteer, "China Sea") != nullptr);
  CHECK(gazetteer.aliases().size() == 3);
}

TEST_CASE("drop of one alias keeps the entity and its other aliases") {
  GazetteerBuilder builder;
  builder.add_text(kSmall, "base.tsv");
  builder.add_text("drop\tCHN\tChinese\n", "local.tsv");
  const Gazetteer gazetteer = builder.build();
  CHECK(gazetteer.find("CHN").has_value());
  CHECK(find_alias(gazetteer, "Chinese") == nullptr);
  CHECK(find_alias(gazetteer, "China") != nullptr);
  CHECK(gazetteer.aliases().size() == 4);
}

TEST_CASE("drop matches the alias by its folded text") {
  GazetteerBuilder builder;
  builder.add_text("entity\tCIV\tcountry\tIvory Coast\nalias\tCIV\tC\xC3\xB4te d'Ivoire\n", "base.tsv");
  builder.add_text("drop\tCIV\tcote d\xE2\x80\x99ivoire\n", "local.tsv");
  CHECK(builder.build().aliases().empty());
}

TEST_CASE("drop of an unknown id or of an alias the entity does not have is an error") {
  GazetteerBuilder builder;
  builder.add_text(kSmall, "base.tsv");
  const auto unknown = add_text_error(builder, "drop\tUSA\n", "local.tsv");
  REQUIRE(unknown.has_value());
  CHECK(contains(unknown->what(), "local.tsv:1"));

  const auto not_its_alias = add_text_error(builder, "\ndrop\tWHO\tChina\n", "local.tsv");
  REQUIRE(not_its_alias.has_value());
  CHECK(contains(not_its_alias->what(), "local.tsv:2"));
}

TEST_CASE("to_string and parse_case_rule round-trip") {
  for (const CaseRule rule : {CaseRule::name, CaseRule::exact, CaseRule::any}) {
    CHECK(comention::parse_case_rule(comention::to_string(rule)) == rule);
  }
  CHECK(comention::to_string(CaseRule::exact) == "exact");
  CHECK_FALSE(comention::parse_case_rule("Exact").has_value());
  CHECK_FALSE(comention::parse_case_rule("").has_value());
  CHECK(comention::to_string(Category::country) == "country");
  CHECK(comention::to_string(Category::organization) == "organization");
}

TEST_CASE("add_file reads a file and a missing file is an InputError naming it") {
  GazetteerBuilder builder;
  const std::string missing = "/nonexistent-comention-dir/places.tsv";
  try {
    builder.add_file(missing);
    FAIL("add_file accepted a missing file");
  } catch (const InputError& error) {
    CHECK(error.file() == missing);
    CHECK(contains(error.what(), missing));
  }
}

}  // TEST_SUITE

TEST_SUITE("gazetteer: capitals, contexts, problems, export") {

constexpr std::string_view kWithCapitals =
    "entity\tCHN\tcountry\tChina\n"
    "alias\tCHN\tChina\n"
    "capital\tCHN\tBeijing\n"
    "entity\tSGP\tcountry\tSingapore\n"
    "alias\tSGP\tSingapore\n"
    "capital\tSGP\tSingapore\n"
    "context\tChina\tnot-before\tsea,*,!Daily\n"
    "context\tChina\tnot-after\tfine\n";

TEST_CASE("capital records become capital aliases, and a name with the same text wins") {
  const Gazetteer gazetteer = build_from(kWithCapitals);
  const Alias* beijing = find_alias(gazetteer, "Beijing");
  REQUIRE(beijing != nullptr);
  CHECK(beijing->kind == comention::AliasKind::capital);
  CHECK(gazetteer.entities()[beijing->entity].id == "CHN");
  const auto singapore = std::count_if(gazetteer.aliases().begin(), gazetteer.aliases().end(),
                                       [](const Alias& a) { return a.text == "Singapore"; });
  CHECK(singapore == 1);
  CHECK(find_alias(gazetteer, "Singapore")->kind == comention::AliasKind::name);
}

TEST_CASE("context records keep their side, words and exceptions") {
  const Gazetteer gazetteer = build_from(kWithCapitals);
  REQUIRE(gazetteer.contexts().size() == 2);
  const comention::ContextRule& before = gazetteer.contexts()[0];
  CHECK(before.text == "China");
  CHECK(before.side == comention::ContextSide::not_before);
  CHECK(before.words == std::vector<std::string>{"sea", "*"});
  CHECK(before.exceptions == std::vector<std::string>{"Daily"});
  CHECK(gazetteer.contexts()[1].side == comention::ContextSide::not_after);
}

TEST_CASE("a context for a text that is no alias, or with a bad side or word list, is an error") {
  const std::string base = "entity\tCHN\tcountry\tChina\nalias\tCHN\tChina\n";
  const auto no_alias = add_text_error(base + "context\tChinatown\tnot-before\tx\n", "c.tsv");
  REQUIRE(no_alias);
  CHECK(contains(no_alias->what(), "c.tsv:3:"));
  CHECK(contains(no_alias->what(), "no alias"));
  const auto bad_side = add_text_error(base + "context\tChina\tnear\tx\n", "c.tsv");
  REQUIRE(bad_side);
  CHECK(contains(bad_side->what(), "not-before or not-after"));
  const auto empty_word = add_text_error(base + "context\tChina\tnot-before\tx,,y\n", "c.tsv");
  REQUIRE(empty_word);
  CHECK(contains(empty_word->what(), "empty word"));
  const auto only_exceptions = add_text_error(base + "context\tChina\tnot-before\t!x\n", "c.tsv");
  REQUIRE(only_exceptions);
  CHECK(contains(only_exceptions->what(), "at least one word"));
}

TEST_CASE("drop removes a capital as it removes an alias") {
  GazetteerBuilder builder;
  builder.add_text(kWithCapitals, "base.tsv");
  builder.add_text("drop\tCHN\tBeijing\n", "local.tsv");
  const Gazetteer gazetteer = builder.build();
  CHECK(find_alias(gazetteer, "Beijing") == nullptr);
  CHECK(find_alias(gazetteer, "China") != nullptr);
}

TEST_CASE("with a problem list, every bad line is reported and the good ones are kept") {
  GazetteerBuilder builder;
  std::vector<InputError> problems;
  builder.add_text(
      "entity\tA\tcountry\tA\n"
      "alias\tZZZ\tFoo\n"         // unknown id
      "alias\tA\tAy\tloud\n"      // bad rule
      "alias\tA\tAlpha\n"         // fine
      "entity\tA\tcountry\tA\n"   // duplicate id
      "alias\tA\t \n",            // empty alias
      "p.tsv", &problems);
  REQUIRE(problems.size() == 4);
  CHECK(contains(problems[0].what(), "p.tsv:2:"));
  CHECK(contains(problems[1].what(), "p.tsv:3:"));
  CHECK(contains(problems[2].what(), "p.tsv:5:"));
  CHECK(contains(problems[3].what(), "p.tsv:6:"));
  CHECK(find_alias(builder.build(), "Alpha") != nullptr);
}

TEST_CASE("write_gazetteer_tsv writes what reads back as the same gazetteer") {
  const Gazetteer original = build_from(std::string(kWithCapitals) + "stop\tChina Sea\n" +
                                         "entity\tWHO\torganization\tWHO\tname=World Health Organization\n" +
                                         "alias\tWHO\tWHO\texact\n");
  std::ostringstream written;
  comention::write_gazetteer_tsv(original, written);
  const Gazetteer copy = build_from(written.str(), "export.tsv");

  REQUIRE(copy.entities().size() == original.entities().size());
  for (std::size_t i = 0; i < copy.entities().size(); ++i) {
    CHECK(copy.entities()[i].id == original.entities()[i].id);
    CHECK(copy.entities()[i].label == original.entities()[i].label);
    CHECK(copy.entities()[i].attributes == original.entities()[i].attributes);
  }
  REQUIRE(copy.aliases().size() == original.aliases().size());
  for (std::size_t i = 0; i < copy.aliases().size(); ++i) {
    CHECK(copy.aliases()[i].text == original.aliases()[i].text);
    CHECK(copy.aliases()[i].entity == original.aliases()[i].entity);
    CHECK(copy.aliases()[i].rule == original.aliases()[i].rule);
    CHECK(copy.aliases()[i].kind == original.aliases()[i].kind);
  }
  REQUIRE(copy.contexts().size() == original.contexts().size());
  CHECK(copy.contexts()[0].words == original.contexts()[0].words);
  CHECK(copy.contexts()[0].exceptions == original.contexts()[0].exceptions);
}

TEST_CASE("the built-in gazetteer exports and reads back whole") {
  const Gazetteer builtin = Gazetteer::builtin();
  std::ostringstream written;
  comention::write_gazetteer_tsv(builtin, written);
  const Gazetteer copy = build_from(written.str(), "export.tsv");
  CHECK(copy.entities().size() == builtin.entities().size());
  CHECK(copy.aliases().size() == builtin.aliases().size());
  CHECK(copy.contexts().size() == builtin.contexts().size());
}

}

TEST_SUITE("gazetteer: files") {

TEST_CASE("a byte order mark at the start of a file is ignored") {
  const Gazetteer gazetteer = build_from("\xEF\xBB\xBF" "entity\tA\tcountry\tA\nalias\tA\tAlpha\n");
  CHECK(find_alias(gazetteer, "Alpha") != nullptr);
}

TEST_CASE("the same file read twice is an override, not a conflict") {
  GazetteerBuilder builder;
  const std::string content = "entity\tA\tcountry\tA\nalias\tA\tAlpha\n";
  builder.add_text(content, "same.tsv");
  CHECK_NOTHROW(builder.add_text(content, "same.tsv"));
}

TEST_CASE("texts that could never match are errors") {
  const std::string base = "entity\tA\tcountry\tA\nalias\tA\tAlpha\nstop\tAlpha Beta\n";
  const auto hashtag = add_text_error(base + "alias\tA\t#Alpha\n", "t.tsv");
  REQUIRE(hashtag);
  CHECK(contains(hashtag->what(), "t.tsv:4:"));
  CHECK(contains(hashtag->what(), "never match"));
  const auto on_stop = add_text_error(base + "context\tAlpha Beta\tnot-before\tx\n", "t.tsv");
  REQUIRE(on_stop);
  CHECK(contains(on_stop->what(), "stop phrase"));
  const auto two_words = add_text_error(base + "context\tAlpha\tnot-before\tx y\n", "t.tsv");
  REQUIRE(two_words);
  CHECK(contains(two_words->what(), "not one word"));
}

TEST_CASE("name records carry their language and load only when it is selected") {
  constexpr std::string_view kNames =
      "entity\tESP\tcountry\tSpain\n"
      "alias\tESP\tSpain\n"
      "name\tes\tESP\tEspaña\n"
      "name\tde\tESP\tSpanien\n"
      "name\tru\tESP\tИспания\tany\n";
  GazetteerBuilder english;
  english.add_text(kNames, "names.tsv");
  const Gazetteer only_english = english.build();
  CHECK(only_english.aliases().size() == 1);
  CHECK(find_alias(only_english, "España") == nullptr);
  // Every language read is known, loaded or not: --languages asks which there are.
  CHECK(std::vector<std::string>(english.languages_seen().begin(), english.languages_seen().end()) ==
        std::vector<std::string>{"de", "es", "ru"});

  GazetteerBuilder spanish(comention::LanguageSet::parse("es,ru"));
  spanish.add_text(kNames, "names.tsv");
  const Gazetteer gazetteer = spanish.build();
  CHECK(gazetteer.languages().codes() == std::vector<std::string>{"en", "es", "ru"});
  const Alias* espana = find_alias(gazetteer, "España");
  REQUIRE(espana != nullptr);
  CHECK(espana->languages == comention::language_bit(*comention::language_index("es")));
  CHECK(espana->rule == CaseRule::name);
  CHECK(espana->entity == gazetteer.find("ESP"));
  CHECK(find_alias(gazetteer, "Spanien") == nullptr);
  const Alias* ispania = find_alias(gazetteer, "Испания");
  REQUIRE(ispania != nullptr);
  CHECK(ispania->rule == CaseRule::any);
  CHECK(find_alias(gazetteer, "Spain")->languages == comention::kEveryLanguage);
  // lookup knows the names loaded, as --focus and explain need.
  CHECK(gazetteer.lookup("espana") == gazetteer.find("ESP"));
}

TEST_CASE("malformed name records are errors naming SOURCE:LINE") {
  const std::string entity = "entity\tESP\tcountry\tSpain\n";
  for (const std::string& record :
       {std::string("name\tes\tESP\n"), std::string("name\tes\tESP\tEspaña\tname\textra\n"),
        std::string("name\tES\tESP\tEspaña\n"), std::string("name\tspanish\tESP\tEspaña\n"),
        std::string("name\tes\tESQ\tEspaña\n"), std::string("name\tes\tESP\t\n"),
        std::string("name\tes\tESP\tEspaña\tloud\n")}) {
    CAPTURE(record);
    GazetteerBuilder builder(comention::LanguageSet::all());
    const auto error = add_text_error(builder, entity + record, "names.tsv");
    REQUIRE(error.has_value());
    CHECK(contains(error->what(), "names.tsv:2"));
  }
  // A bad language code is an error even when no language is selected.
  const auto error = add_text_error("name\tSpanish\tESP\tEspaña\n", "names.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "names.tsv:1"));
  CHECK(contains(error->what(), "language code"));
}

TEST_CASE("a name two entities claim in one source is an error, across languages too") {
  GazetteerBuilder builder(comention::LanguageSet::all());
  const auto error = add_text_error(builder,
                                    "entity\tISL\tcountry\tIceland\n"
                                    "entity\tIRL\tcountry\tIreland\n"
                                    "name\tde\tISL\tIsland\n"
                                    "name\tsv\tIRL\tIsland\n",
                                    "clash.tsv");
  REQUIRE(error.has_value());
  CHECK(contains(error->what(), "clash.tsv:4"));
  CHECK(contains(error->what(), "ISL"));
}

TEST_CASE("names override aliases of earlier sources, and drop removes a name like an alias") {
  GazetteerBuilder builder(comention::LanguageSet::parse("de"));
  builder.add_text(
      "entity\tISL\tcountry\tIceland\n"
      "entity\tXIS\tcountry\tAn Island\n"
      "alias\tXIS\tIsland\n",
      "first.tsv");
  builder.add_text("name\tde\tISL\tIsland\nname\tde\tISL\tIsland von Eis\n", "names.tsv");
  builder.add_text("drop\tISL\tIsland von Eis\n", "fixes.tsv");
  const Gazetteer gazetteer = builder.build();
  const Alias* island = find_alias(gazetteer, "Island");
  REQUIRE(island != nullptr);
  CHECK(island->entity == gazetteer.find("ISL"));
  CHECK(island->languages == comention::language_bit(*comention::language_index("de")));
  CHECK(find_alias(gazetteer, "Island von Eis") == nullptr);
}

TEST_CASE("a drop of a name whose language is not loaded is no error, and a drop of nothing still is") {
  GazetteerBuilder builder;
  builder.add_text("entity\tESP\tcountry\tSpain\nname\tes\tESP\tEspaña\n", "names.tsv");
  CHECK_FALSE(add_text_error(builder, "drop\tESP\tEspaña\n", "fixes.tsv").has_value());
  CHECK_FALSE(add_text_error(builder, "drop\tESP\tESPAÑA\n", "fixes.tsv").has_value());  // compared folded
  // Regression: skipped names once switched the check off for every drop, misspelt ones too.
  CHECK(add_text_error(builder, "drop\tESP\tEspañaa\n", "fixes.tsv").has_value());
  CHECK(add_text_error(builder, "drop\tFRA\tEspaña\n", "fixes.tsv").has_value());
  // The same with the built-in names of languages not loaded (English alone by default).
  GazetteerBuilder builtin;
  builtin.add_builtin();
  CHECK_FALSE(add_text_error(builtin, "drop\tDEU\tDeutschland\n", "fixes.tsv").has_value());
  CHECK(add_text_error(builtin, "drop\tCHN\tChinaaa\n", "fixes.tsv").has_value());
  // With every language loaded, nothing was skipped: a drop of a text not there is an error.
  GazetteerBuilder all(comention::LanguageSet::all());
  all.add_text("entity\tESP\tcountry\tSpain\nname\tes\tESP\tEspaña\n", "names.tsv");
  CHECK(add_text_error(all, "drop\tESP\tEspagne\n", "fixes.tsv").has_value());
}

TEST_CASE("write_gazetteer_tsv writes names as name records that read back") {
  GazetteerBuilder builder(comention::LanguageSet::parse("es"));
  builder.add_text("entity\tESP\tcountry\tSpain\nalias\tESP\tSpain\nname\tes\tESP\tEspaña\n", "names.tsv");
  std::ostringstream out;
  comention::write_gazetteer_tsv(builder.build(), out);
  CHECK(contains(out.str(), "name\tes\tESP\tEspa\xC3\xB1" "a\tname\n"));
  GazetteerBuilder again(comention::LanguageSet::parse("es"));
  again.add_text(out.str(), "export.tsv");
  const Gazetteer read_back = again.build();
  const Alias* espana = find_alias(read_back, "España");
  REQUIRE(espana != nullptr);
  CHECK(espana->languages == comention::language_bit(*comention::language_index("es")));
}

TEST_CASE("a directory is no gazetteer file") {
  GazetteerBuilder builder;
  const auto folder = std::filesystem::temp_directory_path().string();
  try {
    builder.add_file(folder);
    FAIL("a directory was read as a gazetteer");
  } catch (const InputError& error) {
    CHECK(contains(error.what(), "not a regular file"));
  }
}

}
