#include "comention/matcher.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

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

// ASCII folded as fold_text folds it, for the search of all-ASCII texts.
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

// Eight bytes at a time: any byte with its high bit set ends an all-ASCII text.
bool is_ascii(std::string_view text) noexcept {
  std::size_t i = 0;
  std::uint64_t high = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t block = 0;
    std::memcpy(&block, text.data() + i, 8);
    high |= block;
  }
  for (; i < text.size(); ++i) high |= static_cast<unsigned char>(text[i]);
  return (high & 0x8080808080808080ULL) == 0;
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

bool word_ends_at(std::string_view text, std::size_t pos) noexcept {
  if (pos >= text.size()) return true;
  // An alias ending in punctuation ("U.S.") ends a word wherever it ends.
  if (pos > 0 && !is_word_char(previous_char(text, pos))) return true;
  std::size_t probe = pos;
  return !is_word_char(decode_utf8(text, probe));
}

// The end in the original text of a match ending before folded byte `end`: the end of its last
// character and of any combining accents on it, but not of invisible characters after it
// (a soft hyphen, a zero-width joiner), which belong to no name.
std::size_t original_end(std::string_view text, const FoldedText& folded, std::size_t end) noexcept {
  std::size_t pos = folded.origin[end - 1];
  decode_utf8(text, pos);
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t cp = decode_utf8(text, next);
    if (cp < 0x300 || cp > 0x36F) break;
    pos = next;
  }
  return pos;
}

}  // namespace

Matcher::Matcher(const Gazetteer& gazetteer, MatchOptions options) : options_(options) {
  // Build a pointer trie first, then flatten it so matching walks contiguous arrays.
  struct BuildNode {
    std::map<unsigned char, std::int32_t> children;
    std::int32_t terminal = -1;
  };
  std::vector<BuildNode> build(1);
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

  for (const Alias& alias : gazetteer.aliases()) {
    // Without --places capitals a capital is a place, not a mention, but it still blocks the
    // names inside it as a stop phrase does: "Mexico City" is no mention of Mexico.
    const bool blocks_only = alias.kind == AliasKind::capital && !options_.capitals;
    const std::uint32_t entity = blocks_only ? Alias::kStop : alias.entity;
    fold_text(alias.text, folded);
    if (folded.bytes.empty()) continue;
    std::int32_t node = 0;
    for (const char c : folded.bytes) {
      const auto byte = static_cast<unsigned char>(c);
      auto found = build[static_cast<std::size_t>(node)].children.find(byte);
      if (found == build[static_cast<std::size_t>(node)].children.end()) {
        build.emplace_back();
        const auto created = static_cast<std::int32_t>(build.size() - 1);
        build[static_cast<std::size_t>(node)].children.emplace(byte, created);
        node = created;
      } else {
        node = found->second;
      }
    }
    // The gazetteer keys aliases by folded text, so each trie path ends at most one alias.
    build[static_cast<std::size_t>(node)].terminal = static_cast<std::int32_t>(terminals_.size());
    Terminal terminal{entity, alias.rule, static_cast<std::uint32_t>(case_patterns_.size()),
                      static_cast<std::uint32_t>(contexts_.size()), 0};
    if (const auto rules = contexts_by_alias.find(folded.bytes); rules != contexts_by_alias.end()) {
      terminal.context_count = static_cast<std::uint32_t>(rules->second.size());
      contexts_.insert(contexts_.end(), rules->second.begin(), rules->second.end());
    }
    terminals_.push_back(terminal);
    longest_alias_ = std::max(longest_alias_, folded.bytes.size());
    case_patterns_.insert(case_patterns_.end(), folded.letter_cases.begin(), folded.letter_cases.end());
  }

  nodes_.resize(build.size());
  for (std::size_t i = 0; i < build.size(); ++i) {
    nodes_[i].first_edge = static_cast<std::uint32_t>(edge_labels_.size());
    nodes_[i].edge_count = static_cast<std::uint32_t>(build[i].children.size());
    nodes_[i].terminal = build[i].terminal;
    for (const auto& [byte, target] : build[i].children) {
      edge_labels_.push_back(byte);
      edge_targets_.push_back(target);
    }
  }
  for (std::size_t i = 1; i < nodes_.size(); ++i) {
    if (nodes_[i].edge_count < kDenseChildren) continue;
    nodes_[i].dense = static_cast<std::int32_t>(dense_children_.size() / 256);
    dense_children_.resize(dense_children_.size() + 256, -1);
    std::int32_t* row = dense_children_.data() + 256 * static_cast<std::size_t>(nodes_[i].dense);
    for (const auto& [byte, target] : build[i].children) row[byte] = target;
  }
  std::fill(std::begin(root_children_), std::end(root_children_), -1);
  for (const auto& [byte, target] : build[0].children) root_children_[byte] = target;
}

std::int32_t Matcher::child(std::int32_t node, unsigned char byte) const noexcept {
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

void Matcher::find_mentions(std::string_view text, MatchScratch& scratch,
                            std::vector<Mention>& out) const {
  out.clear();
  if (is_ascii(text)) {
    find_in_ascii(text, scratch, out);
  } else {
    find_in_folded(text, scratch, out);
  }
}

// An all-ASCII text (most wire copy) is searched as it is, folding each byte on the way through
// the trie, as fold_text would: letters to lower case, a run of white space to one space, or to
// '\n' when it holds a blank line. The same matches as find_in_folded, without writing a folded
// copy of the text; only a name with context records needs the folded text, made then.
void Matcher::find_in_ascii(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out) const {
  const std::size_t size = text.size();
  scratch.step_origin.resize(longest_alias_ + 1);
  scratch.step_case.resize(longest_alias_ + 1);
  bool folded_ready = false;
  auto byte_at = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };

  std::size_t pos = 0;
  while (pos < size) {
    // To the next word start.
    if (!kAsciiWord[byte_at(pos)]) {
      ++pos;
      continue;
    }
    if (root_children_[kAsciiLower[byte_at(pos)]] < 0) {
      while (pos < size && kAsciiWord[byte_at(pos)]) ++pos;
      continue;
    }
    std::size_t best_end = 0;       // original offset past the best match
    std::size_t best_length = 0;    // its length in folded bytes
    const Terminal* best = nullptr;
    std::int32_t node = 0;
    std::size_t steps = 0;
    std::size_t i = pos;
    while (i < size && steps <= longest_alias_) {
      const unsigned char byte = byte_at(i);
      unsigned char folded_byte = kAsciiLower[byte];
      std::size_t after = i + 1;
      LetterCase letter = kAsciiCase[byte];
      if (kAsciiSpace[byte]) {
        int line_breaks = byte == '\n' ? 1 : 0;
        while (after < size && kAsciiSpace[byte_at(after)]) line_breaks += byte_at(after++) == '\n' ? 1 : 0;
        folded_byte = line_breaks >= 2 ? '\n' : ' ';
        letter = LetterCase::none;
      }
      node = child(node, folded_byte);
      if (node < 0) break;
      scratch.step_origin[steps] = static_cast<std::uint32_t>(i);
      scratch.step_case[steps] = letter;
      ++steps;
      i = after;
      const std::int32_t terminal = nodes_[static_cast<std::size_t>(node)].terminal;
      if (terminal < 0) continue;
      // The folded text's word end: nothing follows, the name ends in punctuation, or the next
      // character is no word character.
      if (i < size && kAsciiWord[byte] && kAsciiWord[byte_at(i)]) continue;
      const Terminal& candidate = terminals_[static_cast<std::size_t>(terminal)];
      if (case_matches(candidate, scratch.step_case.data(), steps)) {
        best = &candidate;
        best_end = i;
        best_length = steps;
      }
    }
    if (best == nullptr) {
      while (pos < size && kAsciiWord[byte_at(pos)]) ++pos;
      continue;
    }
    bool rejected = false;
    if (best->entity != Alias::kStop && best->context_count > 0) {
      if (!folded_ready) {
        fold_text(text, scratch.folded);
        folded_ready = true;
      }
      const auto& origin = scratch.folded.origin;
      const auto start = static_cast<std::size_t>(
          std::lower_bound(origin.begin(), origin.end() - 1, static_cast<std::uint32_t>(pos)) - origin.begin());
      rejected = context_rejects(*best, scratch.folded, start, start + best_length);
    }
    if (best->entity != Alias::kStop && !rejected) out.push_back(Mention{best->entity, pos, best_end, 0, 0});
    pos = best_end;
    // After a name ending in a letter, the rest of that word cannot start a match; after one
    // ending in punctuation ("U.S."), what follows may.
    if (kAsciiWord[byte_at(pos - 1)]) {
      while (pos < size && kAsciiWord[byte_at(pos)]) ++pos;
    }
  }
}

void Matcher::find_in_folded(std::string_view text, MatchScratch& scratch, std::vector<Mention>& out) const {
  FoldedText& folded = scratch.folded;
  fold_text(text, folded);
  const std::string_view bytes = folded.bytes;
  const std::size_t size = bytes.size();

  // One pass over the folded text, word by word: a match can only start where a word starts,
  // and most words fail at their first or second byte in the trie. ASCII bytes are classified
  // by table; other characters are decoded.
  bool after_word = false;  // is the character before pos a word character?
  std::size_t pos = 0;
  while (pos < size) {
    const auto byte = static_cast<unsigned char>(bytes[pos]);
    std::size_t next = pos + 1;  // past this character
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
      const bool word = is_word_char(decode_utf8(bytes, next));
      if (!word || after_word) {
        after_word = word;
        pos = next;
        continue;
      }
    }
    // A word starts at pos; most cannot start a name at all.
    if (root_children_[byte] < 0) {
      after_word = true;
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
      if (case_matches(candidate, folded.letter_cases.data() + pos, i + 1 - pos)) {
        best = &candidate;
        best_end = i + 1;
      }
    }
    if (best == nullptr) {
      after_word = true;
      pos = next;
      continue;
    }
    if (best->entity != Alias::kStop && !context_rejects(*best, folded, pos, best_end)) {
      out.push_back(Mention{best->entity, folded.origin[pos], original_end(text, folded, best_end), 0, 0});
    }
    pos = best_end;
    // An alias may end in punctuation ("U.S."): what comes next may then start a word.
    after_word = is_word_char(previous_char(bytes, pos));
  }
}

}  // namespace comention
