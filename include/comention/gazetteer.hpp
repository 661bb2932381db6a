// The gazetteer: which entities exist and which texts name them.
//
//   comention::GazetteerBuilder builder;
//   builder.add_builtin();                 // the data compiled in from data/gazetteer/
//   builder.add_file("my-places.tsv");     // extra aliases, overrides, `drop` records
//   comention::Gazetteer gazetteer = builder.build();
//   auto china = gazetteer.find("CHN");    // index into gazetteer.entities()
//
// The file format is documented in data/gazetteer/FORMAT.md. A Gazetteer is immutable once built.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace comention {

enum class Category : std::uint8_t { country, organization };
std::string_view to_string(Category category) noexcept;

// How the letter case of a text must look for an alias to match it.
enum class CaseRule : std::uint8_t {
  name,   // the alias's capitals are capitals in the text: China, CHINA, not china
  exact,  // exactly as written: acronyms such as US, WHO
  any,    // any case
};
std::string_view to_string(CaseRule rule) noexcept;
std::optional<CaseRule> parse_case_rule(std::string_view text) noexcept;

struct Entity {
  std::string id;  // ISO 3166-1 alpha-3 for countries, an upper-case acronym or slug otherwise
  Category category = Category::country;
  std::string label;  // English short name, for diagrams
  std::vector<std::pair<std::string, std::string>> attributes;  // iso2, region, members, ...

  // The value of an attribute, or an empty view when the entity has none.
  std::string_view attribute(std::string_view key) const noexcept;
};

struct Alias {
  static constexpr std::uint32_t kStop = UINT32_MAX;  // a stop phrase: matches, names nothing

  std::string text;
  std::uint32_t entity = kStop;  // index into Gazetteer::entities()
  CaseRule rule = CaseRule::name;
};

class Gazetteer {
 public:
  // The built-in gazetteer alone.
  static Gazetteer builtin();

  const std::vector<Entity>& entities() const noexcept { return entities_; }  // sorted by id
  const std::vector<Alias>& aliases() const noexcept { return aliases_; }     // by folded text
  std::optional<std::uint32_t> find(std::string_view id) const noexcept;

 private:
  friend class GazetteerBuilder;
  std::vector<Entity> entities_;
  std::vector<Alias> aliases_;
};

// Reads gazetteer files in order; later files override earlier ones. Throws InputError naming
// the file and line on a malformed record, an unknown id, or a conflict inside one file.
class GazetteerBuilder {
 public:
  void add_builtin();
  void add_file(const std::string& path);
  void add_text(std::string_view content, const std::string& source_name);

  Gazetteer build() const;

 private:
  struct PendingEntity {
    Entity entity;
    std::string source;  // file that last declared it, to reject duplicates within one file
  };
  struct PendingAlias {
    std::string text;
    std::string entity_id;  // empty for a stop phrase
    CaseRule rule = CaseRule::name;
    std::string source;
  };

  std::map<std::string, PendingEntity, std::less<>> entities_;
  std::map<std::string, PendingAlias, std::less<>> aliases_;  // keyed by folded text
};

}  // namespace comention
