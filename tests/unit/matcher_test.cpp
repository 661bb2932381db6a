// Unit tests for matcher.hpp. The core behaviour runs on a small inline gazetteer, so that it does
// not depend on the data files; a few tests at the end use Gazetteer::builtin() for real names.
#include "comention/matcher.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "comention/gazetteer.hpp"

namespace {

using comention::Gazetteer;
using comention::GazetteerBuilder;
using comention::MatchOptions;
using comention::Matcher;
using comention::MatchScratch;
using comention::Mention;

constexpr std::string_view kGazetteer =
    "entity\tNER\tcountry\tNiger\n"
    "alias\tNER\tNiger\n"
    "entity\tNGA\tcountry\tNigeria\n"
    "alias\tNGA\tNigeria\n"
    "entity\tOMN\tcountry\tOman\n"
    "alias\tOMN\tOman\n"
    "entity\tROU\tcountry\tRomania\n"
    "alias\tROU\tRomania\n"
    "entity\tIND\tcountry\tIndia\n"
    "alias\tIND\tIndia\n"
    "alias\tIND\tIndian\n"
    "stop\tIndian Ocean\n"
    "entity\tDMA\tcountry\tDominica\n"
    "alias\tDMA\tDominica\n"
    "entity\tDOM\tcountry\tDominican Republic\n"
    "alias\tDOM\tDominican Republic\n"
    "entity\tPNG\tcountry\tPapua New Guinea\n"
    "alias\tPNG\tPapua New Guinea\n"
    "entity\tGIN\tcountry\tGuinea\n"
    "alias\tGIN\tGuinea\n"
    "entity\tGNB\tcountry\tGuinea-Bissau\n"
    "alias\tGNB\tGuinea-Bissau\n"
    "entity\tSDN\tcountry\tSudan\n"
    "alias\tSDN\tSudan\n"
    "entity\tSSD\tcountry\tSouth Sudan\n"
    "alias\tSSD\tSouth Sudan\n"
    "entity\tCOD\tcountry\tDR Congo\n"
    "alias\tCOD\tDemocratic Republic of the Congo\n"
    "entity\tCOG\tcountry\tRepublic of the Congo\n"
    "alias\tCOG\tCongo\n"
    "alias\tCOG\tRepublic of the Congo\n"
    "entity\tUSA\tcountry\tUnited States\n"
    "alias\tUSA\tUnited States\n"
    "alias\tUSA\tAmerican\n"
    "alias\tUSA\tU.S.\texact\n"
    "alias\tUSA\tUS\texact\n"
    "entity\tOAS\torganization\tOAS\n"
    "alias\tOAS\tOrganization of American States\n"
    "entity\tCHN\tcountry\tChina\n"
    "alias\tCHN\tChina\n"
    "alias\tCHN\tSino\n"
    "entity\tIRN\tcountry\tIran\n"
    "alias\tIRN\tIran\n"
    "entity\tWHO\torganization\tWHO\n"
    "alias\tWHO\tWHO\texact\n"
    "entity\tCIV\tcountry\tIvory Coast\n"
    "alias\tCIV\tC\xC3\xB4te d'Ivoire\n"
    "entity\tBFA\tcountry\tBurkina Faso\n"
    "alias\tBFA\tBurkina Faso\n"
    "entity\tTUR\tcountry\tT\xC3\xBCrkiye\n"
    "alias\tTUR\tT\xC3\xBCrkiye\n"
    "entity\tZAF\tcountry\tSouth Africa\n"
    "alias\tZAF\tsouth africa\tany\n";

const Gazetteer& small_gazetteer() {
  static const Gazetteer gazetteer = [] {
    GazetteerBuilder builder;
    builder.add_text(kGazetteer, "matcher_test.tsv");
    return builder.build();
  }();
  return gazetteer;
}

// A mention as the tests compare it: entity id and the surface text it covers.
struct Found {
  std::string id;
  std::string surface;
  std::size_t start;
  std::size_t end;
};

std::vector<Found> find_in(const Gazetteer& gazetteer, std::string_view text, MatchOptions options = {}) {
  const Matcher matcher(gazetteer, options);
  MatchScratch scratch;
  std::vector<Mention> mentions;
  matcher.find_mentions(text, scratch, mentions);
  std::vector<Found> found;
  for (const Mention& mention : mentions) {
    REQUIRE(mention.start < mention.end);
    REQUIRE(mention.end <= text.size());
    found.push_back({gazetteer.entities()[mention.entity].id,
                     std::string(text.substr(mention.start, mention.end - mention.start)),
                     mention.start, mention.end});
  }
  return found;
}

std::vector<Found> find(std::string_view text, MatchOptions options = {}) {
  return find_in(small_gazetteer(), text, options);
}

// The ids found, in order, joined by spaces: compact to compare.
std::string ids(const std::vector<Found>& found) {
  std::string joined;
  for (const Found& f : found) {
    if (!joined.empty()) joined += ' ';
    joined += f.id;
  }
  return joined;
}

std::string ids(std::string_view text, MatchOptions options = {}) { return ids(find(text, options)); }

// Appended to a text, sends it to the folded search: U+00A6, broken bar, which is neither a word
// character nor a space, is not typographic punctuation, and names nothing.
constexpr const char* kForceFolded = "\xC2\xA6";

// The unfolded search and the folded search of one text agree mention for mention.
void check_same_mentions(const std::vector<Mention>& ascii, const std::vector<Mention>& folded) {
  REQUIRE(ascii.size() == folded.size());
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    CHECK(ascii[i].entity == folded[i].entity);
    CHECK(ascii[i].start == folded[i].start);
    CHECK(ascii[i].end == folded[i].end);
  }
}

MatchOptions ignoring_case() {
  MatchOptions options;
  options.ignore_case = true;
  return options;
}

}  // namespace

TEST_SUITE("matcher") {

TEST_CASE("a mention reports entity and byte offsets of the original text") {
  const auto found = find("Talks in Iran and China.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == "IRN");
  CHECK(found[0].start == 9);
  CHECK(found[0].end == 13);
  CHECK(found[1].id == "CHN");
  CHECK(found[1].start == 18);
  CHECK(found[1].end == 23);
  CHECK(found[1].surface == "China");
}

TEST_CASE("find_mentions replaces the output and returns mentions in start order") {
  const Matcher matcher(small_gazetteer());
  MatchScratch scratch;
  std::vector<Mention> mentions(3, Mention{0, 100, 200, 0, 0});
  matcher.find_mentions("Oman, Iran, China, Oman", scratch, mentions);
  REQUIRE(mentions.size() == 4);
  for (std::size_t i = 1; i < mentions.size(); ++i) CHECK(mentions[i - 1].end <= mentions[i].start);
  matcher.find_mentions("nothing here", scratch, mentions);
  CHECK(mentions.empty());
}

TEST_CASE("a matcher with its scratch gives the same result when reused") {
  const Matcher matcher(small_gazetteer());
  MatchScratch scratch;
  std::vector<Mention> first;
  std::vector<Mention> second;
  matcher.find_mentions("A long text naming C\xC3\xB4te d'Ivoire, Iran and the WHO.", scratch, first);
  matcher.find_mentions("Iran", scratch, second);
  REQUIRE(second.size() == 1);
  CHECK(second[0].start == 0);
  CHECK(second[0].end == 4);
  matcher.find_mentions("A long text naming C\xC3\xB4te d'Ivoire, Iran and the WHO.", scratch, second);
  REQUIRE(second.size() == first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].entity == second[i].entity);
    CHECK(first[i].start == second[i].start);
    CHECK(first[i].end == second[i].end);
  }
}

TEST_CASE("names match whole words only") {
  CHECK(ids("Nigeria") == "NGA");
  CHECK(ids("Niger") == "NER");
  CHECK(ids("Nigeria and Niger") == "NGA NER");
  CHECK(ids("Nigerian officials") == "");
  CHECK(ids("Romania") == "ROU");
  CHECK(ids("Romanians in Oman") == "OMN");
  CHECK(ids("Indiana") == "");
  CHECK(ids("India and Indiana") == "IND");
  CHECK(ids("Dominica") == "DMA");
  CHECK(ids("Dominican Republic") == "DOM");
  CHECK(ids("Dominican rum") == "");
  CHECK(ids("Chinatown") == "");
  CHECK(ids("IranChina") == "");
  CHECK(ids("2China") == "");
}

TEST_CASE("a word character of another script also continues a word") {
  CHECK(ids("China\xC3\xA9") == "");       // Chinaé
  CHECK(ids("\xD0\x94" "China") == "");     // ДChina
  CHECK(ids("\xC3\xA9" "China") == "");     // éChina
}

TEST_CASE("the longest name at a position wins and nothing inside it matches") {
  CHECK(ids("Papua New Guinea") == "PNG");
  CHECK(ids("South Sudan and Sudan") == "SSD SDN");
  CHECK(ids("Democratic Republic of the Congo") == "COD");
  CHECK(ids("Republic of the Congo") == "COG");
  CHECK(ids("Congo") == "COG");
  CHECK(ids("Guinea-Bissau and Guinea") == "GNB GIN");
  CHECK(ids("Organization of American States") == "OAS");
  CHECK(ids("the American and the Organization of American States") == "USA OAS");
}

TEST_CASE("the leftmost match wins and matches never overlap") {
  const auto found = find("South Sudan");
  REQUIRE(found.size() == 1);
  CHECK(found[0].surface == "South Sudan");
  const auto nested = find("Papua New Guinea, Guinea");
  REQUIRE(nested.size() == 2);
  CHECK(nested[0].id == "PNG");
  CHECK(nested[0].surface == "Papua New Guinea");
  CHECK(nested[1].id == "GIN");
  CHECK(nested[1].start == 18);
}

TEST_CASE("a longer name that fails at a word boundary falls back to the shorter one") {
  // The trie follows "Guinea-" toward Guinea-Bissau, fails at 'C', and keeps "Guinea".
  CHECK(ids("Guinea-Conakry") == "GIN");
  const auto found = find("Guinea-Conakry");
  REQUIRE(found.size() == 1);
  CHECK(found[0].surface == "Guinea");
  // "South Sudan" is followed by a letter, and no shorter name starts there.
  CHECK(ids("South Sudanese") == "");
}

TEST_CASE("a stop phrase blocks the shorter names inside it") {
  CHECK(ids("the Indian Ocean") == "");
  CHECK(ids("the Indian ocean") == "");
  CHECK(ids("the INDIAN OCEAN") == "");
  CHECK(ids("Indian officials crossed the Indian Ocean to India") == "IND IND");
  const auto found = find("Indian Ocean islands and India");
  REQUIRE(found.size() == 1);
  CHECK(found[0].surface == "India");
  CHECK(found[0].start == 25);
}

TEST_CASE("the name rule wants the alias's capitals and accepts other letters in either case") {
  CHECK(ids("China") == "CHN");
  CHECK(ids("CHINA") == "CHN");
  CHECK(ids("ChInA") == "CHN");
  CHECK(ids("china") == "");
  CHECK(ids("cHINA") == "");
  CHECK(ids("south sudan") == "");
  CHECK(ids("South sudan") == "");
  CHECK(ids("SOUTH SUDAN") == "SSD");
}

TEST_CASE("the exact rule wants the case exactly as written") {
  CHECK(ids("US") == "USA");
  CHECK(ids("us") == "");
  CHECK(ids("Us") == "");
  CHECK(ids("uS") == "");
  CHECK(ids("WHO") == "WHO");
  CHECK(ids("who") == "");
  CHECK(ids("Who") == "");
  CHECK(ids("U.S.") == "USA");
  CHECK(ids("u.s.") == "");
  CHECK(ids("people who help us") == "");
}

TEST_CASE("the any rule matches in any case") {
  CHECK(ids("south africa") == "ZAF");
  CHECK(ids("South Africa") == "ZAF");
  CHECK(ids("SOUTH AFRICA") == "ZAF");
  CHECK(ids("sOuTh AfRiCa") == "ZAF");
}

TEST_CASE("ignore_case relaxes the name rule but not the exact rule") {
  CHECK(ids("china", ignoring_case()) == "CHN");
  CHECK(ids("cHINA", ignoring_case()) == "CHN");
  CHECK(ids("papua new guinea", ignoring_case()) == "PNG");
  CHECK(ids("the indian ocean and india", ignoring_case()) == "IND");
  CHECK(ids("us", ignoring_case()) == "");
  CHECK(ids("Us", ignoring_case()) == "");
  CHECK(ids("who", ignoring_case()) == "");
  CHECK(ids("US and WHO", ignoring_case()) == "USA WHO");
}

TEST_CASE("possessives match the name without the 's") {
  const auto straight = find("China's envoy");
  REQUIRE(straight.size() == 1);
  CHECK(straight[0].id == "CHN");
  CHECK(straight[0].surface == "China");

  const auto curly = find("China\xE2\x80\x99s envoy");  // China’s
  REQUIRE(curly.size() == 1);
  CHECK(curly[0].id == "CHN");
  CHECK(curly[0].surface == "China");
  CHECK(curly[0].end == 5);

  CHECK(ids("the WHO's chief") == "WHO");
  CHECK(ids("the US' position") == "USA");
}

TEST_CASE("each part of a hyphenated compound is its own mention") {
  const auto china_us = find("China-U.S. talks");
  REQUIRE(china_us.size() == 2);
  CHECK(china_us[0].id == "CHN");
  CHECK(china_us[0].surface == "China");
  CHECK(china_us[1].id == "USA");
  CHECK(china_us[1].surface == "U.S.");

  const auto us_china = find("US-China trade");
  REQUIRE(us_china.size() == 2);
  CHECK(us_china[0].id == "USA");
  CHECK(us_china[0].surface == "US");
  CHECK(us_china[1].id == "CHN");
  CHECK(us_china[1].surface == "China");

  const auto sino = find("Sino-American ties");
  REQUIRE(sino.size() == 2);
  CHECK(sino[0].id == "CHN");
  CHECK(sino[0].surface == "Sino");
  CHECK(sino[1].id == "USA");
  CHECK(sino[1].surface == "American");

  const auto dashed = find("Iran\xE2\x80\x93" "China");  // Iran–China, en dash
  REQUIRE(dashed.size() == 2);
  CHECK(dashed[0].surface == "Iran");
  CHECK(dashed[1].surface == "China");
}

TEST_CASE("an alias ending in a period matches before the next word or sentence") {
  const auto found = find("the U.S. said");
  REQUIRE(found.size() == 1);
  CHECK(found[0].surface == "U.S.");
  CHECK(ids("in the U.S.") == "USA");
  CHECK(ids("(U.S.)") == "USA");
}

TEST_CASE("accents and apostrophes do not matter: Cote d'Ivoire in every spelling") {
  for (const std::string_view text :
       {std::string_view("Cote d\xE2\x80\x99Ivoire"), std::string_view("C\xC3\xB4te d'Ivoire"),
        std::string_view("C\xC3\xB4te d\xE2\x80\x99Ivoire"), std::string_view("COTE D'IVOIRE"),
        std::string_view("Cote d'Ivoire")}) {
    CAPTURE(text);
    const auto found = find(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == "CIV");
    CHECK(found[0].start == 0);
    CHECK(found[0].end == text.size());
  }
  CHECK(ids("cote d'ivoire") == "");  // the name rule still wants the capitals
}

TEST_CASE("a no-break space inside a name matches like a space") {
  const std::string_view text = "in Burkina\xC2\xA0" "Faso today";
  const auto found = find(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "BFA");
  CHECK(found[0].surface == "Burkina\xC2\xA0" "Faso");
  CHECK(ids("Burkina  \t Faso") == "BFA");
  CHECK(ids("Burkina\nFaso") == "BFA");
}

TEST_CASE("no name matches across a blank line") {
  CHECK(ids("Burkina\n\nFaso") == "");
  CHECK(ids("Burkina\r\n\r\nFaso") == "");
  CHECK(ids("Burkina\n   \nFaso") == "");
}

TEST_CASE("an en dash inside a name matches the alias's hyphen") {
  const std::string_view text = "Guinea\xE2\x80\x93" "Bissau";  // Guinea–Bissau
  const auto found = find(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "GNB");
  CHECK(found[0].start == 0);
  CHECK(found[0].end == text.size());
}

TEST_CASE("offsets stay in original bytes when multi-byte characters precede the match") {
  const std::string_view istanbul = "\xC4\xB0\xC4\xB0\xC4\xB0 China";  // İİİ China
  const auto after_dotted_i = find(istanbul);
  REQUIRE(after_dotted_i.size() == 1);
  CHECK(after_dotted_i[0].start == 7);
  CHECK(after_dotted_i[0].end == 12);
  CHECK(after_dotted_i[0].surface == "China");

  const std::string_view text = "Leaders of T\xC3\xBCrkiye, C\xC3\xB4te d\xE2\x80\x99Ivoire and China met.";
  const auto found = find(text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].id == "TUR");
  CHECK(found[0].surface == "T\xC3\xBCrkiye");
  CHECK(found[0].start == 11);
  CHECK(found[1].id == "CIV");
  CHECK(found[1].surface == "C\xC3\xB4te d\xE2\x80\x99Ivoire");
  CHECK(found[2].id == "CHN");
  CHECK(found[2].surface == "China");
  CHECK(found[2].start == text.find("China"));
}

TEST_CASE("offsets stay in original bytes after combining marks and collapsed white space") {
  const std::string_view text = "Cafe\xCC\x81     and\xC2\xA0\xC2\xA0Iran";
  const auto found = find(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].surface == "Iran");
  CHECK(found[0].start == text.find("Iran"));
}

TEST_CASE("invalid UTF-8 around a name does not shift its offsets") {
  const std::string_view text = "\xFF\xFE China \xC3";
  const auto found = find(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].surface == "China");
  CHECK(found[0].start == 3);
}

TEST_CASE("an empty gazetteer or an empty text finds nothing") {
  const Gazetteer empty = GazetteerBuilder().build();
  CHECK(find_in(empty, "China and Iran").empty());
  CHECK(find("").empty());
  CHECK(find("   \n\n  ").empty());
}

TEST_CASE("the built-in gazetteer finds real names") {
  const Gazetteer& gazetteer = [] () -> const Gazetteer& {
    static const Gazetteer builtin = Gazetteer::builtin();
    return builtin;
  }();
  CHECK(ids(find_in(gazetteer, "Papua New Guinea")) == "PNG");
  CHECK(ids(find_in(gazetteer, "the United States")) == "USA");
  CHECK(ids(find_in(gazetteer, "China's envoy")) == "CHN");
  CHECK(ids(find_in(gazetteer, "China\xE2\x80\x99s envoy")) == "CHN");
  CHECK(ids(find_in(gazetteer, "South Sudan")) == "SSD");
  CHECK(ids(find_in(gazetteer, "Nigeria and Niger")) == "NGA NER");
  CHECK(ids(find_in(gazetteer, "Dominica and the Dominican Republic")) == "DMA DOM");
  CHECK(ids(find_in(gazetteer, "C\xC3\xB4te d\xE2\x80\x99Ivoire")) == "CIV");
  CHECK(ids(find_in(gazetteer, "Guinea\xE2\x80\x93" "Bissau")) == "GNB");
  CHECK(ids(find_in(gazetteer, "T\xC3\xBCrkiye")) == "TUR");
  CHECK(ids(find_in(gazetteer, "across the Indian Ocean")) == "");
}

}  // TEST_SUITE

TEST_SUITE("matcher: capitals and context rules") {

constexpr std::string_view kContextGazetteer =
    "entity\tGEO\tcountry\tGeorgia\n"
    "alias\tGEO\tGeorgia\n"
    "capital\tGEO\tTbilisi\n"
    "context\tGeorgia\tnot-after\tAtlanta,Savannah\n"
    "context\tGeorgia\tnot-before\tgovernor,tech\n"
    "entity\tTCD\tcountry\tChad\n"
    "alias\tTCD\tChad\n"
    "context\tChad\tnot-before\t*,!President\n"
    "entity\tMLI\tcountry\tMali\n"
    "alias\tMLI\tMali\n";

const Gazetteer& context_gazetteer() {
  static const Gazetteer gazetteer = [] {
    GazetteerBuilder builder;
    builder.add_text(kContextGazetteer, "context.tsv");
    return builder.build();
  }();
  return gazetteer;
}

std::string context_ids(std::string_view text, MatchOptions options = {}) {
  return ids(find_in(context_gazetteer(), text, options));
}

TEST_CASE("capitals match only when asked for") {
  CHECK(context_ids("Tbilisi said no.") == "");
  MatchOptions capitals;
  capitals.capitals = true;
  CHECK(context_ids("Tbilisi said no.", capitals) == "GEO");
}

TEST_CASE("not-after rejects a name after a cue word, across one comma") {
  CHECK(context_ids("Atlanta, Georgia voted.") == "");
  CHECK(context_ids("Savannah Georgia voted.") == "");
  CHECK(context_ids("Tbilisi, Georgia voted.") == "GEO");
  CHECK(context_ids("Atlanta; Georgia voted.") == "GEO");  // other punctuation breaks the link
}

TEST_CASE("not-before rejects a name before a cue word, past a possessive, in any case") {
  CHECK(context_ids("Georgia Governor Kemp spoke.") == "");
  CHECK(context_ids("Georgia’s governor spoke.") == "");
  CHECK(context_ids("Georgia Tech won.") == "");
  CHECK(context_ids("Georgia and Mali met.") == "GEO MLI");
  CHECK(context_ids("Georgia, governor of nothing.") == "GEO");
}

TEST_CASE("the * cue rejects any capitalised next word except the exempted ones") {
  CHECK(context_ids("Chad Smith scored.") == "");
  CHECK(context_ids("Chad President Deby spoke.") == "TCD");
  CHECK(context_ids("Chad, Mali and Niger met.") == "TCD MLI");
  CHECK(context_ids("Chad said no.") == "TCD");  // a lower-case next word is no name
  CHECK(context_ids("Mali and Chad.") == "MLI TCD");
}

TEST_CASE("a rejected name leaves the names around it alone") {
  const auto found = find_in(context_gazetteer(), "Mali, Chad Smith and Georgia.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].surface == "Mali");
  CHECK(found[1].surface == "Georgia");
}

// Name shapes and spans.

TEST_CASE("the * cue sees names that start with an initial or an apostrophe") {
  CHECK(context_ids("Chad O'Brien scored.") == "");
  CHECK(context_ids("Chad J. Smith scored.") == "");
  CHECK(context_ids("CHAD SIGNS DEAL") == "TCD");  // all caps: no name shape
}

TEST_CASE("not-after looks past a period: titles") {
  const Gazetteer gazetteer = [] {
    GazetteerBuilder builder;
    builder.add_text("entity\tUSA\tcountry\tUS\ncapital\tUSA\tWashington\n"
                     "context\tWashington\tnot-after\tmrs,mr\n", "t.tsv");
    return builder.build();
  }();
  MatchOptions capitals;
  capitals.capitals = true;
  CHECK(ids(find_in(gazetteer, "Mrs. Washington smiled.", capitals)) == "");
  CHECK(ids(find_in(gazetteer, "Talks in Washington ended.", capitals)) == "USA");
}

TEST_CASE("a span ends with its last letter and its accents, not with invisible characters") {
  const auto soft_hyphen = find("China\xC2\xAD and Iran\xE2\x80\x8D.");
  REQUIRE(soft_hyphen.size() == 2);
  CHECK(soft_hyphen[0].surface == "China");
  CHECK(soft_hyphen[1].surface == "Iran");
  const auto accent = find("Cote\xCC\x81 d'Ivoire and China.");  // a combining acute inside
  REQUIRE(accent.size() == 2);
  CHECK(accent[0].surface == "Cote\xCC\x81 d'Ivoire");
}


TEST_CASE("a text searched unfolded (ASCII, typographic quotes and dashes) gives what the folded search gives") {
  // A text with one other non-ASCII character goes through fold_text; a broken bar (U+00A6) at
  // its end is neither a word character nor a space and names nothing, so both searches must
  // agree on everything before it.
  const auto gazetteer = comention::Gazetteer::builtin();
  for (const bool capitals : {false, true}) {
    comention::MatchOptions options;
    options.capitals = capitals;
    const comention::Matcher matcher(gazetteer, options);
    const char* const pieces[] = {"China", "CHINA", "china", "U.S.", "US", "us", "the U.S.A.", "WHO", "who",
                                  "Niger", "Nigeria", "South Sudan", "Sudan", "Papua New Guinea", "Guinea",
                                  "Georgia", "Atlanta, Georgia", "Georgia's governor", "Chad", "Chad Smith",
                                  "Jordan", "Turkey", "turkey", "Indian Ocean", "Indian", "India", "Indiana",
                                  "Mexico City", "Mexico", "Beijing", "Brussels", "European Union", "EU",
                                  "New\n\nZealand", "New Zealand", "New  Zealand", "Ivory Coast", "said",
                                  " ", "  ", "\n", "\n\n", ", ", ". ", "'s ", "-", "(", ")", "3.5", "Mr. ",
                                  "Dominica", "Dominican Republic", "Oman", "Romania", "UK", "U.K.", "Congo",
                                  // Openings and first eight bytes the prefix filter keys on.
                                  "the Netherlands", "The  Netherlands", "THE\nNETHERLANDS", "the", "El Salvador",
                                  "El  Salvador", "El\tSalvador", "US dollar", "US  dollar", "US\ndollar", "G-7",
                                  "G7", "G20", "ITU", "it", "Lao", "Laos", "interest", "International Monetary Fund",
                                  "Bank for International Settlements", "bank", "United  Nations", "UN", "un",
                                  "Saudi Arabia", "Hong Kong", "12", "3.5", "x",
                                  // Context words around names, for the folded window.
                                  "J. ", "J.", "O'Brien", "'s", "'S", "Governor", "governor", "Atlanta ,Georgia",
                                  "Mrs. ", "Mrs.", "Smith", "\t", "\r\n", "\n \n",
                                  // Typographic quotes and dashes, searched unfolded too.
                                  "China\xE2\x80\x99s", "\xE2\x80\x99s", "\xE2\x80\x99S", "\xE2\x80\x98",
                                  "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x93", "\xE2\x80\x94",
                                  "Cote d\xE2\x80\x99Ivoire", "Guinea\xE2\x80\x93" "Bissau",
                                  "U.S.\xE2\x80\x93" "China", "Georgia\xE2\x80\x99s governor",
                                  "\xE2\x80\x9CGeorgia\xE2\x80\x9D", "Chad\xE2\x80\x99s", "O\xE2\x80\x99" "Brien"};
    std::uint32_t state = 2024;
    auto next_random = [&state] {
      state = state * 1664525U + 1013904223U;
      return state >> 8;
    };
    comention::MatchScratch scratch;
    std::vector<comention::Mention> ascii;
    std::vector<comention::Mention> folded;
    for (int round = 0; round < 4000; ++round) {
      std::string text;
      const std::uint32_t length = next_random() % 14;
      for (std::uint32_t i = 0; i < length; ++i) {
        text += pieces[next_random() % std::size(pieces)];
        if (next_random() % 2 == 0) text += ' ';
      }
      CAPTURE(text);
      matcher.find_mentions(text, scratch, ascii);
      matcher.find_mentions(text + kForceFolded, scratch, folded);
      check_same_mentions(ascii, folded);
    }
  }
}

TEST_CASE("every alias of the built-in gazetteer is found as written, and in ASCII in any case and spacing") {
  // The prefix filter must let every alias through, whatever its case, its white space or the
  // byte after it. Each alias as written must name its entity (or, for a stop phrase or a
  // capital, block the names inside it); each ASCII alias, in five forms with eight endings,
  // must give the same mentions searched unfolded and searched folded (the text then ending in
  // kForceFolded), and so must its typographic forms (’ for ', – for -, “ ” around it).
  const auto gazetteer = Gazetteer::builtin();
  const Matcher matcher(gazetteer);
  MatchScratch scratch;
  std::vector<Mention> ascii;
  std::vector<Mention> folded;
  auto upper = [](std::string text) {
    for (char& c : text) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    return text;
  };
  auto spaced = [](std::string_view text, std::string_view space) {
    std::string out;
    for (const char c : text) {
      if (c == ' ') {
        out += space;
      } else {
        out += c;
      }
    }
    return out;
  };
  auto typographic = [](std::string_view text) {  // ' as ’ and - as –
    std::string out;
    for (const char c : text) {
      if (c == '\'') {
        out += "\xE2\x80\x99";
      } else if (c == '-') {
        out += "\xE2\x80\x93";
      } else {
        out += c;
      }
    }
    return out;
  };
  auto lowered = [](std::string text) {
    for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return text;
  };
  std::set<std::string> guarded;  // aliases with context records: their neighbours decide
  for (const auto& rule : gazetteer.contexts()) guarded.insert(lowered(rule.text));
  std::size_t named = 0;
  std::size_t ascii_aliases = 0;
  for (const auto& alias : gazetteer.aliases()) {
    CAPTURE(alias.text);
    const std::string as_written = "In " + alias.text + " said.";
    matcher.find_mentions(as_written, scratch, ascii);
    const bool names = alias.entity != comention::Alias::kStop && alias.kind == comention::AliasKind::name;
    if (names && guarded.count(lowered(alias.text)) == 0) {
      REQUIRE(!ascii.empty());
      CHECK(ascii[0].entity == alias.entity);
      CHECK(ascii[0].start == 3);
      CHECK(ascii[0].end == 3 + alias.text.size());
      ++named;
    } else if (!names) {
      // A stop phrase or a capital: nothing inside it is a mention.
      for (const Mention& mention : ascii) CHECK((mention.start >= 3 + alias.text.size() || mention.end <= 3));
    }
    const bool ascii_only = std::all_of(alias.text.begin(), alias.text.end(),
                                        [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii_only) continue;
    ++ascii_aliases;
    const std::string forms[] = {alias.text,
                                 upper(alias.text),
                                 spaced(alias.text, "  "),
                                 spaced(alias.text, "\n"),
                                 spaced(alias.text, "\n\n"),
                                 typographic(alias.text),
                                 "\xE2\x80\x9C" + alias.text + "\xE2\x80\x9D"};
    for (const std::string& form : forms) {
      for (const char* after : {"", " said.", "'s talks", ",", ".", "-based", "s", "\n\nNext",
                                "\xE2\x80\x99s talks", "\xE2\x80\x94" "based", "\xE2\x80\x9D"}) {
        const std::string text = "In " + form + after;
        CAPTURE(text);
        matcher.find_mentions(text, scratch, ascii);
        matcher.find_mentions(text + kForceFolded, scratch, folded);
        check_same_mentions(ascii, folded);
      }
    }
  }
  CHECK(ascii_aliases > 1500);
  CHECK(named > 1500);
}

}
