// The gazetteer: which entities exist and which texts name them.
//
//   comention::GazetteerBuilder builder(comention::LanguageSet::parse("es,fr"));  // or {}: English
//   builder.add_builtin();                 // the data compiled in from data/gazetteer/
//   builder.add_file("my-places.tsv");     // extra aliases, overrides, `drop` records
//   comention::Gazetteer gazetteer = builder.build();
//   auto china = gazetteer.find("CHN");    // index into gazetteer.entities()
//
// The file format is documented in data/gazetteer/FORMAT.md. A Gazetteer is immutable once built.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "comention/error.hpp"

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
  std::string label;  // English short name, for diagrams (or --label-language's: see GazetteerBuilder)
  // Its labels in other languages (`label` records: CLDR's main name), by language code.
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<std::pair<std::string, std::string>> attributes;  // iso2, region, members, ...

  // The value of an attribute, or an empty view when the entity has none.
  std::string_view attribute(std::string_view key) const noexcept;
};

// The languages whose `name` records (FORMAT.md) a GazetteerBuilder loads, as ISO 639-1 codes.
// English is always in: news in every language quotes English names. `alias` records belong to
// every language and are loaded whatever the set. Names of languages left out are skipped as they
// are read, so that English alone costs no more than before there were any. `auto` (the CLI's
// default) loads every language and asks for each document's languages to be detected
// (DocumentAnalyzer, pipeline.hpp), so that a name fires only in a document of its language.
class LanguageSet {
 public:
  LanguageSet() = default;  // English alone
  static LanguageSet all();
  static LanguageSet automatic();  // all, detected per document
  // "es,fr", "all" or "auto", as --languages takes it. Throws UsageError on a code that is not
  // two lower-case letters; whether names exist in it is for the caller to ask the builder.
  static LanguageSet parse(std::string_view list);

  void add(std::string_view code);
  bool contains(std::string_view code) const noexcept;
  bool is_all() const noexcept { return all_; }
  bool detects() const noexcept { return detect_; }
  const std::vector<std::string>& codes() const noexcept { return codes_; }  // sorted; en in it

 private:
  bool all_ = false;
  bool detect_ = false;
  std::vector<std::string> codes_{"en"};
};

// Is `code` shaped like an ISO 639-1 code: two lower-case ASCII letters?
bool is_language_code(std::string_view code) noexcept;

// The languages a name is a name in, one bit per language comention knows (language_codes():
// English first, then those of the built-in names, then other languages CLD2 detects), and
// kEveryLanguage for an `alias` record, a name in every language (English and language-neutral
// names). A mask rather than a list: there is one in every alias and every trie terminal, and
// the matcher tests it against a document's languages with one AND.
using LanguageMask = std::uint64_t;
inline constexpr LanguageMask kEveryLanguage = LanguageMask{1} << 63;
inline constexpr LanguageMask kAllLanguages = ~LanguageMask{0};
using LanguageIndex = std::uint8_t;  // a place in language_codes()
inline constexpr LanguageIndex kEnglish = 0;

// Every code a `name` record may have, in bit order (at most 63).
const std::vector<std::string_view>& language_codes() noexcept;
// The place of `code` in language_codes(), or nullopt for a code comention does not know.
std::optional<LanguageIndex> language_index(std::string_view code) noexcept;
inline LanguageMask language_bit(LanguageIndex index) noexcept { return LanguageMask{1} << index; }
// "en" for kEnglish, ...; empty for an index past the table.
std::string_view language_code(LanguageIndex index) noexcept;
// "es,fr" for the languages of a mask (in table order); "*" for kEveryLanguage alone.
std::string describe_languages(LanguageMask mask);

// A name proper, a capital standing for its country ("Beijing said"), matched on request, or a
// compound abbreviation naming several entities at once (中美: China and the United States).
enum class AliasKind : std::uint8_t { name, capital, compound };

struct Alias {
  static constexpr std::uint32_t kStop = UINT32_MAX;  // a stop phrase: matches, names nothing

  std::string text;
  std::uint32_t entity = kStop;  // index into Gazetteer::entities()
  CaseRule rule = CaseRule::name;
  AliasKind kind = AliasKind::name;
  // The languages it is a name in: the `name` records giving this text to this entity, united;
  // kEveryLanguage for an `alias`, `stop` or `capital` record.
  LanguageMask languages = kEveryLanguage;
  // A compound's entities, one per character of `text`, in order (`entity` is the first of
  // them); empty for any other kind.
  std::vector<std::uint32_t> compound;
};

// Where a `context` record looks: the word after the alias or the word before it.
enum class ContextSide : std::uint8_t { not_before, not_after };
std::string_view to_string(ContextSide side) noexcept;

// "The alias `text` is no mention next to one of `words`": cue words that reveal another sense
// (Georgia before "governor", Chad before a surname). Kept as written; the matcher folds them.
struct ContextRule {
  std::string text;
  ContextSide side = ContextSide::not_before;
  std::vector<std::string> words;       // "*" is any capitalised word
  std::vector<std::string> exceptions;  // words exempted from "*" (written "!word")
};

class Gazetteer {
 public:
  // The built-in gazetteer alone (English names and labels): the one compiled into comention.
  static Gazetteer builtin();

  // The gazetteer as one block of bytes, for compiling into the program
  // (src/tools/make_builtin_images.cpp); from_image reads it back, and gives nullopt for a
  // block this build did not write or that is damaged.
  std::string image() const;
  static std::optional<Gazetteer> from_image(std::span<const unsigned char> image);

  const std::vector<Entity>& entities() const noexcept { return entities_; }  // sorted by id
  const std::vector<Alias>& aliases() const noexcept { return aliases_; }     // by folded text
  const std::vector<ContextRule>& contexts() const noexcept { return contexts_; }
  const LanguageSet& languages() const noexcept { return languages_; }  // as it was built with
  // Built from the built-in data alone (no file or text of a user's): its matcher may be the
  // one compiled into comention (Matcher::of).
  bool is_builtin_only() const noexcept { return builtin_only_; }
  std::optional<std::uint32_t> find(std::string_view id) const noexcept;

  // The entity a person means by `name`: its id in any case ("chn"), its label or one of its
  // names ("China", "united states", "Cote d'Ivoire" for Côte d’Ivoire), compared folded as the
  // matcher folds texts. Capitals and stop phrases name no entity here. For --focus, explain.
  std::optional<std::uint32_t> lookup(std::string_view name) const;
  // The entity whose id, label or name is nearest to `name` when it is a likely slip ("Chnia",
  // "Untied States"): for "did you mean ...?". nullopt when nothing is near.
  std::optional<std::uint32_t> suggest(std::string_view name) const;

 private:
  friend class GazetteerBuilder;
  std::vector<Entity> entities_;
  std::vector<Alias> aliases_;
  std::vector<ContextRule> contexts_;
  LanguageSet languages_;
  bool builtin_only_ = false;
};

// Writes the gazetteer in the format it is read in: loading the result alone (with no built-in
// data) gives the same gazetteer back.
void write_gazetteer_tsv(const Gazetteer& gazetteer, std::ostream& out);

// Reads gazetteer files in order; later files override earlier ones. Throws InputError naming
// the file and line on a malformed record, an unknown id, or a conflict inside one file; given
// `problems`, records every such error there instead and reads on (for `gazetteer check`).
class GazetteerBuilder {
 public:
  // Loads `name` records of these languages only (English is always in).
  explicit GazetteerBuilder(LanguageSet languages = {}) : languages_(std::move(languages)) {}

  // Every entity's label becomes its `label` record in `language` (ISO 639-1), where it has one;
  // others keep the English label. Labels are read even from the names of a language not loaded.
  void set_label_language(std::string_view language) { label_language_ = language; }
  // Other languages' `label` records are skipped unread (start-up), unless all are asked for
  // (to check or export them).
  void keep_all_labels() { all_labels_ = true; }
  // The languages of the `label` records read so far.
  const std::set<std::string, std::less<>>& label_languages() const noexcept { return label_languages_; }

  void add_builtin();
  void add_file(const std::string& path, std::vector<InputError>* problems = nullptr);
  void add_text(std::string_view content, const std::string& source_name,
                std::vector<InputError>* problems = nullptr);

  Gazetteer build() const;

  // The languages of every `name` record read so far, loaded or skipped: those --languages may
  // ask for.
  const std::set<std::string, std::less<>>& languages_seen() const noexcept { return languages_seen_; }

 private:
  // Each add_text call is one source, numbered from 1: conflicts count only within a source.
  struct Source {
    const std::string& name;
    std::size_t serial = 0;
  };
  struct PendingEntity {
    Entity entity;
    std::size_t source = 0;  // the source that last declared it
  };
  struct PendingAlias {
    std::string text;
    std::string entity_id;  // empty for a stop phrase
    CaseRule rule = CaseRule::name;
    std::size_t source = 0;
    LanguageMask languages = kEveryLanguage;  // of the `name` records that gave it
    bool is_form = false;   // a `form` record: already inflected, left alone by the rules
    std::vector<std::string> compound_ids;  // of a `compound` record, entity_id the first
  };
  struct PendingContext {
    ContextRule rule;
    std::string folded_text;
  };
  // `ending LANG FROM TO[,TO...] [RULE]`: a word ending in FROM (after a letter of `letters`, or
  // of none of them when `negated`) may end in each of `endings` instead.
  struct EndingRule {
    std::u32string letters;  // the letter class written [..] before FROM; empty: no class
    bool negated = false;    // [^..]
    std::string from;
    std::vector<std::string> endings;  // in the order written: the same case order per language
    CaseRule names = CaseRule::name;   // applies to the names of this case rule only
  };
  // `join LANG END+START JOINED`: a prefix ending in END before a name starting with START is
  // also written JOINED (Arabic ل + ال = لل).
  struct JoinRule {
    std::string prefix_end, name_start, joined;
  };
  // A language's inflection rules, and where its first one was read, for errors found at build.
  struct Inflections {
    std::vector<EndingRule> endings;
    std::vector<std::string> prefixes;
    std::vector<JoinRule> joins;
    std::string source;
    std::size_t line = 0;
  };
  // The forms a name of `language` takes under its language's rules, itself excluded.
  std::vector<std::string> inflected_forms(const PendingAlias& name, const Inflections& rules) const;

  void add_record(const std::vector<std::string_view>& fields, const Source& source,
                  std::size_t line);
  void add_inflection_record(const std::vector<std::string_view>& fields, const Source& source,
                             std::size_t line);

  LanguageSet languages_;
  std::string label_language_;
  bool all_labels_ = false;
  bool reading_builtin_ = false;  // within add_builtin
  bool builtin_read_ = false;
  bool other_sources_read_ = false;
  std::set<std::string, std::less<>> label_languages_;
  std::set<std::string, std::less<>> languages_seen_;
  // Whether a skipped name (of a language not loaded) of entity id folds to folded_text: a
  // `drop` of a text not loaded is no error when it means one of them, and is one otherwise.
  bool is_skipped_name(std::string_view id, std::string_view folded_text) const;

  // The names skipped for their language, looked through only when a drop finds nothing: the
  // built-in files' contents, which live as long as the program, and other sources' records.
  std::vector<std::string_view> skipped_builtin_names_;
  std::vector<std::string> skipped_name_records_;
  std::size_t sources_read_ = 0;
  std::map<std::string, PendingEntity, std::less<>> entities_;
  std::map<std::string, PendingAlias, std::less<>> aliases_;   // keyed by folded text
  std::map<std::string, PendingAlias, std::less<>> capitals_;  // keyed by folded text
  std::vector<PendingContext> contexts_;
  std::map<std::string, Inflections, std::less<>> inflections_;
  // `name` records of the same text as a language-free alias of the same entity: not aliases of
  // their own, only the bases their language's rules inflect.
  std::vector<PendingAlias> inflection_bases_;  // by language, selected ones only
};

}  // namespace comention
