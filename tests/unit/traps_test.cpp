// The traps of news text, each pinned against the built-in gazetteer: names that are also words
// or names, nested and look-alike names, demonyms, historical names and capitals.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/matcher.hpp"
#include "test_support.hpp"

namespace {

const comention::Gazetteer& builtin() {
  static const comention::Gazetteer gazetteer = comention::Gazetteer::builtin();
  return gazetteer;
}

// "surface=ID" for each mention, in order.
std::vector<std::string> mentions(std::string_view text, bool capitals = false) {
  comention::MatchOptions options;
  options.capitals = capitals;
  const comention::Matcher matcher(builtin(), options);
  comention::MatchScratch scratch;
  std::vector<comention::Mention> found;
  matcher.find_mentions(text, scratch, found);
  std::vector<std::string> result;
  for (const auto& mention : found) {
    result.push_back(std::string(text.substr(mention.start, mention.end - mention.start)) + "=" +
                     builtin().entities()[mention.entity].id);
  }
  return result;
}

using List = std::vector<std::string>;

}  // namespace

TEST_SUITE("traps: names that are also words or names") {

TEST_CASE("Georgia the country, not the US state") {
  CHECK(mentions("Georgia and Armenia signed a deal.") == List{"Georgia=GEO", "Armenia=ARM"});
  CHECK(mentions("Voters in Atlanta, Georgia queued.") == List{});
  CHECK(mentions("Georgia Governor Brian Kemp spoke.") == List{});
  CHECK(mentions("Georgia’s governor spoke.") == List{});
  CHECK(mentions("Georgia Tech won.") == List{});
  CHECK(mentions("Tbilisi, Georgia hosted the talks.") == List{"Georgia=GEO"});
}

TEST_CASE("Jordan the country, not people called Jordan") {
  CHECK(mentions("Jordan and Egypt met.") == List{"Jordan=JOR", "Egypt=EGY"});
  CHECK(mentions("Michael Jordan retired.") == List{});
  CHECK(mentions("Jordan Peterson spoke.") == List{});
  CHECK(mentions("The Jordan River is low.") == List{"Jordan=JOR"});
  CHECK(mentions("Jordan King Abdullah arrived.") == List{"Jordan=JOR"});
}

TEST_CASE("Chad the country, not the first name") {
  CHECK(mentions("Chad, Niger and Mali met.") == List{"Chad=TCD", "Niger=NER", "Mali=MLI"});
  CHECK(mentions("Chad Smith scored twice.") == List{});
  CHECK(mentions("Chad President Mahamat Deby spoke.") == List{"Chad=TCD"});
  CHECK(mentions("Lake Chad is shrinking.") == List{});
}

TEST_CASE("Turkey and turkey, China and china, Guinea and guinea") {
  CHECK(mentions("Turkey and Greece met over a turkey dinner.") == List{"Turkey=TUR", "Greece=GRC"});
  CHECK(mentions("TURKEY SIGNS DEAL") == List{"TURKEY=TUR"});
  CHECK(mentions("She collects fine china from China.") == List{"China=CHN"});
  CHECK(mentions("A guinea pig in Guinea.") == List{"Guinea=GIN"});
}

TEST_CASE("Niger, Nigeria and the Niger Delta") {
  CHECK(mentions("Niger and Nigeria share a border.") == List{"Niger=NER", "Nigeria=NGA"});
  CHECK(mentions("Oil spills in the Niger Delta.") == List{"Niger Delta=NGA"});
}

TEST_CASE("Victoria is never a country") {
  CHECK(mentions("Victoria and Lake Victoria.") == List{});
  CHECK(mentions("Victoria said no.", true) == List{});  // Seychelles' capital is not in news as a metonym
}

TEST_CASE("Lebanon the country, not the US towns") {
  CHECK(mentions("Lebanon and Syria met.") == List{"Lebanon=LBN", "Syria=SYR"});
  CHECK(mentions("A plant in Lebanon, Pennsylvania closed.") == List{});
}

TEST_CASE("Jersey, New Jersey and jerseys") {
  CHECK(mentions("Jersey is a Crown dependency.") == List{"Jersey=JEY"});
  CHECK(mentions("New Jersey voters and Jersey City.") == List{});
  CHECK(mentions("He signed a jersey.") == List{});
}

}

TEST_SUITE("traps: nested and look-alike names") {

TEST_CASE("Sudan and South Sudan") {
  CHECK(mentions("South Sudan and Sudan talked.") == List{"South Sudan=SSD", "Sudan=SDN"});
}

TEST_CASE("the two Congos") {
  CHECK(mentions("The Democratic Republic of the Congo, DR Congo, the DRC.") ==
        List{"Democratic Republic of the Congo=COD", "DR Congo=COD", "DRC=COD"});
  CHECK(mentions("The Republic of the Congo, or Congo-Brazzaville.") ==
        List{"Republic of the Congo=COG", "Congo-Brazzaville=COG"});
  CHECK(mentions("Congo and Congolese troops.") == List{});  // ambiguous: neither
}

TEST_CASE("the Guineas") {
  CHECK(mentions("Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea.") ==
        List{"Guinea=GIN", "Guinea-Bissau=GNB", "Equatorial Guinea=GNQ", "Papua New Guinea=PNG"});
  CHECK(mentions("The island of New Guinea.") == List{});
}

TEST_CASE("Dominica and the Dominican Republic, Niger and Nigeria, Oman and Romania") {
  CHECK(mentions("Dominica and the Dominican Republic.") == List{"Dominica=DMA", "Dominican Republic=DOM"});
  CHECK(mentions("Romania, Oman, Indiana and India.") == List{"Romania=ROU", "Oman=OMN", "India=IND"});
}

TEST_CASE("Samoa and American Samoa, Ireland and Northern Ireland") {
  CHECK(mentions("Samoa and American Samoa.") == List{"Samoa=WSM", "American Samoa=ASM"});
  CHECK(mentions("Ireland and Northern Ireland.") == List{"Ireland=IRL", "Northern Ireland=GBR"});
}

TEST_CASE("Korea: bare Korea is South Korea") {
  CHECK(mentions("South Korea, North Korea and Korea.") ==
        List{"South Korea=KOR", "North Korea=PRK", "Korea=KOR"});
}

TEST_CASE("the Virgin Islands, and Macedonia") {
  CHECK(mentions("The US Virgin Islands and the British Virgin Islands.") ==
        List{"US Virgin Islands=VIR", "British Virgin Islands=VGB"});
  CHECK(mentions("North Macedonia and the Greek region of Macedonia.") ==
        List{"North Macedonia=MKD", "Greek=GRC"});
}

}

TEST_SUITE("traps: demonyms") {

TEST_CASE("demonyms that are not about the country") {
  CHECK(mentions("The Indian Ocean, Latin American markets and Native American land.") == List{});
  CHECK(mentions("He ordered French fries and spoke Arabic.") == List{});
}

TEST_CASE("demonyms that are") {
  CHECK(mentions("The Chinese President met Iranian officials.") == List{"Chinese=CHN", "Iranian=IRN"});
  CHECK(mentions("Kyrgyz, Uzbek, Filipino, Emirati and Argentine envoys.") ==
        List{"Kyrgyz=KGZ", "Uzbek=UZB", "Filipino=PHL", "Emirati=ARE", "Argentine=ARG"});
}

}

TEST_SUITE("traps: historical names") {

TEST_CASE("states that no longer exist are their own nodes") {
  CHECK(mentions("The Soviet Union, the USSR and Soviet troops.") ==
        List{"Soviet Union=SUN", "USSR=SUN", "Soviet=SUN"});
  CHECK(mentions("East Germany, Czechoslovakia and Yugoslavia.") ==
        List{"East Germany=DDR", "Czechoslovakia=CSK", "Yugoslavia=YUG"});
}

TEST_CASE("renamed states are today's countries") {
  CHECK(mentions("West Germany, Burma, Zaire and Swaziland.") ==
        List{"West Germany=DEU", "Burma=MMR", "Zaire=COD", "Swaziland=SWZ"});
  CHECK(mentions("Kampuchea, Ceylon and Rhodesia.") == List{"Kampuchea=KHM", "Ceylon=LKA", "Rhodesia=ZWE"});
}

}

TEST_SUITE("traps: capitals") {

TEST_CASE("capitals are mentions only when asked for") {
  CHECK(mentions("Beijing said Washington and Moscow agreed.") == List{});
  CHECK(mentions("Beijing said Washington and Moscow agreed.", true) ==
        List{"Beijing=CHN", "Washington=USA", "Moscow=RUS"});
  CHECK(mentions("Brussels warned London.", true) == List{"Brussels=EU", "London=GBR"});
}

}
