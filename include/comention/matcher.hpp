// Finds gazetteer names in text: whole words, leftmost-longest, never overlapping.
//
//   const comention::Matcher matcher(gazetteer);      // build once
//   comention::MatchScratch scratch;                   // one per thread, reused
//   std::vector<comention::Mention> mentions;
//   matcher.find_mentions("China’s envoy met Iranian officials.", scratch, mentions);
//   // mentions: {CHN, 0, 5} and {IRN, 18, 25}; offsets are bytes of the original text.
//
// A Matcher is immutable after construction and safe to share between threads; each thread
// brings its own MatchScratch. find_mentions neither throws nor allocates per mention.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "comention/gazetteer.hpp"
#include "comention/text.hpp"

namespace comention {

struct Mention {
  std::uint32_t entity = 0;   // index into Gazetteer::entities()
  std::size_t start = 0;      // UTF-8 byte offsets into the original text, [start, end)
  std::size_t end = 0;
  std::uint32_t paragraph = 0;  // filled by locate_mentions (segmenter.hpp)
  std::uint32_t sentence = 0;
  std::uint32_t word = 0;       // the word it starts at, from 0; filled by number_words
  // The language it was found in: the document's (ActiveLanguages::primary) when the name is a
  // name in it, else English when it is an English name, else the first active language it is
  // a name in.
  LanguageIndex language = kEnglish;
};

// The languages whose names may match in one document. A name in every language (an `alias`
// record) always may; English names too. The default lets every loaded name match.
struct ActiveLanguages {
  LanguageMask mask = kAllLanguages;
  LanguageIndex primary = kEnglish;  // the document's language, for Mention::language

  // The languages of a document: English, and `detected` (the first its main language).
  static ActiveLanguages of(LanguageMask detected, LanguageIndex primary) noexcept {
    return {detected | language_bit(kEnglish) | kEveryLanguage, primary};
  }
};

struct MatchOptions {
  // Lets aliases with the `name` rule match in any case, for corpora that were lower-cased.
  // `exact` aliases (acronyms: US, WHO) still match only as written.
  bool ignore_case = false;
  // Also matches capitals and seats of government as their country or organization
  // ("Beijing said", "Brussels"): the gazetteer's `capital` records.
  bool capitals = false;
};

struct MatchScratch {
  // What the last find_mentions call made of its text here, for find_mentions_again to reuse:
  // the lowered copy (a text searched unfolded) or the folded one, and the size of that text.
  enum class Prepared : std::uint8_t { nothing, lowered, folded };
  Prepared prepared = Prepared::nothing;
  std::size_t prepared_size = 0;

  FoldedText folded;
  // For a text searched without folding it first (ASCII but for typographic quotes and dashes):
  // the letter case of each folded byte of the name being tried.
  std::vector<LetterCase> step_case;
  std::vector<unsigned char> lowered;  // the text lower-cased byte for byte, then zeros
};

class Matcher {
 public:
  explicit Matcher(const Gazetteer& gazetteer, MatchOptions options = {});

  // The matcher of `gazetteer`: the one compiled into comention when the gazetteer is the
  // built-in data alone, with English names or every language's, and the options are the
  // defaults (no cost at start-up: its tables are read where they lie in the program); built
  // from the gazetteer otherwise. The same matches either way (tests/unit/builtin_images_test.cpp).
  static Matcher of(const Gazetteer& gazetteer, MatchOptions options = {});

  // The built-in matcher of every language's names, for a gazetteer of the built-in data
  // alone whose English names are `english`: without building that gazetteer. nullopt when
  // none was compiled for these options, or `english` is not the built-in gazetteer.
  static std::optional<Matcher> builtin_every_language(const Gazetteer& english, MatchOptions options = {});

  // The matcher's tables as one block of bytes, for compiling into the program
  // (src/tools/make_builtin_images.cpp); `from_image` reads them back without copying the large
  // ones, and gives nullopt for a block this build did not write or made for other entities.
  std::string image(const Gazetteer& gazetteer) const;
  static std::optional<Matcher> from_image(std::span<const unsigned char> image, const Gazetteer& gazetteer,
                                           MatchOptions options);
  // Whether its tables are read from an image rather than built.
  bool reads_image() const noexcept { return tables_ == nullptr; }

  // Replaces `out` with the mentions in text, in order of their start offsets. Only names of the
  // active languages match; where a longer name of another language starts at the same place
  // as a shorter active one, the shorter one matches.
  void find_mentions(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                     ActiveLanguages active = {}) const;

  // The same as find_mentions, for the text the last find_mentions call on `scratch` was given
  // (by this Matcher or another one): its lowered or folded copy, left in the scratch, is
  // searched again instead of being made anew. For matching one document a second time, with
  // other active languages. `text` must be that very text, unchanged; when the scratch holds
  // nothing prepared, or a text of another size, it is prepared again.
  void find_mentions_again(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                           ActiveLanguages active = {}) const;

 private:
  // A byte trie over folded alias texts, its edges stored flat and sorted per node.
  struct Node {
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
    std::int32_t terminal = -1;  // index into terminals_, or -1
    std::int32_t dense = -1;     // a node with many children: its row in dense_children_
  };
  // Fields in an order that leaves no padding: an image holds terminals byte for byte, and
  // bytes the compiler leaves unset would make two images of the same matcher differ.
  struct Terminal {
    LanguageMask languages = kEveryLanguage;  // Alias::languages
    std::uint32_t entity = 0;  // Alias::kStop for a stop phrase
    std::uint32_t case_offset = 0;  // alias letter cases in case_patterns_, one per folded byte
    std::uint32_t first_context = 0;  // this alias's rules in contexts_
    std::uint32_t context_count = 0;
    std::uint32_t first_part = 0;  // a compound's mentions in compound_parts_
    std::uint32_t part_count = 0;  // 0: not a compound; it yields one mention of `entity`
    CaseRule rule = CaseRule::name;
    std::uint8_t unused[7] = {};
  };
  // One entity of a compound (中美) and the folded bytes of its character, from the match start.
  struct CompoundPart {
    std::uint32_t entity = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
  };
  // A ContextRule with its words folded, as the text they are compared with.
  struct CompiledContext {
    ContextSide side = ContextSide::not_before;
    bool any_capitalised = false;
    std::vector<std::string> words;
    std::vector<std::string> exceptions;
  };

  // The best match at one word start of a text searched unfolded: none when terminal is null.
  struct AsciiMatch {
    const Terminal* terminal = nullptr;
    std::size_t end = 0;     // original offset past the match
    std::size_t length = 0;  // its length in folded bytes
  };

  // Hashed alias prefixes, one bit each (Bloom-style: a yes may be wrong, a no never is).
  using PrefixKey = std::uint64_t;  // up to eight folded bytes, as memcpy packs them
  struct PrefixSet {
    static constexpr unsigned kBits = 16;  // 8 KiB: stays in the first-level cache
    static constexpr std::size_t kWords = std::size_t{1} << (kBits - 6);
    std::vector<std::uint64_t> bits = std::vector<std::uint64_t>(kWords);
    std::uint32_t lengths = 0;  // bit L set when some prefix of L bytes was added
    void add(PrefixKey key, unsigned length);
    static std::size_t slot_of(PrefixKey key) noexcept {
      return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64U - kBits));
    }
    bool has_slot(std::size_t slot) const noexcept { return (bits[slot / 64] >> (slot % 64) & 1U) != 0; }
    bool contains(PrefixKey key) const noexcept { return has_slot(slot_of(key)); }
  };

  // Could an alias start where the folded bytes are `key`? Most words stop at their opening
  // (matcher.cpp: opening_of); for a long alias the first eight bytes are asked as well.
  enum class Opening { none, short_alias, long_alias };
  Opening opening_kind(PrefixKey opening) const noexcept;
  bool opening_listed(PrefixKey opening) const noexcept;
  bool first_eight_listed(PrefixKey key) const noexcept;
  std::int32_t child(std::int32_t node, unsigned char byte) const noexcept;
  bool case_matches(const Terminal& terminal, const LetterCase* actual, std::size_t length) const noexcept;
  // Searches scratch.folded, which holds text folded.
  void find_in_folded(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                      const ActiveLanguages& active) const;
  void find_in_ascii(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                     const ActiveLanguages& active) const;
  AsciiMatch longest_ascii_match(const unsigned char* data, std::size_t size, std::size_t pos,
                                 MatchScratch& scratch, LanguageMask active) const noexcept;
  bool context_rejects(const Terminal& terminal, const FoldedText& folded, std::size_t start,
                       std::size_t end) const noexcept;

  // The large tables, when this matcher built them; an image's lie in the program itself.
  struct Tables {
    std::vector<Node> nodes;
    std::vector<unsigned char> edge_labels;
    std::vector<std::int32_t> edge_targets;
    std::vector<Terminal> terminals;
    std::vector<LetterCase> case_patterns;
    std::vector<CompoundPart> compound_parts;
    std::vector<std::int32_t> dense_children;
  };
  Matcher() = default;  // for from_image
  void view(const Tables& tables) noexcept;
  // from_image; `aliases`, when given, the gazetteer's alias count the image must have been made with.
  static std::optional<Matcher> read_image(std::span<const unsigned char> image, const Gazetteer& gazetteer,
                                           MatchOptions options, std::optional<std::size_t> aliases);
  static std::uint32_t record_sizes() noexcept;  // of the tables an image holds, packed

  std::shared_ptr<const Tables> tables_;  // shared by copies: the views below stay valid
  std::span<const Node> nodes_;
  std::span<const unsigned char> edge_labels_;
  std::span<const std::int32_t> edge_targets_;
  std::span<const Terminal> terminals_;
  std::span<const LetterCase> case_patterns_;
  std::span<const CompoundPart> compound_parts_;
  // Rows of 256 child indices (or -1) for the nodes with many children (the first letters of
  // names), where a search of their edges would cost most.
  std::span<const std::int32_t> dense_children_;
  std::vector<CompiledContext> contexts_;
  std::int32_t root_children_[256];  // the root is dense: every scan starts there
  // Two cheap questions before any trie walk: is the word's opening (matcher.cpp: opening_of)
  // that of some alias, and if that alias is four bytes or longer, are the first eight folded
  // bytes, or the first four to seven where a name could end, those of some alias?
  PrefixSet short_openings_;  // openings of aliases of one to three folded bytes
  PrefixSet long_openings_;
  PrefixSet first_eight_;     // first eight folded bytes (all of a shorter alias)
  std::size_t longest_alias_ = 0;  // in folded bytes: the deepest a trie walk goes
  MatchOptions options_;
};

}  // namespace comention
