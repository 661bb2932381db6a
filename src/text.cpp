#include "comention/text.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <mutex>

#include <utf8proc.h>

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

// Characters that fold to nothing and are no part of a word: soft hyphen, zero-width joiners,
// byte order mark, variation selectors.
bool is_invisible(char32_t cp) noexcept {
  return cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0xAD || (cp >= 0xFE00 && cp <= 0xFE0F);
}

// Scripts folded by passing their characters through unchanged: they have no case and nothing
// to decompose (Han, Thai), or must not be decomposed (Hangul syllables into jamo). Kana are not
// among them: ガ, カ with a combining voiced mark and half-width ｶﾞ all fold to the decomposed form.
bool passes_through(char32_t cp) noexcept {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0x0E01 && cp <= 0x0E3A) || (cp >= 0x0E40 && cp <= 0x0E4E);
}

// Persian and Urdu write yeh and kaf in their own forms (ی ک), Arabic in its (ي ك), and
// Egyptian Arabic often writes a final yeh as alef maksura (ى): all fold to the Arabic letters,
// so a name typed on either keyboard matches.
char32_t unify_arabic_letter(char32_t cp) noexcept {
  switch (cp) {
    case 0x06CC:  // ی Farsi yeh
    case 0x0649:  // ى alef maksura
      return 0x064A;
    case 0x06A9:  // ک keheh
      return 0x0643;
    default:
      return cp;
  }
}

bool is_apostrophe(char32_t cp) noexcept {
  return cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x02BC || cp == 0x60 ||
         cp == 0xB4 || cp == 0x2032 || cp == 0x05F3;  // Hebrew geresh, typed as ' as often
}

bool is_dash(char32_t cp) noexcept {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

bool is_double_quote(char32_t cp) noexcept {
  // Hebrew gershayim marks acronyms (ארה״ב) and is typed as " as often.
  return (cp >= 0x201C && cp <= 0x201F) || cp == 0xAB || cp == 0xBB || cp == 0x05F4;
}

// The UTF-8 bytes of cp in bytes; returns how many.
std::size_t encode_utf8(char32_t cp, char (&bytes)[4]) noexcept {
  if (cp < 0x80) {
    bytes[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    bytes[0] = static_cast<char>(0xC0 | (cp >> 6));
    bytes[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    bytes[0] = static_cast<char>(0xE0 | (cp >> 12));
    bytes[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    bytes[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  bytes[0] = static_cast<char>(0xF0 | (cp >> 18));
  bytes[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  bytes[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  bytes[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
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

bool is_dropped_mark(char32_t cp) noexcept {
  if (cp < 0x300) return false;
  return (cp <= 0x36F) ||                                  // Latin, Greek, Cyrillic accents
         (cp >= 0x483 && cp <= 0x489) ||                   // Cyrillic titlo and the like
         (cp >= 0x591 && cp <= 0x5C7 && cp != 0x5BE && cp != 0x5C0 && cp != 0x5C3 && cp != 0x5C6) ||  // niqqud
         (cp >= 0x610 && cp <= 0x61A) || (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 ||  // harakat
         (cp >= 0x6D6 && cp <= 0x6DC) || (cp >= 0x6DF && cp <= 0x6E4) || cp == 0x6E7 || cp == 0x6E8 ||
         (cp >= 0x6EA && cp <= 0x6ED) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

bool is_word_char(char32_t cp) noexcept {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  // Modifier letters that news uses as apostrophes and accents (ʼ ˈ ˊ), though Unicode calls them
  // letters; and white space, some of which (U+200B) Unicode files under formats.
  if ((cp >= 0x2B9 && cp <= 0x2FF) || is_space(cp)) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:  // marks inside words: Indic vowel signs and viramas, accents
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      return false;
  }
}

bool is_spaceless_script(char32_t cp) noexcept {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||  // Han
         (cp >= 0x3040 && cp <= 0x30FF) ||                                      // kana
         (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F) ||                                      // half-width kana
         (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3005 || cp == 0x3007 ||
         (cp >= 0x0E00 && cp <= 0x0EFF) ||                                      // Thai, Lao
         (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0x1780 && cp <= 0x17FF);     // Myanmar, Khmer
}

bool is_mark(char32_t cp) noexcept {
  if (cp < 0x300) return false;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
}


LetterCase letter_case(char32_t cp) noexcept {
  if (cp >= 'A' && cp <= 'Z') return LetterCase::upper;
  if (cp < 0x80) return cp >= 'a' && cp <= 'z' ? LetterCase::lower : LetterCase::none;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:  // ǅ: a capital for the name rule
      return LetterCase::upper;
    case UTF8PROC_CATEGORY_LL:
      return LetterCase::lower;
    default:
      return LetterCase::none;
  }
}

std::size_t fold_code_point(char32_t cp, char32_t (&out)[kMaxFoldedLength]) noexcept {
  if (cp < 0x80) {
    out[0] = cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    return 1;
  }
  if (is_invisible(cp) || is_dropped_mark(cp) || cp == 0x0640) return 0;  // 0640: Arabic tatweel
  if (cp >= 0xC0 && cp < 0x180 && kLatinBase[cp - 0xC0] != nullptr) {
    std::size_t length = 0;
    for (const char* letter = kLatinBase[cp - 0xC0]; *letter != 0; ++letter) out[length++] = static_cast<unsigned char>(*letter);
    return length;
  }
  if (is_apostrophe(cp)) {
    out[0] = '\'';
    return 1;
  }
  if (is_dash(cp)) {
    out[0] = '-';
    return 1;
  }
  if (is_double_quote(cp)) {
    out[0] = '"';
    return 1;
  }
  if (passes_through(cp)) {
    out[0] = cp;
    return 1;
  }
  utf8proc_option_t options = static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT);
  if (cp >= 0x400 && cp <= 0x4FF) {
    // Cyrillic letters with a diacritic are letters of their own (й is not и, ї is not і), but
    // for ё, which Russian news writes as е, and the stress-marked ѐ ѝ of Bulgarian.
    if (cp == 0x401 || cp == 0x451 || cp == 0x400 || cp == 0x450) {
      out[0] = 0x435;
      return 1;
    }
    if (cp == 0x40D || cp == 0x45D) {
      out[0] = 0x438;
      return 1;
    }
    options = UTF8PROC_CASEFOLD;
  }
  utf8proc_int32_t decomposed[kMaxFoldedLength];
  int boundclass = 0;
  const utf8proc_ssize_t count = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), decomposed,
                                                         kMaxFoldedLength, options, &boundclass);
  if (count <= 0 || count > static_cast<utf8proc_ssize_t>(kMaxFoldedLength)) {
    out[0] = cp;
    return 1;
  }
  std::size_t length = 0;
  for (utf8proc_ssize_t i = 0; i < count; ++i) {
    const auto part = static_cast<char32_t>(decomposed[i]);
    // A compatibility form that is a spacing accent (¨ is a space and U+0308) or holds white
    // space stays itself: folding must not put spaces where the text has none.
    if (is_space(part) || part < 0x20) {
      out[0] = cp;
      return 1;
    }
    if (is_dropped_mark(part)) continue;
    out[length++] = unify_arabic_letter(part);
  }
  if (length == 0 && count > 0 && !is_dropped_mark(cp)) {
    // Nothing but accents (a spacing accent such as ΅): keep the character, as it was.
    out[0] = cp;
    return 1;
  }
  return length;
}

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

// What fold_text writes for one code point of the Basic Multilingual Plane, looked up instead of
// asked of utf8proc for every character of a text. An entry of kind `table` is made by
// fold_code_point and letter_case themselves, so the table cannot fold otherwise than they do.
enum class FoldKind : std::uint8_t {
  // The zero value: not in the table. White space, a character that joins its neighbours (a
  // Hangul jamo, the combining breve), or one folding to more than kMostBytes bytes.
  computed,
  table,  // bytes, length and letter are what folding it writes
};
struct FoldedCharacter {
  // A kana with its voiced mark (ガ to カ and U+3099) is the longest of the common ones.
  static constexpr std::size_t kMostBytes = 6;
  char bytes[kMostBytes];  // the folded UTF-8; past `length`, zeros
  std::uint8_t length;     // 0: it folds to nothing, as an accent does
  LetterCase letter;       // of the original character, for the first folded byte
  FoldKind kind;
};

// A table of one Entry for every BMP code point, made by `compute`, filled a page of 256 at a
// time when a text first needs a character of the page: a process reading only English fills
// next to nothing, and a page costs microseconds. Pages are filled under std::call_once, so
// threads looking up at once see whole pages; `filled_` lets a lookup skip call_once once its
// page is done. Constant-initialised (nothing filled), so usable from any static initialiser.
template <typename Entry, Entry (*compute)(char32_t) noexcept>
class LazyBmpTable {
 public:
  // Only for cp < 0x10000.
  const Entry& operator[](char32_t cp) {
    const std::size_t page = cp >> kPageBits;
    if (!filled_[page].load(std::memory_order_acquire)) {
      std::call_once(once_[page], [this, page] { fill(page); });
    }
    return entries_[cp];
  }

 private:
  static constexpr unsigned kPageBits = 8;
  static constexpr std::size_t kPages = 0x10000 >> kPageBits;

  void fill(std::size_t page) noexcept {
    const auto first = static_cast<char32_t>(page << kPageBits);
    for (char32_t cp = first; cp < first + (char32_t{1} << kPageBits); ++cp) entries_[cp] = compute(cp);
    filled_[page].store(true, std::memory_order_release);
  }

  std::array<Entry, 0x10000> entries_{};
  std::array<std::atomic<bool>, kPages> filled_{};
  std::array<std::once_flag, kPages> once_{};
};

FoldedCharacter folded_character(char32_t cp) noexcept {
  FoldedCharacter entry{};  // of kind `computed` until it is known to fit
  // fold_text treats these apart from fold_code_point: white space runs, Hangul lead jamo
  // compose with what follows, and a combining breve turns the letter before it. Surrogates
  // never come out of decode_utf8.
  if ((cp >= 0xD800 && cp <= 0xDFFF) || is_space(cp) || (cp >= 0x1100 && cp <= 0x1112) || cp == 0x306) {
    return entry;
  }
  char32_t folded[kMaxFoldedLength];
  const std::size_t count = fold_code_point(cp, folded);
  std::size_t length = 0;
  for (std::size_t i = 0; i < count; ++i) {
    char bytes[4];
    const std::size_t more = encode_utf8(folded[i], bytes);
    if (length + more > FoldedCharacter::kMostBytes) return FoldedCharacter{};
    std::memcpy(entry.bytes + length, bytes, more);
    length += more;
  }
  entry.length = static_cast<std::uint8_t>(length);
  entry.letter = letter_case(cp);
  entry.kind = FoldKind::table;
  return entry;
}

CharacterClass computed_class(char32_t cp) noexcept { return {is_word_char(cp), is_spaceless_script(cp)}; }

constinit LazyBmpTable<FoldedCharacter, folded_character> bmp_folding;
constinit LazyBmpTable<CharacterClass, computed_class> bmp_classes;

// Writes folded bytes straight into buffers sized ahead, growing them only when a character
// folds to more bytes than it had (an invalid byte becomes the three of U+FFFD).
class FoldWriter {
 public:
  // Room for `expected` bytes and one table character more: put_folded writes kMostBytes bytes
  // whatever the character's length, so without it the last characters of a text that folds
  // to its own length (Cyrillic, Han) would double the buffers.
  FoldWriter(FoldedText& out, std::size_t expected) : out_(out) {
    const std::size_t room = expected + FoldedCharacter::kMostBytes;
    out_.bytes.resize(room);
    out_.origin.resize(room + 1);
    out_.letter_cases.resize(room);
  }

  void reserve(std::size_t more) {
    if (size_ + more > out_.bytes.size()) grow(more);
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

  // A character folded by the table. All kMostBytes bytes are written, whatever its length: a
  // copy of fixed size, whose bytes past the length the next character overwrites or finish cuts.
  void put_folded(const FoldedCharacter& folded, std::uint32_t source) {
    reserve(FoldedCharacter::kMostBytes);
    std::memcpy(out_.bytes.data() + size_, folded.bytes, FoldedCharacter::kMostBytes);
    std::uint32_t* origin = out_.origin.data() + size_;
    LetterCase* letters = out_.letter_cases.data() + size_;
    for (std::size_t i = 0; i < FoldedCharacter::kMostBytes; ++i) {
      origin[i] = source;
      letters[i] = LetterCase::none;
    }
    letters[0] = folded.letter;
    size_ += folded.length;
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
    char32_t folded[kMaxFoldedLength];
    const std::size_t count = fold_code_point(cp, folded);
    if (count == 0) {
      compose_cyrillic_breve(cp);
      return;
    }
    reserve(4 * count);
    LetterCase letter = letter_case(cp);
    for (std::size_t i = 0; i < count; ++i) {
      char bytes[4];
      const std::size_t length = encode_utf8(folded[i], bytes);
      for (std::size_t j = 0; j < length; ++j) {
        put(bytes[j], source, letter);
        letter = LetterCase::none;
      }
    }
  }

  // A Cyrillic и or у typed with a separate combining breve is the letter й or ў, which folding
  // keeps apart from и and у: the breve, dropped as an accent, turns the letter before it.
  void compose_cyrillic_breve(char32_t cp) noexcept {
    if (cp != 0x306 || size_ < 2) return;
    char* last = out_.bytes.data() + size_ - 2;
    if (last[0] == '\xD0' && last[1] == '\xB8') {
      last[1] = '\xB9';  // и to й
    } else if (last[0] == '\xD1' && last[1] == '\x83') {
      last[1] = '\x9E';  // у to ў
    }
  }

  // Kept out of reserve, which is asked for every character and seldom grows anything.
  [[gnu::noinline]] void grow(std::size_t more) {
    const std::size_t grown = 2 * (size_ + more);
    out_.bytes.resize(grown);
    out_.origin.resize(grown + 1);
    out_.letter_cases.resize(grown);
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
};

}  // namespace

CharacterClass character_class(char32_t cp) noexcept {
  return cp < 0x10000 ? bmp_classes[cp] : computed_class(cp);
}

namespace {

// Hangul typed as jamo (a leading consonant, a vowel and perhaps a trailing consonant, as NFD
// writes it) composes to the syllable a precomposed text has, by Unicode's arithmetic for Hangul:
// utf8proc folds one code point at a time, and names are stored precomposed.
constexpr char32_t kHangulLeadFirst = 0x1100, kHangulLeadLast = 0x1112;
constexpr char32_t kHangulVowelFirst = 0x1161, kHangulVowelLast = 0x1175;
constexpr char32_t kHangulTailFirst = 0x11A8, kHangulTailLast = 0x11C2;

char32_t compose_hangul(std::string_view text, char32_t lead, std::size_t& pos) noexcept {
  std::size_t next = pos;
  if (next >= text.size()) return lead;
  const char32_t vowel = decode_utf8(text, next);
  if (vowel < kHangulVowelFirst || vowel > kHangulVowelLast) return lead;
  char32_t syllable = 0xAC00 + ((lead - kHangulLeadFirst) * 21 + (vowel - kHangulVowelFirst)) * 28;
  pos = next;
  if (next < text.size()) {
    const char32_t tail = decode_utf8(text, next);
    if (tail >= kHangulTailFirst && tail <= kHangulTailLast) {
      syllable += tail - (kHangulTailFirst - 1);
      pos = next;
    }
  }
  return syllable;
}

}  // namespace

void fold_text(std::string_view text, FoldedText& out) {
  // Folding seldom makes text longer, so the text's size is room enough but for invalid bytes
  // and the few characters that fold longer (ß to ss, a ligature, a decomposed kana), for which
  // the writer makes room.
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
    char32_t cp = byte < 0x80 ? (++pos, char32_t{byte}) : decode_utf8_inline(text, pos);
    if (cp >= 0x80 && cp < 0x10000) {
      const FoldedCharacter& folded = bmp_folding[cp];
      if (folded.kind == FoldKind::table) {
        writer.put_folded(folded, start);
        continue;
      }
    }
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
    if (cp >= kHangulLeadFirst && cp <= kHangulLeadLast) cp = compose_hangul(text, cp, pos);
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
