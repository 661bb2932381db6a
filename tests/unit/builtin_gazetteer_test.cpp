// Unit tests for Gazetteer::builtin(): the data compiled in from data/gazetteer/.
#include <doctest/doctest.h>

#include <charconv>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "comention/gazetteer.hpp"

namespace {

using comention::Category;
using comention::Gazetteer;

const Gazetteer& builtin() {
  static const Gazetteer gazetteer = Gazetteer::builtin();
  return gazetteer;
}

// ISO 3166-1 alpha-3 codes (iso-codes 4.15), plus XKX, the user-assigned code for Kosovo.
constexpr std::string_view kCountryIds[] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT",
    "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL",
    "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG",
    "COK", "COL", "COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM",
    "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
    "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY",
    "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
    "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY",
    "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL",
    "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
    "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER",
    "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU",
    "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR",
    "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON",
    "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
    "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF", "ZMB", "ZWE", "XKX",
};

// Organization ids the samples use (samples/EXPECTED.md, "Conventions").
constexpr std::string_view kOrganizationIds[] = {
    "WHO", "G20", "EU",  "UN",   "UNSC", "NATO",          "IMF", "WORLD_BANK",
    "OAS", "GCC", "OPEC", "ECOWAS", "AFRICAN_UNION",
};

bool parses_as_number(std::string_view text, double low, double high) {
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc() && result.ptr == text.data() + text.size() && value >= low &&
         value <= high;
}

bool is_upper_ascii(std::string_view text) {
  for (const char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return !text.empty();
}

}  // namespace

TEST_SUITE("builtin gazetteer") {

bool is_historical(const comention::Entity& entity) { return entity.attribute("historical") == "yes"; }

TEST_CASE("the built-in gazetteer has exactly 250 current countries") {
  std::size_t countries = 0;
  for (const auto& entity : builtin().entities()) {
    if (entity.category == Category::country && !is_historical(entity)) ++countries;
  }
  CHECK(countries == 250);
  CHECK(std::size(kCountryIds) == 250);
}

TEST_CASE("every ISO 3166-1 alpha-3 code and XKX is a built-in country") {
  for (const std::string_view id : kCountryIds) {
    CAPTURE(id);
    const auto index = builtin().find(id);
    REQUIRE(index.has_value());
    CHECK(builtin().entities()[*index].category == Category::country);
  }
}

TEST_CASE("every built-in country has iso2, iso3, region, lat and lon") {
  for (const auto& entity : builtin().entities()) {
    if (entity.category != Category::country) continue;
    CAPTURE(entity.id);
    CHECK(entity.attribute("iso2").size() == 2);
    CHECK(is_upper_ascii(entity.attribute("iso2")));
    CHECK(entity.attribute("iso3") == entity.id);
    CHECK_FALSE(entity.attribute("region").empty());
    CHECK(parses_as_number(entity.attribute("lat"), -90.0, 90.0));
    CHECK(parses_as_number(entity.attribute("lon"), -180.0, 180.0));
    CHECK_FALSE(entity.label.empty());
  }
}

TEST_CASE("built-in country attributes hold the ISO codes") {
  const auto china = builtin().find("CHN");
  REQUIRE(china.has_value());
  CHECK(builtin().entities()[*china].attribute("iso2") == "CN");
  CHECK(builtin().entities()[*china].label == "China");
  const auto usa = builtin().find("USA");
  REQUIRE(usa.has_value());
  CHECK(builtin().entities()[*usa].attribute("iso2") == "US");
  const auto kosovo = builtin().find("XKX");
  REQUIRE(kosovo.has_value());
  CHECK(builtin().entities()[*kosovo].attribute("iso2") == "XK");
}

TEST_CASE("no two current built-in countries share an iso2 code") {
  std::set<std::string, std::less<>> seen;
  for (const auto& entity : builtin().entities()) {
    if (entity.category != Category::country || is_historical(entity)) continue;
    CAPTURE(entity.id);
    CHECK(seen.insert(std::string(entity.attribute("iso2"))).second);
  }
}

TEST_CASE("historical states are countries with successors that exist") {
  for (const std::string_view id : {"SUN", "DDR", "YUG", "CSK"}) {
    CAPTURE(id);
    const auto index = builtin().find(id);
    REQUIRE(index.has_value());
    const auto& entity = builtin().entities()[*index];
    CHECK(is_historical(entity));
    std::string_view successors = entity.attribute("successors");
    REQUIRE_FALSE(successors.empty());
    while (!successors.empty()) {
      const auto comma = successors.find(',');
      const std::string_view successor = successors.substr(0, comma);
      CAPTURE(successor);
      CHECK(builtin().find(successor).has_value());
      successors = comma == std::string_view::npos ? std::string_view{} : successors.substr(comma + 1);
    }
  }
}

TEST_CASE("the built-in gazetteer has at least 60 organizations") {
  std::size_t organizations = 0;
  for (const auto& entity : builtin().entities()) {
    if (entity.category == Category::organization) ++organizations;
  }
  CHECK(organizations >= 60);
}

TEST_CASE("the organizations the samples use are built in") {
  for (const std::string_view id : kOrganizationIds) {
    CAPTURE(id);
    const auto index = builtin().find(id);
    REQUIRE(index.has_value());
    CHECK(builtin().entities()[*index].category == Category::organization);
  }
}

TEST_CASE("every built-in entity has at least one alias and every alias names a known entity") {
  const Gazetteer& gazetteer = builtin();
  std::vector<bool> has_alias(gazetteer.entities().size(), false);
  for (const auto& alias : gazetteer.aliases()) {
    if (alias.entity == comention::Alias::kStop) continue;
    REQUIRE(alias.entity < gazetteer.entities().size());
    has_alias[alias.entity] = true;
  }
  for (std::size_t i = 0; i < has_alias.size(); ++i) {
    CAPTURE(gazetteer.entities()[i].id);
    CHECK(has_alias[i]);
  }
}

TEST_CASE("built-in entities are sorted by id and unique") {
  const auto& entities = builtin().entities();
  for (std::size_t i = 1; i < entities.size(); ++i) {
    CAPTURE(entities[i].id);
    CHECK(entities[i - 1].id < entities[i].id);
  }
}

}  // TEST_SUITE

TEST_CASE("lookup finds an entity by id in any case, by label and by any of its names") {
  const Gazetteer& g = builtin();
  const auto id = [&](std::string_view name) -> std::string {
    const auto index = g.lookup(name);
    return index ? g.entities()[*index].id : "";
  };
  CHECK(id("CHN") == "CHN");
  CHECK(id("chn") == "CHN");
  CHECK(id("China") == "CHN");
  CHECK(id("CHINA") == "CHN");
  CHECK(id("united states") == "USA");
  CHECK(id("Ivory Coast") == "CIV");       // the label
  CHECK(id("Côte d'Ivoire") == "CIV");     // a name with an accent
  CHECK(id("cote d’ivoire") == "CIV");     // without it, and a typographic apostrophe
  CHECK(id("  Iran ") == "IRN");           // white space folds away at the ends
  CHECK(id("who") == "WHO");
  CHECK(id("Beijing") == "");  // a capital stands for its country only in texts, on request
  CHECK(id("Mexico City") == "");  // nor does a stop phrase name anything
  CHECK(id("") == "");
  CHECK(id("Atlantis") == "");
}

TEST_CASE("suggest offers the entity nearest to a mistyped name and nothing for a stranger") {
  const Gazetteer& g = builtin();
  const auto id = [&](std::string_view name) -> std::string {
    const auto index = g.suggest(name);
    return index ? g.entities()[*index].id : "";
  };
  CHECK(id("Chnia") == "CHN");
  CHECK(id("Untied States") == "USA");
  CHECK(id("Germny") == "DEU");
  CHECK(id("chnn") == "CHN");
  CHECK(id("qqqqqqqqqqqq") == "");
}
