#include "comention/matcher.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace comention {
namespace {

// Trie nodes with at least this many children get a dense row of 256 (1 KiB each).
constexpr std::uint32_t kDenseChildren = 6;

// Which ASCII bytes are word characters, as is_word_char says, without decoding.
const std::array<bool, 256> kAsciiWord = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = is_word_char(static_cast<char32_t>(c));
  return table;
}();

// ASCII folded as fold_text folds it, for the search of texts without a folded copy.
const std::array<unsigned char, 256> kAsciiLower = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c) table[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return table;
}();
const std::array<LetterCase, 256> kAsciiCase = [] {
  std::array<LetterCase, 256> table{};
  for (int c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = letter_case(static_cast<char32_t>(c));
  return table;
}();
const std::array<bool, 256> kAsciiSpace = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = is_space(static_cast<char32_t>(c));
  return table;
}();

// A prefix filter answers "could an alias start here?" from the first eight folded bytes at a
// word start, packed into one integer as memcpy reads them. Bytes past the end read as zero.
using PrefixKey = std::uint64_t;

// The first `length` bytes (1 to 8) of a key, as memcpy packs them on this machine.
constexpr PrefixKey first_bytes(PrefixKey key, unsigned length) noexcept {
  if (length >= 8) return key;
  if constexpr (std::endian::native == std::endian::little) {
    return key & ((PrefixKey{1} << (8 * length)) - 1);
  } else {
    return key & ~(~PrefixKey{0} >> (8 * length));
  }
}

PrefixKey load_key(const unsigned char* at) noexcept {
  PrefixKey key = 0;
  std::memcpy(&key, at, sizeof key);
  return key;
}

// The key at pos of a text with fewer than eight bytes left, or of any text, by copying.
PrefixKey padded_key(std::string_view text, std::size_t pos) noexcept {
  unsigned char bytes[8] = {};
  std::memcpy(bytes, text.data() + pos, std::min<std::size_t>(8, text.size() - pos));
  return load_key(bytes);
}

// Byte i of a key: the byte at pos + i.
constexpr unsigned key_byte(PrefixKey key, unsigned i) noexcept {
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<unsigned>(key >> (8 * i)) & 0xFFU;
  } else {
    return static_cast<unsigned>(key >> (56 - 8 * i)) & 0xFFU;
  }
}

// A key holding only `value` at byte i.
constexpr PrefixKey key_with_byte(unsigned i, unsigned value) noexcept {
  if constexpr (std::endian::native == std::endian::little) {
    return PrefixKey{value} << (8 * i);
  } else {
    return PrefixKey{value} << (56 - 8 * i);
  }
}

// The high bit of each byte of the key equal to `value`: zero when there is none. (A byte just
// above a matching one may be flagged too, a harmless yes for the questions asked of it here.)
PrefixKey bytes_equal(PrefixKey key, unsigned char value) noexcept {
  constexpr PrefixKey kOnes = 0x0101010101010101ULL;
  const PrefixKey x = key ^ (kOnes * value);
  return (x - kOnes) & ~x & (kOnes * 0x80);
}

// Could an alias of `length` bytes (1 to 7) at the key's start end there? Only where its word
// ends, or after punctuation ("U.S."); never inside a character, before a UTF-8 continuation
// byte, since an alias is whole characters. Other bytes of other scripts count as possible ends.
bool may_end_after(PrefixKey key, unsigned length) noexcept {
  const unsigned next = key_byte(key, length);
  return (next & 0xC0U) != 0x80U && (!kAsciiWord[key_byte(key, length - 1)] || !kAsciiWord[next]);
}

// A word's opening: its first four bytes, or, when the word is shorter, the word and one 0x01
// for the byte that ends it. So "us," "us " and "us" at the end all open alike, the same as the
// alias "us" does, and a run of spaces after a short word no longer matters. `word_bytes` is the
// length of the word at the key's start (at least one).
PrefixKey opening_from(PrefixKey key, unsigned word_bytes) noexcept {
  const unsigned length = std::min(word_bytes, 4U);
  return first_bytes(key, length) | key_with_byte(length, length < 4 ? 1U : 0U);
}

// The opening of a key, its word's length read from the key itself.
PrefixKey opening_of(PrefixKey key) noexcept {
  const unsigned second = kAsciiWord[key_byte(key, 1)] ? 1U : 0U;
  const unsigned third = second & (kAsciiWord[key_byte(key, 2)] ? 1U : 0U);
  const unsigned fourth = third & (kAsciiWord[key_byte(key, 3)] ? 1U : 0U);
  return opening_from(key, 1 + second + third + fourth);
}

// News set in ASCII but for typographic quotes and dashes is searched like ASCII: these three-
// byte characters (E2 80 xx) fold to one ASCII byte, which the search puts in their place.
// 0 for any other third byte.
unsigned char typographic_fold(unsigned char third) noexcept {
  switch (third) {
    case 0x98:  // ‘
    case 0x99:  // ’
      return '\'';
    case 0x9C:  // “
    case 0x9D:  // ”
      return '"';
    case 0x93:  // –
    case 0x94:  // —
      return '-';
    default:
      return 0;
  }
}

// Is there a typographic character (3 bytes, folding to 1) at data[pos]? Its folded byte, or 0.
unsigned char typographic_at(const unsigned char* data, std::size_t size, std::size_t pos) noexcept {
  if (size - pos < 3 || data[pos] != 0xE2 || data[pos + 1] != 0x80) return 0;
  return typographic_fold(data[pos + 2]);
}

// The part of a text searched unfolded (ASCII but for typographic quotes and dashes) that
// context_rejects reads around a name at [start, end): the word before it, past white space and
// one comma or period; the word after it, past a possessive 's (or ’s) and white space, and one
// character more (looks_like_name asks whether a period follows an initial). Its ends cut
// neither a run of white space nor a character, so folding it gives exactly the bytes that
// folding the whole text gives there.
struct ContextWindow {
  std::size_t begin = 0;
  std::size_t end = 0;
};

ContextWindow context_window(const unsigned char* data, std::size_t size, std::size_t start, std::size_t end) noexcept {
  ContextWindow window{start, end};
  std::size_t& begin = window.begin;
  while (begin > 0 && kAsciiSpace[data[begin - 1]]) --begin;
  if (begin > 0 && (data[begin - 1] == ',' || data[begin - 1] == '.')) --begin;
  while (begin > 0 && kAsciiSpace[data[begin - 1]]) --begin;
  while (begin > 0 && kAsciiWord[data[begin - 1]]) --begin;
  std::size_t& after = window.end;
  // A possessive: ' or ’, then s, then no word character.
  const std::size_t quote = after == size                              ? 0
                            : data[after] == '\''                        ? 1
                            : typographic_at(data, size, after) == '\'' ? 3
                                                                         : 0;
  if (quote > 0 && size - after > quote && kAsciiLower[data[after + quote]] == 's' &&
      (after + quote + 1 == size || !kAsciiWord[data[after + quote + 1]])) {
    after += quote + 1;
  }
  while (after < size && kAsciiSpace[data[after]]) ++after;
  while (after < size && kAsciiWord[data[after]]) ++after;
  if (after < size) after += data[after] < 0x80 ? 1 : 3;  // one character more, whole
  while (after < size && kAsciiSpace[data[after]] && kAsciiSpace[data[after - 1]]) ++after;
  return window;
}

// Does the key hold two white space bytes side by side? A lowered ASCII text keeps every white
// space byte where fold_text collapses a run into one, so such a key does not line up with the
// folded text.
bool has_double_space(PrefixKey key) noexcept {
  const PrefixKey spaces = bytes_equal(key, ' ');
  return (spaces & (spaces >> 8U)) != 0;
}

// The key at pos of a lowered text as fold_text would have it: each run of white space one
// space. (A run holding a blank line folds to '\n', which no alias holds: reading it as a space
// can only let more through.)
PrefixKey collapsed_key(const unsigned char* lowered, std::size_t pos, std::size_t size) noexcept {
  unsigned char bytes[8] = {};
  std::size_t count = 0;
  for (std::size_t i = pos; i < size && count < 8; ++i) {
    if (lowered[i] == ' ' && count > 0 && bytes[count - 1] == ' ') continue;
    bytes[count++] = lowered[i];
  }
  return load_key(bytes);
}

// Bit i set when byte i of the 64 at `at` of a lowered text is a letter or a digit.
std::uint64_t word_bytes_in_block(const unsigned char* at) noexcept {
#if defined(__SSE2__)
  std::uint64_t words = 0;
  for (int part = 0; part < 4; ++part) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 16 * part));
    // Shifted so each wanted range starts at -128: one signed compare tests it.
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(static_cast<char>(128 - 'a'))),
                                          _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(static_cast<char>(128 - '0'))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 10)));
    const auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    words |= static_cast<std::uint64_t>(mask) << (16 * part);
  }
  return words;
#else
  std::uint64_t words = 0;
  for (int i = 0; i < 64; ++i) words |= static_cast<std::uint64_t>(kAsciiWord[at[i]]) << i;
  return words;
#endif
}

// Stands in the lowered copy for the second and third bytes of a typographic character: no word
// byte, no space, and no byte of any alias, so no key holding it is listed (see has_filler).
constexpr unsigned char kFiller = 0x01;

// Does the key hold a filler byte? Its bytes no longer line up with the folded text.
bool has_filler(PrefixKey key) noexcept { return bytes_equal(key, kFiller) != 0; }

// Lowers one character at in[i], advancing i; false for a byte that is neither ASCII nor the
// start of a typographic character.
bool lower_one(const unsigned char* in, std::size_t size, std::size_t& i, unsigned char* out) noexcept {
  if (in[i] < 0x80) {
    out[i] = kAsciiSpace[in[i]] ? ' ' : kAsciiLower[in[i]];
    ++i;
    return true;
  }
  const unsigned char folded = typographic_at(in, size, i);
  if (folded == 0) return false;
  out[i] = folded;
  out[i + 1] = kFiller;
  out[i + 2] = kFiller;
  i += 3;
  return true;
}

// A text byte for byte: letters lower-cased, every white space byte made ' ' as fold_text folds
// a lone one, and a typographic quote or dash made its ASCII fold and two fillers; then 64 zero
// bytes, so keys and blocks never read past the end. False, at once, for a text holding any
// other non-ASCII character: it needs the folded search.
bool lower_ascii(std::string_view text, std::vector<unsigned char>& lowered) {
  lowered.resize(text.size() + 64);
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  unsigned char* out = lowered.data();
  std::size_t i = 0;
#if defined(__SSE2__)
  while (i + 16 <= size) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    if (_mm_movemask_epi8(block) != 0) {
      // A block with a non-ASCII byte goes one character at a time (the last may run past it).
      const std::size_t block_end = i + 16;
      while (i < block_end) {
        if (!lower_one(in, size, i, out)) return false;
      }
      continue;
    }
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(static_cast<char>(128 - 'A'))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 26)));
    // White space: 0x09 to 0x0D, and ' ', which stays as it is.
    const __m128i control = _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(static_cast<char>(128 - 0x09))),
                                           _mm_set1_epi8(static_cast<char>(-128 + 5)));
    __m128i result = _mm_or_si128(block, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    result = _mm_or_si128(_mm_andnot_si128(control, result), _mm_and_si128(control, _mm_set1_epi8(' ')));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), result);
    i += 16;
  }
#endif
  while (i < size) {
    if (!lower_one(in, size, i, out)) return false;
  }
  std::memset(out + size, 0, 64);
  return true;
}

// The code point ending just before byte `pos` of valid UTF-8 (folded text always is).
char32_t previous_char(std::string_view text, std::size_t pos) noexcept {
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) --start;
  return decode_utf8(text, start);
}

// The word of folded text starting at pos: its word characters, possibly none.
std::string_view word_from(std::string_view text, std::size_t pos) noexcept {
  std::size_t end = pos;
  while (end < text.size()) {
    std::size_t next = end;
    if (!is_word_char(decode_utf8(text, next))) break;
    end = next;
  }
  return text.substr(pos, end - pos);
}

// The word of folded text ending at end, possibly none.
std::string_view word_before(std::string_view text, std::size_t end) noexcept {
  std::size_t start = end;
  while (start > 0 && is_word_char(previous_char(text, start))) {
    --start;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) --start;
  }
  return text.substr(start, end - start);
}

// Does the folded word at [start, start + length) have the shape of a name: a capital, then a
// small letter ("Smith"), or an initial before an apostrophe or a period ("O'Brien", "J. Smith")?
// In an all-caps headline every word is capitalised, so there the shape tells nothing.
bool looks_like_name(const FoldedText& folded, std::size_t start, std::size_t length) noexcept {
  if (folded.letter_cases[start] != LetterCase::upper) return false;
  std::size_t second = start;
  decode_utf8(folded.bytes, second);  // the second character starts here
  if (second < start + length) return folded.letter_cases[second] == LetterCase::lower;
  return second < folded.bytes.size() && (folded.bytes[second] == '\'' || folded.bytes[second] == '.');
}

// Does a word character cp join the character after it into one word? Not when it is of a
// script written without spaces (中国和美国): there each character is a word of its own.
bool joins_next(char32_t cp) noexcept {
  return is_word_char(cp) && !is_spaceless_script(cp);
}

bool word_ends_at(std::string_view text, std::size_t pos) noexcept {
  if (pos >= text.size()) return true;
  const char32_t previous = previous_char(text, pos);
  // An alias ending in punctuation ("U.S.") ends a word wherever it ends.
  if (pos > 0 && !is_word_char(previous)) return true;
  std::size_t probe = pos;
  const char32_t next = decode_utf8(text, probe);
  if (!is_word_char(next)) return true;
  // A combining mark belongs to the character before it: no name ends between them.
  if (is_mark(next)) return false;
  return is_spaceless_script(previous) || is_spaceless_script(next);
}

// The end in the original text of a match ending before folded byte `end`: the end of its last
// character and of any marks on it that folding dropped (accents, harakat), but not of invisible characters after it
// (a soft hyphen, a zero-width joiner), which belong to no name.
std::size_t original_end(std::string_view text, const FoldedText& folded, std::size_t end) noexcept {
  std::size_t pos = folded.origin[end - 1];
  const char32_t last = decode_utf8(text, pos);
  if (last >= 0x1100 && last <= 0x1112) {
    // A Hangul syllable typed as jamo (fold_text composes it): its vowel and tail are part of it.
    for (const auto& [first, final] : {std::pair<char32_t, char32_t>{0x1161, 0x1175}, {0x11A8, 0x11C2}}) {
      std::size_t next = pos;
      if (next >= text.size()) break;
      const char32_t cp = decode_utf8(text, next);
      if (cp < first || cp > final) break;
      pos = next;
    }
  }
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t cp = decode_utf8(text, next);
    if (!is_dropped_mark(cp)) break;
    pos = next;
  }
  return pos;
}

}  // namespace

Matcher::Matcher(const Gazetteer& gazetteer, MatchOptions options) : options_(options) {
  auto tables = std::make_shared<Tables>();
  std::vector<Node>& nodes = tables->nodes;
  std::vector<unsigned char>& edge_labels = tables->edge_labels;
  std::vector<std::int32_t>& edge_targets = tables->edge_targets;
  std::vector<Terminal>& terminals = tables->terminals;
  std::vector<LetterCase>& case_patterns = tables->case_patterns;
  std::vector<CompoundPart>& compound_parts = tables->compound_parts;
  std::vector<std::int32_t>& dense_children = tables->dense_children;
  FoldedText folded;

  // Context rules, grouped by the folded alias they guard.
  std::map<std::string, std::vector<CompiledContext>> contexts_by_alias;
  for (const ContextRule& rule : gazetteer.contexts()) {
    CompiledContext compiled;
    compiled.side = rule.side;
    for (const std::string& word : rule.words) {
      if (word == "*") {
        compiled.any_capitalised = true;
      } else {
        compiled.words.push_back(fold(word));
      }
    }
    for (const std::string& word : rule.exceptions) compiled.exceptions.push_back(fold(word));
    contexts_by_alias[fold(rule.text)].push_back(std::move(compiled));
  }

  // First each alias's terminal and folded text; then the trie, built flat from the folded texts
  // in sorted order, where a node's children are runs of texts sharing a prefix: no node of a
  // pointer trie is allocated, which with every language's names loaded was most of start-up.
  std::vector<std::string> texts;
  texts.reserve(gazetteer.aliases().size());
  for (const Alias& alias : gazetteer.aliases()) {
    // Without --places capitals a capital is a place, not a mention, but it still blocks the
    // names inside it as a stop phrase does: "Mexico City" is no mention of Mexico.
    const bool blocks_only = alias.kind == AliasKind::capital && !options_.capitals;
    const std::uint32_t entity = blocks_only ? Alias::kStop : alias.entity;
    fold_text(alias.text, folded);
    if (folded.bytes.empty()) continue;
    Terminal terminal;
    terminal.languages = alias.languages;
    terminal.entity = entity;
    terminal.rule = alias.rule;
    terminal.case_offset = static_cast<std::uint32_t>(case_patterns.size());
    terminal.first_context = static_cast<std::uint32_t>(contexts_.size());
    if (alias.kind == AliasKind::compound) {
      // Each entity spans the folded bytes of its own character of the alias.
      terminal.first_part = static_cast<std::uint32_t>(compound_parts.size());
      terminal.part_count = static_cast<std::uint32_t>(alias.compound.size());
      std::size_t pos = 0;
      std::uint32_t folded_start = 0;
      for (const std::uint32_t part : alias.compound) {
        const std::size_t character = pos;
        decode_utf8(alias.text, pos);
        const auto folded_end = static_cast<std::uint32_t>(folded_start + fold(alias.text.substr(character, pos - character)).size());
        compound_parts.push_back(CompoundPart{part, folded_start, folded_end});
        folded_start = folded_end;
      }
    }
    if (const auto rules = contexts_by_alias.find(folded.bytes); rules != contexts_by_alias.end()) {
      terminal.context_count = static_cast<std::uint32_t>(rules->second.size());
      contexts_.insert(contexts_.end(), rules->second.begin(), rules->second.end());
    }
    terminals.push_back(terminal);
    const PrefixKey key = padded_key(folded.bytes, 0);
    const auto length = static_cast<unsigned>(std::min<std::size_t>(8, folded.bytes.size()));
    // An alias's opening is what the opening of a text holding it must be.
    (length < 4 ? short_openings_ : long_openings_).add(opening_of(key), length);
    if (length >= 4) first_eight_.add(key, length);
    longest_alias_ = std::max(longest_alias_, folded.bytes.size());
    case_patterns.insert(case_patterns.end(), folded.letter_cases.begin(), folded.letter_cases.end());
    texts.push_back(folded.bytes);
  }
  std::vector<std::uint32_t> order(texts.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  // Equal texts (the gazetteer keys aliases by folded text, so there should be none) keep
  // their order: the last one ends the path, as a later alias overrides an earlier one.
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });

  // Node `node` holds the texts order[first, last), which share their first `depth` bytes.
  nodes.emplace_back();
  struct Pending {
    std::int32_t node;
    std::size_t first, last, depth;
  };
  std::vector<Pending> stack{{0, 0, order.size(), 0}};
  while (!stack.empty()) {
    const Pending at = stack.back();
    stack.pop_back();
    std::size_t first = at.first;
    while (first < at.last && texts[order[first]].size() == at.depth) {
      nodes[static_cast<std::size_t>(at.node)].terminal = static_cast<std::int32_t>(order[first]);
      ++first;
    }
    nodes[static_cast<std::size_t>(at.node)].first_edge = static_cast<std::uint32_t>(edge_labels.size());
    std::uint32_t edges = 0;
    for (std::size_t run = first; run < at.last;) {
      const char byte = texts[order[run]][at.depth];
      std::size_t end = run + 1;
      while (end < at.last && texts[order[end]][at.depth] == byte) ++end;
      const auto child = static_cast<std::int32_t>(nodes.size());
      nodes.emplace_back();
      edge_labels.push_back(static_cast<unsigned char>(byte));
      edge_targets.push_back(child);
      stack.push_back({child, run, end, at.depth + 1});
      ++edges;
      run = end;
    }
    nodes[static_cast<std::size_t>(at.node)].edge_count = edges;
  }

  for (std::size_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].edge_count < kDenseChildren) continue;
    nodes[i].dense = static_cast<std::int32_t>(dense_children.size() / 256);
    dense_children.resize(dense_children.size() + 256, -1);
    std::int32_t* row = dense_children.data() + 256 * static_cast<std::size_t>(nodes[i].dense);
    for (std::uint32_t e = 0; e < nodes[i].edge_count; ++e) {
      row[edge_labels[nodes[i].first_edge + e]] = edge_targets[nodes[i].first_edge + e];
    }
  }
  std::fill(std::begin(root_children_), std::end(root_children_), -1);
  for (std::uint32_t e = 0; e < nodes[0].edge_count; ++e) {
    root_children_[edge_labels[nodes[0].first_edge + e]] = edge_targets[nodes[0].first_edge + e];
  }
  view(*tables);
  tables_ = std::move(tables);
}

void Matcher::view(const Tables& tables) noexcept {
  nodes_ = tables.nodes;
  edge_labels_ = tables.edge_labels;
  edge_targets_ = tables.edge_targets;
  terminals_ = tables.terminals;
  case_patterns_ = tables.case_patterns;
  compound_parts_ = tables.compound_parts;
  dense_children_ = tables.dense_children;
}

void Matcher::PrefixSet::add(PrefixKey key, unsigned length) {
  const std::size_t slot = slot_of(key);
  bits[slot / 64] |= std::uint64_t{1} << (slot % 64);
  lengths |= 1U << length;
}

Matcher::Opening Matcher::opening_kind(PrefixKey opening) const noexcept {
  const std::size_t slot = PrefixSet::slot_of(opening);
  if (short_openings_.has_slot(slot)) return Opening::short_alias;
  return long_openings_.has_slot(slot) ? Opening::long_alias : Opening::none;
}

bool Matcher::opening_listed(PrefixKey opening) const noexcept {
  const std::size_t slot = PrefixSet::slot_of(opening);
  return short_openings_.has_slot(slot) | long_openings_.has_slot(slot);
}

bool Matcher::first_eight_listed(PrefixKey key) const noexcept {
  if (first_eight_.contains(key)) return true;
  for (unsigned length = 4; length < 8; ++length) {
    if ((first_eight_.lengths >> length & 1U) != 0 && may_end_after(key, length) &&
        first_eight_.contains(first_bytes(key, length))) {
      return true;
    }
  }
  return false;
}

// Inlined into the trie walks, which call it for every byte they read.
[[gnu::always_inline]] inline std::int32_t Matcher::child(std::int32_t node, unsigned char byte) const noexcept {
  if (node == 0) return root_children_[byte];
  const Node& n = nodes_[static_cast<std::size_t>(node)];
  if (n.dense >= 0) return dense_children_[256 * static_cast<std::size_t>(n.dense) + byte];
  // Few children: a scan of their sorted labels beats a binary search.
  const unsigned char* labels = edge_labels_.data() + n.first_edge;
  for (std::uint32_t i = 0; i < n.edge_count; ++i) {
    if (labels[i] == byte) return edge_targets_[n.first_edge + i];
    if (labels[i] > byte) break;
  }
  return -1;
}

bool Matcher::case_matches(const Terminal& terminal, const LetterCase* actual, std::size_t length) const noexcept {
  if (terminal.rule == CaseRule::any) return true;
  if (terminal.rule == CaseRule::name && options_.ignore_case) return true;
  const LetterCase* pattern = case_patterns_.data() + terminal.case_offset;
  for (std::size_t i = 0; i < length; ++i) {
    if (terminal.rule == CaseRule::exact) {
      if (pattern[i] != actual[i]) return false;
    } else if (pattern[i] == LetterCase::upper && actual[i] != LetterCase::upper) {
      return false;
    }
  }
  return true;
}

bool Matcher::context_rejects(const Terminal& terminal, const FoldedText& folded, std::size_t start,
                              std::size_t end) const noexcept {
  if (terminal.context_count == 0) return false;
  const std::string_view bytes = folded.bytes;

  // The word after: past a possessive 's and one space. Punctuation in between means none.
  std::size_t after = end;
  if (bytes.substr(after, 2) == "'s" && word_from(bytes, after + 2).empty()) after += 2;
  std::string_view next_word;
  std::size_t next_start = after + 1;
  if (after < bytes.size() && bytes[after] == ' ') next_word = word_from(bytes, next_start);

  // The word before: past one space and at most one comma or period ("Atlanta, Georgia",
  // "Mrs. Washington").
  std::size_t before = start;
  if (before > 0 && bytes[before - 1] == ' ') --before;
  if (before > 0 && (bytes[before - 1] == ',' || bytes[before - 1] == '.')) --before;
  const std::string_view previous_word = before < start ? word_before(bytes, before) : std::string_view{};
  const std::size_t previous_start = before - previous_word.size();

  for (std::uint32_t i = 0; i < terminal.context_count; ++i) {
    const CompiledContext& rule = contexts_[terminal.first_context + i];
    const bool looks_after = rule.side == ContextSide::not_before;
    const std::string_view word = looks_after ? next_word : previous_word;
    if (word.empty()) continue;
    if (std::find(rule.words.begin(), rule.words.end(), word) != rule.words.end()) return true;
    if (!rule.any_capitalised) continue;
    const std::size_t word_start = looks_after ? next_start : previous_start;
    const bool exempt = std::find(rule.exceptions.begin(), rule.exceptions.end(), word) != rule.exceptions.end();
    if (!exempt && looks_like_name(folded, word_start, word.size())) return true;
  }
  return false;
}

namespace {

// Mention::language for a name of `languages` found in a document of `active` languages.
LanguageIndex mention_language(LanguageMask languages, const ActiveLanguages& active) noexcept {
  if ((languages & (language_bit(active.primary) | kEveryLanguage)) != 0) return active.primary;
  if ((languages & language_bit(kEnglish)) != 0) return kEnglish;
  const LanguageMask shown = languages & active.mask;
  return static_cast<LanguageIndex>(std::countr_zero(shown != 0 ? shown : languages));
}

}  // namespace

void Matcher::find_mentions(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                            ActiveLanguages active) const {
  out.clear();
  // Names in every language, and English names, match in every document.
  active.mask |= kEveryLanguage | language_bit(kEnglish);
  scratch.prepared_size = text.size();
  if (lower_ascii(text, scratch.lowered)) {
    scratch.prepared = MatchScratch::Prepared::lowered;
    find_in_ascii(text, scratch, out, active);
  } else {
    fold_text(text, scratch.folded);
    scratch.prepared = MatchScratch::Prepared::folded;
    find_in_folded(text, scratch, out, active);
  }
}

void Matcher::find_mentions_again(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                                  ActiveLanguages active) const {
  if (scratch.prepared == MatchScratch::Prepared::nothing || scratch.prepared_size != text.size()) {
    find_mentions(text, scratch, out, active);
    return;
  }
  out.clear();
  active.mask |= kEveryLanguage | language_bit(kEnglish);
  // Neither search changes what it reads: find_in_ascii folds context windows into
  // scratch.folded, but reads only scratch.lowered again.
  if (scratch.prepared == MatchScratch::Prepared::lowered) {
    find_in_ascii(text, scratch, out, active);
  } else {
    find_in_folded(text, scratch, out, active);
  }
}

// A text that is ASCII but for typographic quotes and dashes (most news) is searched as it is,
// folding each character on the way through the trie, as fold_text would: letters to lower case,
// ’ to ', – to -, a run of white space to one space, or to '\n' when it holds a blank line. The same matches as find_in_folded, without a folded copy of
// the text: word starts and the prefix filter read scratch.lowered (made by find_mentions), and
// only the words around a name with context records get folded.
void Matcher::find_in_ascii(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                            const ActiveLanguages& active) const {
  const std::size_t size = text.size();
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  scratch.step_case.resize(longest_alias_ + 1);

  // Word starts come from a bit mask of word bytes, 64 bytes at a time, over a lowered copy;
  // each is tried only when the prefix filter lets it through. No match starts inside the
  // previous one.
  const unsigned char* lowered = scratch.lowered.data();
  std::size_t resume = 0;
  std::uint64_t word_before_block = 0;  // 1 when the byte before the block is a word byte
  std::uint64_t words = word_bytes_in_block(lowered);
  for (std::size_t block = 0; block < size; block += 64) {
    const std::uint64_t next_words = block + 64 < size ? word_bytes_in_block(lowered + block + 64) : 0;
    const std::uint64_t starts = words & ~((words << 1U) | word_before_block);
    // First every word start of the block against the openings, without a branch on the
    // answer (which no predictor guesses well); then only the few listed ones, one by one.
    std::uint64_t listed = 0;
    for (std::uint64_t rest = starts; rest != 0; rest &= rest - 1) {
      const auto bit = static_cast<unsigned>(std::countr_zero(rest));
      const std::uint64_t ahead = (words >> bit) | (next_words << (63U - bit) << 1U);
      const auto word_bytes = static_cast<unsigned>(std::countr_one(ahead));
      listed |= std::uint64_t{opening_listed(opening_from(load_key(lowered + block + bit), word_bytes))} << bit;
    }
    word_before_block = words >> 63U;
    words = next_words;
    while (listed != 0) {
      const std::size_t pos = block + static_cast<std::size_t>(std::countr_zero(listed));
      listed &= listed - 1;
      if (pos < resume) continue;
      PrefixKey key = load_key(lowered + pos);
      // Past a typographic character the lowered bytes no longer line up with the folded text:
      // then the trie decides.
      if (opening_kind(opening_of(key)) == Opening::long_alias && !has_filler(key)) {
        if (has_double_space(key)) key = collapsed_key(lowered, pos, size);
        if (!has_filler(key) && !first_eight_listed(key)) continue;
      }
      const AsciiMatch match = longest_ascii_match(data, size, pos, scratch, active.mask);
      if (match.terminal == nullptr) continue;
      bool rejected = false;
      if (match.terminal->entity != Alias::kStop && match.terminal->context_count > 0) {
        // Only the words around the name are folded, as fold_text folds them in the whole text.
        const ContextWindow window = context_window(data, size, pos, match.end);
        fold_text(text.substr(window.begin, window.end - window.begin), scratch.folded);
        const auto& origin = scratch.folded.origin;
        const auto start = static_cast<std::size_t>(
            std::lower_bound(origin.begin(), origin.end() - 1, static_cast<std::uint32_t>(pos - window.begin)) -
            origin.begin());
        rejected = context_rejects(*match.terminal, scratch.folded, start, start + match.length);
      }
      if (match.terminal->entity != Alias::kStop && !rejected) {
        out.push_back(Mention{match.terminal->entity, pos, match.end, 0, 0, 0,
                              mention_language(match.terminal->languages, active)});
      }
      resume = match.end;
    }
  }
}

// The longest alias starting at word start pos of a text searched unfolded that ends at a word
// end and passes its case rule, walking the trie with each character folded as fold_text would
// fold it: letters to lower case, a typographic quote or dash to its ASCII byte, a run of white
// space to one space, or to '\n' when it holds a blank line.
Matcher::AsciiMatch Matcher::longest_ascii_match(const unsigned char* data, std::size_t size, std::size_t pos,
                                                 MatchScratch& scratch, LanguageMask active) const noexcept {
  AsciiMatch best;
  std::int32_t node = 0;
  std::size_t steps = 0;
  std::size_t i = pos;
  while (i < size && steps <= longest_alias_) {
    const unsigned char byte = data[i];
    unsigned char folded_byte = kAsciiLower[byte];
    std::size_t after = i + 1;
    LetterCase letter = kAsciiCase[byte];
    if (byte >= 0x80) {  // a typographic quote or dash, as lower_ascii let through
      folded_byte = typographic_at(data, size, i);
      after = i + 3;
    } else if (kAsciiSpace[byte]) {
      int line_breaks = byte == '\n' ? 1 : 0;
      while (after < size && kAsciiSpace[data[after]]) line_breaks += data[after++] == '\n' ? 1 : 0;
      folded_byte = line_breaks >= 2 ? '\n' : ' ';
      letter = LetterCase::none;
    }
    node = child(node, folded_byte);
    if (node < 0) break;
    scratch.step_case[steps] = letter;
    ++steps;
    i = after;
    const std::int32_t terminal = nodes_[static_cast<std::size_t>(node)].terminal;
    if (terminal < 0) continue;
    // The folded text's word end: nothing follows, the name ends in punctuation, or the next
    // character is no word character.
    if (i < size && kAsciiWord[byte] && kAsciiWord[data[i]]) continue;
    const Terminal& candidate = terminals_[static_cast<std::size_t>(terminal)];
    // A name of a language not active is no name here, and hides no shorter one.
    if ((candidate.languages & active) == 0) continue;
    if (case_matches(candidate, scratch.step_case.data(), steps)) {
      best.terminal = &candidate;
      best.end = i;
      best.length = steps;
    }
  }
  return best;
}

void Matcher::find_in_folded(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out,
                             const ActiveLanguages& active) const {
  const FoldedText& folded = scratch.folded;
  const std::string_view bytes = folded.bytes;
  const std::size_t size = bytes.size();

  // One pass over the folded text, word by word: a match can only start where a word starts,
  // and most words fail at their first or second byte in the trie. ASCII bytes are classified
  // by table; other characters are decoded.
  bool after_word = false;  // is the character before pos a word character joined to pos?
  std::size_t pos = 0;
  while (pos < size) {
    const auto byte = static_cast<unsigned char>(bytes[pos]);
    std::size_t next = pos + 1;  // past this character
    bool alone = false;          // is it a word of its own (中)?
    if (byte < 0x80) {
      if (!kAsciiWord[byte]) {
        after_word = false;
        pos = next;
        continue;
      }
      if (after_word) {  // inside a word: no match starts here, nor at its other ASCII letters
        while (next < size && static_cast<unsigned char>(bytes[next]) < 0x80 &&
               kAsciiWord[static_cast<unsigned char>(bytes[next])]) {
          ++next;
        }
        pos = next;
        continue;
      }
    } else {
      next = pos;
      const CharacterClass character = character_class(decode_utf8_inline(bytes, next));
      const bool word = character.word;
      // A character of a script without spaces starts a word of its own, whatever precedes it.
      alone = word && character.spaceless;
      if (!word || (after_word && !alone)) {
        after_word = word;
        pos = next;
        continue;
      }
    }
    // A word starts at pos; most cannot start a name at all, as the prefix filter tells.
    const PrefixKey key = size - pos >= 8 ? load_key(reinterpret_cast<const unsigned char*>(bytes.data()) + pos)
                                          : padded_key(bytes, pos);
    const Opening opening = opening_kind(opening_of(key));
    if (opening == Opening::none || (opening == Opening::long_alias && !first_eight_listed(key))) {
      after_word = !alone;
      pos = next;
      continue;
    }
    std::size_t best_end = 0;
    const Terminal* best = nullptr;
    std::int32_t node = 0;
    for (std::size_t i = pos; i < size; ++i) {
      node = child(node, static_cast<unsigned char>(bytes[i]));
      if (node < 0) break;
      const std::int32_t terminal = nodes_[static_cast<std::size_t>(node)].terminal;
      if (terminal < 0 || !word_ends_at(bytes, i + 1)) continue;
      const Terminal& candidate = terminals_[static_cast<std::size_t>(terminal)];
      if ((candidate.languages & active.mask) == 0) continue;
      if (case_matches(candidate, folded.letter_cases.data() + pos, i + 1 - pos)) {
        best = &candidate;
        best_end = i + 1;
      }
    }
    if (best == nullptr) {
      after_word = !alone;
      pos = next;
      continue;
    }
    if (best->part_count > 0) {
      if (context_rejects(*best, folded, pos, best_end)) {
        pos = best_end;
        after_word = is_word_char(previous_char(bytes, pos));
        continue;
      }
      // A compound (中美): a mention of each entity, on its own character.
      const LanguageIndex language = mention_language(best->languages, active);
      for (std::uint32_t i = 0; i < best->part_count; ++i) {
        const CompoundPart& part = compound_parts_[best->first_part + i];
        out.push_back(Mention{part.entity, folded.origin[pos + part.start], original_end(text, folded, pos + part.end),
                              0, 0, 0, language});
      }
    } else if (best->entity != Alias::kStop && !context_rejects(*best, folded, pos, best_end)) {
      out.push_back(Mention{best->entity, folded.origin[pos], original_end(text, folded, best_end), 0, 0, 0,
                            mention_language(best->languages, active)});
    }
    pos = best_end;
    // An alias may end in punctuation ("U.S."): what comes next may then start a word.
    after_word = joins_next(previous_char(bytes, pos));
  }
}

}  // namespace comention
