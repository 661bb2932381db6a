#include "comention/text.hpp"

#include <algorithm>
#include <array>

namespace comention {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Base letters of U+00C0..U+017F, the Latin-1 and Latin Extended-A letters that news text
// uses in names (Côte, Türkiye, São Tomé, Curaçao, Réunion, Åland). nullptr: not a letter.
constexpr std::array<const char*, 0x180 - 0xC0> kLatinBase = {
    // U+00C0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

LetterCase latin_case(char32_t cp) noexcept {
  if (cp < 0x100) return cp < 0xDF ? LetterCase::upper : LetterCase::lower;  // ß is lower
  if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return LetterCase::lower;
  if (cp == 0x178) return LetterCase::upper;
  // Pairs alternate upper/lower, starting odd in U+0139..U+0148 and U+0179..U+017E.
  const bool odd_first = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  const bool odd = (cp & 1U) != 0;
  return odd == odd_first ? LetterCase::upper : LetterCase::lower;
}

bool is_combining_or_invisible(char32_t cp) noexcept {
  return (cp >= 0x300 && cp <= 0x36F) || cp == 0x200C || cp == 0x200D || cp == 0xFEFF ||
         cp == 0xAD || (cp >= 0xFE00 && cp <= 0xFE0F);
}

bool is_apostrophe(char32_t cp) noexcept {
  return cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x02BC || cp == 0x60 ||
         cp == 0xB4 || cp == 0x2032;
}

bool is_dash(char32_t cp) noexcept {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

bool is_double_quote(char32_t cp) noexcept {
  return (cp >= 0x201C && cp <= 0x201F) || cp == 0xAB || cp == 0xBB;
}

std::size_t utf8_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

char32_t decode_utf8(std::string_view text, std::size_t& pos) noexcept {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const std::size_t length = utf8_length(lead);
  if (length == 1) {
    ++pos;
    return lead;
  }
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return kReplacement;
  }
  char32_t cp = lead & (0xFFU >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if ((byte & 0xC0U) != 0x80U) {
      ++pos;
      return kReplacement;
    }
    cp = (cp << 6) | (byte & 0x3FU);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are invalid.
  constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    ++pos;
    return kReplacement;
  }
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    // A genuine U+FFFD in the text is three bytes long; a decoding failure advances one.
    if (cp == kReplacement && pos - start != 3) return start;
  }
  return std::nullopt;
}

bool is_space(char32_t cp) noexcept {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_word_char(char32_t cp) noexcept {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (is_combining_or_invisible(cp) || is_space(cp)) return false;
  if (cp >= 0x2B9 && cp <= 0x2FF) return false;   // modifier letters used as apostrophes, accents
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;  // compatibility punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  if ((cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
      (cp >= 0xFF5B && cp <= 0xFF65)) {
    return false;
  }
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;    // private use
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;    // specials, U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  return true;
}

LetterCase letter_case(char32_t cp) noexcept {
  if (cp >= 'A' && cp <= 'Z') return LetterCase::upper;
  if (cp >= 'a' && cp <= 'z') return LetterCase::lower;
  if (cp >= 0xC0 && cp < 0x180 && kLatinBase[cp - 0xC0] != nullptr) return latin_case(cp);
  if ((cp >= 0x218 && cp <= 0x21B) || (cp >= 0x1E00 && cp <= 0x1EFF)) {
    return (cp & 1U) == 0 ? LetterCase::upper : LetterCase::lower;
  }
  if (cp >= 0x391 && cp <= 0x3A9) return LetterCase::upper;
  if (cp >= 0x3B1 && cp <= 0x3C9) return LetterCase::lower;
  if (cp >= 0x400 && cp <= 0x42F) return LetterCase::upper;
  if (cp >= 0x430 && cp <= 0x45F) return LetterCase::lower;
  return LetterCase::none;
}

namespace {

// Appends the folded form of one non-space code point: returns false when it folds to nothing.
void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
  } else if (cp >= 0xC0 && cp < 0x180 && kLatinBase[cp - 0xC0] != nullptr) {
    out += kLatinBase[cp - 0xC0];
  } else if (cp == 0x218 || cp == 0x219) {  // Romanian Ș ș
    out.push_back('s');
  } else if (cp == 0x21A || cp == 0x21B) {  // Romanian Ț ț
    out.push_back('t');
  } else if (is_apostrophe(cp)) {
    out.push_back('\'');
  } else if (is_dash(cp)) {
    out.push_back('-');
  } else if (is_double_quote(cp)) {
    out.push_back('"');
  } else if (cp >= 0x1E00 && cp <= 0x1EFF) {
    append_utf8(out, cp | 1U);
  } else if (cp >= 0x391 && cp <= 0x3A9) {
    append_utf8(out, cp + 0x20);
  } else if (cp >= 0x410 && cp <= 0x42F) {
    append_utf8(out, cp + 0x20);
  } else if (cp >= 0x400 && cp <= 0x40F) {
    append_utf8(out, cp + 0x50);
  } else {
    append_utf8(out, cp);
  }
}

}  // namespace

void FoldedText::clear() noexcept {
  bytes.clear();
  origin.clear();
  letter_cases.clear();
}

namespace {

// What folding does with each ASCII byte, looked up rather than decoded: the fast path for the
// bulk of news text.
struct AsciiFolding {
  char folded[128];
  LetterCase letter_case[128];
  bool space[128];
};

constexpr AsciiFolding make_ascii_folding() {
  AsciiFolding table{};
  for (int c = 0; c < 128; ++c) {
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    table.folded[c] = static_cast<char>(upper ? c + ('a' - 'A') : c);
    table.letter_case[c] = upper ? LetterCase::upper : lower ? LetterCase::lower : LetterCase::none;
    table.space[c] = (c >= 0x09 && c <= 0x0D) || c == 0x20;
  }
  return table;
}

constexpr AsciiFolding kAscii = make_ascii_folding();

// Writes folded bytes straight into buffers sized ahead, growing them only when a character
// folds to more bytes than it had (an invalid byte becomes the three of U+FFFD).
class FoldWriter {
 public:
  FoldWriter(FoldedText& out, std::size_t expected) : out_(out) {
    out_.bytes.resize(expected);
    out_.origin.resize(expected + 1);
    out_.letter_cases.resize(expected);
  }

  void reserve(std::size_t more) {
    if (size_ + more <= out_.bytes.size()) return;
    const std::size_t grown = 2 * (size_ + more);
    out_.bytes.resize(grown);
    out_.origin.resize(grown + 1);
    out_.letter_cases.resize(grown);
  }

  // A run of ASCII characters that are not spaces: folded by table, one byte each.
  void put_ascii_run(const char* run, std::size_t length, std::uint32_t source) {
    reserve(length);
    char* bytes = out_.bytes.data() + size_;
    std::uint32_t* origin = out_.origin.data() + size_;
    LetterCase* letters = out_.letter_cases.data() + size_;
    for (std::size_t i = 0; i < length; ++i) {
      const auto byte = static_cast<unsigned char>(run[i]);
      bytes[i] = kAscii.folded[byte];
      origin[i] = source + static_cast<std::uint32_t>(i);
      letters[i] = kAscii.letter_case[byte];
    }
    size_ += length;
  }

  // Only after reserve(1).
  void put(char byte, std::uint32_t source, LetterCase letter) noexcept {
    out_.bytes[size_] = byte;
    out_.origin[size_] = source;
    out_.letter_cases[size_] = letter;
    ++size_;
  }

  // The folded form of one non-space code point, its case on the first byte only.
  void put_folded(char32_t cp, std::uint32_t source) {
    scratch_.clear();
    append_folded(scratch_, cp);
    reserve(scratch_.size());
    const LetterCase letter = letter_case(cp);
    for (std::size_t i = 0; i < scratch_.size(); ++i) put(scratch_[i], source, i == 0 ? letter : LetterCase::none);
  }

  void finish(std::uint32_t text_size) {
    out_.bytes.resize(size_);
    out_.letter_cases.resize(size_);
    out_.origin.resize(size_ + 1);
    out_.origin[size_] = text_size;
  }

 private:
  FoldedText& out_;
  std::size_t size_ = 0;
  std::string scratch_;
};

}  // namespace

void fold_text(std::string_view text, FoldedText& out) {
  // Folding never makes valid UTF-8 longer, so the text's size is room enough but for invalid
  // bytes, which the writer makes room for.
  FoldWriter writer(out, text.size());
  const std::size_t size = text.size();
  std::size_t pos = 0;
  while (pos < size) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80 && !kAscii.space[byte]) {
      std::size_t end = pos + 1;
      while (end < size && static_cast<unsigned char>(text[end]) < 0x80 &&
             !kAscii.space[static_cast<unsigned char>(text[end])]) {
        ++end;
      }
      writer.put_ascii_run(text.data() + pos, end - pos, static_cast<std::uint32_t>(pos));
      pos = end;
      continue;
    }
    const auto start = static_cast<std::uint32_t>(pos);
    char32_t cp = byte < 0x80 ? (++pos, char32_t{byte}) : decode_utf8(text, pos);
    if (is_space(cp)) {
      // A run of white space folds to one character; a blank line inside it makes it '\n'.
      // Only line feeds count, as in the segmenter, so both agree on where paragraphs end.
      int line_breaks = cp == '\n' ? 1 : 0;
      while (pos < size) {
        const auto next_byte = static_cast<unsigned char>(text[pos]);
        if (next_byte < 0x80) {
          if (!kAscii.space[next_byte]) break;
          line_breaks += next_byte == '\n' ? 1 : 0;
          ++pos;
          continue;
        }
        std::size_t next = pos;
        if (!is_space(decode_utf8(text, next))) break;
        pos = next;
      }
      writer.reserve(1);
      writer.put(line_breaks >= 2 ? '\n' : ' ', start, LetterCase::none);
      continue;
    }
    if (is_combining_or_invisible(cp)) continue;
    writer.put_folded(cp, start);
  }
  writer.finish(static_cast<std::uint32_t>(size));
}

std::string fold(std::string_view text) {
  FoldedText folded;
  fold_text(text, folded);
  return std::move(folded.bytes);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic programming table suffice: a swap looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string_view> closest_word(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t reach = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  std::optional<std::string_view> best;
  std::size_t best_distance = reach + 1;
  for (const std::string_view candidate : candidates) {
    // Lengths further apart than the reach cannot be near: skip the table.
    const std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (gap >= best_distance) continue;
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace comention
