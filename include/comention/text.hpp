// UTF-8 helpers and the folded view of a text that the matcher searches.
//
//   comention::FoldedText folded;
//   comention::fold_text("Côte d’Ivoire", folded);
//   // folded.bytes == "cote d'ivoire"; folded.origin[i] is the byte in the original text
//   // that folded byte i came from, so a match in `bytes` maps back to original offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace comention {

// Decodes the code point at text[pos]; advances pos past it. On an invalid or truncated sequence
// returns U+FFFD and advances one byte, so callers never loop forever on bad input.
char32_t decode_utf8(std::string_view text, std::size_t& pos) noexcept;

// The same as decode_utf8, for loops over every character: valid sequences of one to three
// bytes are decoded here, inline; anything else is left to decode_utf8.
inline char32_t decode_utf8_inline(std::string_view text, std::size_t& pos) noexcept {
  const auto* at = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t left = text.size() - pos;
  if (at[0] < 0x80) {
    ++pos;
    return at[0];
  }
  if (at[0] >= 0xC2 && at[0] <= 0xDF && left >= 2 && (at[1] & 0xC0U) == 0x80U) {
    pos += 2;
    return (char32_t{at[0] & 0x1FU} << 6) | (at[1] & 0x3FU);
  }
  if ((at[0] & 0xF0U) == 0xE0U && left >= 3 && (at[1] & 0xC0U) == 0x80U && (at[2] & 0xC0U) == 0x80U) {
    const char32_t cp = (char32_t{at[0] & 0x0FU} << 12) | (char32_t{at[1] & 0x3FU} << 6) | (at[2] & 0x3FU);
    // Overlong forms and surrogates are invalid: decode_utf8 says how.
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      pos += 3;
      return cp;
    }
  }
  return decode_utf8(text, pos);
}

// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

// Offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and
// code points past U+10FFFF are invalid), or nullopt when the whole text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

// True for the characters that make up words, by their Unicode category: letters, decimal and
// letter digits, and combining marks (an Indic vowel sign or virama is inside its word).
// Punctuation (full-width too), symbols, white space, modifier letters used as apostrophes
// (U+02B9..U+02FF) and unassigned code points are not.
bool is_word_char(char32_t cp) noexcept;

// Is cp a combining mark (Unicode categories Mn, Mc, Me)? A name never ends before one.
bool is_mark(char32_t cp) noexcept;

// Characters of scripts written without spaces between words (Han, Hiragana, Katakana, Thai,
// Lao, Myanmar, Khmer): each is a word of its own as far as where a name may start and end.
bool is_spaceless_script(char32_t cp) noexcept;

// is_word_char and is_spaceless_script of one code point in one look-up (a table for the BMP),
// for the matcher, which asks both of every character of a text in other scripts.
struct CharacterClass {
  bool word = false;
  bool spaceless = false;
};
CharacterClass character_class(char32_t cp) noexcept;

// Combining marks that folding removes: accents of Latin, Greek and Cyrillic, Hebrew niqqud and
// Arabic harakat (optional vowel points). Marks that are letters (Indic vowel signs) stay.
bool is_dropped_mark(char32_t cp) noexcept;

bool is_space(char32_t cp) noexcept;

// Letter case of one code point, from its Unicode category (Lu and Lt upper, Ll lower), so
// every cased script has one: Latin, Greek, Cyrillic, Armenian, Georgian, full-width letters.
enum class LetterCase : std::uint8_t { none, lower, upper };
LetterCase letter_case(char32_t cp) noexcept;

// The most code points one character folds to (a compatibility ligature such as U+FDFA is 18).
inline constexpr std::size_t kMaxFoldedLength = 20;

// The folded form of one code point that is not white space, as fold_text folds it, into out;
// returns how many code points (0: it folds to nothing, as an accent or a soft hyphen does).
// ASCII: lower case. U+00C0..U+017F: a table of base letters (æ to ae, ø to o, ł to l, which
// Unicode does not decompose). Han, Hangul syllables and Thai: unchanged. Cyrillic: case
// folded, ё to е, й kept. Anything else, by utf8proc: compatibility decomposition (full-width
// Ｃ to c, ligatures apart), full case folding (ς to σ, ß to ss, İ to i), then the marks of
// is_dropped_mark removed; Persian and Urdu ی ک and Arabic ى fold to Arabic ي ك.
std::size_t fold_code_point(char32_t cp, char32_t (&out)[kMaxFoldedLength]) noexcept;

// The text as the matcher compares it: each character as fold_code_point folds it (lower-cased,
// compatibility forms decomposed, accents removed), typographic apostrophes as
// ', dashes as -, each run of white space as one space, or as '\n' when the run holds a blank
// line (two line feeds): no alias contains '\n', so no match crosses a paragraph. Each folded
// byte keeps the original byte offset it came from and the letter case of the original character.
// Offsets are 32-bit: one document may be up to 4 GiB.
struct FoldedText {
  std::string bytes;
  std::vector<std::uint32_t> origin;       // origin[i]: offset in the original text; size bytes+1
  std::vector<LetterCase> letter_cases;    // case of the original character, on its first byte

  void clear() noexcept;
};

// Folds text into out, reusing out's buffers. Invalid UTF-8 folds as U+FFFD. ASCII goes by a
// table; other characters of the BMP by a table filled from fold_code_point as they are first
// met; the rest by fold_code_point.
void fold_text(std::string_view text, FoldedText& out);

// Convenience for building aliases: the folded bytes alone.
std::string fold(std::string_view text);

// Edit distance between two byte strings: insertions, deletions, substitutions and swaps of two
// neighbouring bytes each cost 1 (optimal string alignment), so "Chnia" is 1 from "China".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` by edit distance, for "did you mean ...?", when it is near
// enough to be a slip rather than another word: at most 1 edit for words of up to 4 bytes, 2 up
// to 8, 3 beyond. The first of equally near candidates wins; nullopt when none is near.
std::optional<std::string_view> closest_word(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace comention
