#include "comention/matcher.hpp"

#include <algorithm>
#include <map>

namespace comention {
namespace {

// The code point ending just before byte `pos` of valid UTF-8 (folded text always is).
char32_t previous_char(std::string_view text, std::size_t pos) noexcept {
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) --start;
  return decode_utf8(text, start);
}

bool word_starts_at(std::string_view text, std::size_t pos) noexcept {
  std::size_t probe = pos;
  if (!is_word_char(decode_utf8(text, probe))) return false;
  return pos == 0 || !is_word_char(previous_char(text, pos));
}

bool word_ends_at(std::string_view text, std::size_t pos) noexcept {
  if (pos >= text.size()) return true;
  // An alias ending in punctuation ("U.S.") ends a word wherever it ends.
  if (pos > 0 && !is_word_char(previous_char(text, pos))) return true;
  std::size_t probe = pos;
  return !is_word_char(decode_utf8(text, probe));
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
  for (const Alias& alias : gazetteer.aliases()) {
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
    terminals_.push_back({alias.entity, alias.rule, static_cast<std::uint32_t>(case_patterns_.size())});
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
  std::fill(std::begin(root_children_), std::end(root_children_), -1);
  for (const auto& [byte, target] : build[0].children) root_children_[byte] = target;
}

std::int32_t Matcher::child(std::int32_t node, unsigned char byte) const noexcept {
  if (node == 0) return root_children_[byte];
  const Node& n = nodes_[static_cast<std::size_t>(node)];
  const auto first = edge_labels_.begin() + n.first_edge;
  const auto last = first + n.edge_count;
  const auto it = std::lower_bound(first, last, byte);
  if (it == last || *it != byte) return -1;
  return edge_targets_[static_cast<std::size_t>(it - edge_labels_.begin())];
}

bool Matcher::case_matches(const Terminal& terminal, const FoldedText& folded, std::size_t start,
                           std::size_t length) const noexcept {
  if (terminal.rule == CaseRule::any) return true;
  if (terminal.rule == CaseRule::name && options_.ignore_case) return true;
  const LetterCase* pattern = case_patterns_.data() + terminal.case_offset;
  const LetterCase* actual = folded.letter_cases.data() + start;
  for (std::size_t i = 0; i < length; ++i) {
    if (terminal.rule == CaseRule::exact) {
      if (pattern[i] != actual[i]) return false;
    } else if (pattern[i] == LetterCase::upper && actual[i] != LetterCase::upper) {
      return false;
    }
  }
  return true;
}

void Matcher::find_mentions(std::string_view text, MatchScratch& scratch,
                            std::vector<Mention>& out) const {
  out.clear();
  FoldedText& folded = scratch.folded;
  fold_text(text, folded);
  const std::string_view bytes = folded.bytes;

  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (!word_starts_at(bytes, pos)) {
      ++pos;
      continue;
    }
    std::size_t best_end = 0;
    const Terminal* best = nullptr;
    std::int32_t node = 0;
    for (std::size_t i = pos; i < bytes.size(); ++i) {
      node = child(node, static_cast<unsigned char>(bytes[i]));
      if (node < 0) break;
      const std::int32_t terminal = nodes_[static_cast<std::size_t>(node)].terminal;
      if (terminal < 0 || !word_ends_at(bytes, i + 1)) continue;
      const Terminal& candidate = terminals_[static_cast<std::size_t>(terminal)];
      if (case_matches(candidate, folded, pos, i + 1 - pos)) {
        best = &candidate;
        best_end = i + 1;
      }
    }
    if (best == nullptr) {
      ++pos;
      continue;
    }
    if (best->entity != Alias::kStop) {
      out.push_back(Mention{best->entity, folded.origin[pos], folded.origin[best_end], 0, 0});
    }
    pos = best_end;
  }
}

}  // namespace comention
