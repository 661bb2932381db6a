#include "comention/segmenter.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <iterator>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "comention/text.hpp"

// The segmenter looks at every byte of every document, so it works on bytes, not code points.
// Everything it reacts to is either ASCII or one of a few fixed UTF-8 sequences (white space,
// U+2026 …, the closing quotes ’ ” »), and a valid UTF-8 sequence always starts at a lead byte
// that no other sequence can swallow, so matching those sequences byte by byte finds exactly the
// characters that decoding the text from its start would find, invalid bytes included. Only the
// rare checks that need a character's properties (is the word after a period in lower case? is
// the character before it a letter?) decode it, with decode_utf8.
//
// The common path is a scan to the next byte that can end a sentence: . ! ? or any byte of a
// multi-byte character (… and the sentence ends of other scripts: 。！？ ؟ ۔ । ॥ and more, which
// wide_terminator_length tells); lines are found with memchr. ASCII text pays nothing for them.

namespace comention {
namespace {

// Words that take a period without ending a sentence. Case matters: "No. 2" is an
// abbreviation, "said no." ends a sentence.
constexpr std::string_view kAbbreviations[] = {
    "Mr",  "Mrs", "Ms",   "Dr",   "Prof", "Gen",  "Sen",  "Rep",  "Gov", "Lt",  "Col",
    "Sgt", "Capt", "Maj", "Adm",  "Cmdr", "Rev",  "Hon",  "Pres", "St",  "Jr",  "Sr",
    "Mt",  "Ft",  "No",   "Nos",  "Vol",  "Fig",  "Jan",  "Feb",  "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep",  "Sept", "Oct",  "Nov",  "Dec",  "vs",   "approx", "cf", "Messrs",
};

// A word of up to eight ASCII letters as one number, first letter highest. Letters are never
// zero, so words of different lengths never share a number.
constexpr std::uint64_t pack_word(std::string_view word) noexcept {
  std::uint64_t packed = 0;
  for (const char c : word) packed = (packed << 8U) | static_cast<unsigned char>(c);
  return packed;
}

constexpr std::size_t kLongestAbbreviation = [] {
  std::size_t longest = 0;
  for (const std::string_view word : kAbbreviations) longest = std::max(longest, word.size());
  return longest;
}();
static_assert(kLongestAbbreviation <= 8, "abbreviations are packed into 64 bits");

// The abbreviations packed and sorted, for a binary search at each candidate sentence end.
constexpr auto kPackedAbbreviations = [] {
  std::array<std::uint64_t, std::size(kAbbreviations)> packed{};
  for (std::size_t i = 0; i < packed.size(); ++i) packed[i] = pack_word(kAbbreviations[i]);
  std::sort(packed.begin(), packed.end());
  return packed;
}();

// What the segmenter needs to know about one byte. Bytes from 0x80 up have no class of their own:
// they start or continue multi-byte characters, which are matched as sequences.
enum ByteClass : std::uint8_t {
  kInlineSpace = 1U << 0U,  // ASCII white space but the line feed: \t \v \f \r and space
  kLineFeed = 1U << 1U,
  kWordByte = 1U << 2U,     // ASCII letters and digits
  kLowerByte = 1U << 3U,    // a-z
  kTerminatorByte = 1U << 4U,  // . ! ?
  kCloserByte = 1U << 5U,      // ) ] " '
  kScanStop = 1U << 6U,        // . ! ? and every byte from 0x80 (… and other scripts' marks)
  kTokenByte = 1U << 7U,       // letters, digits and '.', which make up "U.S" or "Feb"
};

constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  auto add = [&classes](char c, unsigned flags) {
    const auto byte = static_cast<unsigned char>(c);
    classes[byte] = static_cast<std::uint8_t>(classes[byte] | flags);
  };
  for (const char space : {'\t', '\v', '\f', '\r', ' '}) add(space, kInlineSpace);
  add('\n', kLineFeed);
  for (char c = '0'; c <= '9'; ++c) add(c, kWordByte | kTokenByte);
  for (char c = 'A'; c <= 'Z'; ++c) add(c, kWordByte | kTokenByte);
  for (char c = 'a'; c <= 'z'; ++c) add(c, kWordByte | kTokenByte | kLowerByte);
  for (const char mark : {'.', '!', '?'}) add(mark, kTerminatorByte | kScanStop);
  add('.', kTokenByte);
  for (const char closer : {')', ']', '"', '\''}) add(closer, kCloserByte);
  for (int byte = 0x80; byte < 0x100; ++byte) add(static_cast<char>(byte), kScanStop);
  return classes;
}();

bool has_class(unsigned char byte, unsigned flags) noexcept {
  return (kByteClasses[byte] & flags) != 0;
}

// The text as bytes: classes and UTF-8 patterns are about unsigned values.
const unsigned char* bytes_of(std::string_view text) noexcept {
  return reinterpret_cast<const unsigned char*>(text.data());
}

// Length of the non-ASCII white space (as is_space defines it) starting at at[0], or 0. `left` is
// how many bytes from at[0] on may be read. The patterns are the characters' UTF-8 encodings:
// U+0085 U+00A0, U+1680, U+2000..U+200B U+2028 U+2029 U+202F, U+205F, U+3000.
std::size_t wide_space_length(const unsigned char* at, std::size_t left) noexcept {
  switch (at[0]) {
    case 0xC2:
      return left >= 2 && (at[1] == 0x85 || at[1] == 0xA0) ? 2 : 0;
    case 0xE1:
      return left >= 3 && at[1] == 0x9A && at[2] == 0x80 ? 3 : 0;
    case 0xE2:
      if (left < 3) return 0;
      if (at[1] == 0x80) {
        const unsigned char last = at[2];
        const bool space =
            (last >= 0x80 && last <= 0x8B) || last == 0xA8 || last == 0xA9 || last == 0xAF;
        return space ? 3 : 0;
      }
      return at[1] == 0x81 && at[2] == 0x9F ? 3 : 0;
    case 0xE3:
      return left >= 3 && at[1] == 0x80 && at[2] == 0x80 ? 3 : 0;
    default:
      return 0;
  }
}

// Length of the white space (line feeds included) starting at data[pos], or 0.
std::size_t space_length(const unsigned char* data, std::size_t pos, std::size_t end) noexcept {
  const unsigned char byte = data[pos];
  if (byte < 0x80) return has_class(byte, kInlineSpace | kLineFeed) ? 1 : 0;
  return wide_space_length(data + pos, end - pos);
}

// Length of the white space that ends right before data[end], not reaching before start, or 0.
// A valid sequence always decodes as itself, so a match seen from its end is the character that
// decoding forward finds.
std::size_t space_length_before(const unsigned char* data, std::size_t start,
                                std::size_t end) noexcept {
  const unsigned char last = data[end - 1];
  if (last < 0x80) return has_class(last, kInlineSpace | kLineFeed) ? 1 : 0;
  if (end - start >= 2 && data[end - 2] == 0xC2) return wide_space_length(data + end - 2, 2);
  // Three bytes back may also start a two-byte space, which ends before `end`: that is no match.
  if (end - start >= 3 && wide_space_length(data + end - 3, 3) == 3) return 3;
  return 0;
}

// First position from pos that is not white space other than a line feed: the line's first
// character, its line feed, or end.
std::size_t skip_inline_spaces(const unsigned char* data, std::size_t pos,
                               std::size_t end) noexcept {
  while (pos < end) {
    const unsigned char byte = data[pos];
    if (byte < 0x80) {
      if (!has_class(byte, kInlineSpace)) break;
      ++pos;
      continue;
    }
    const std::size_t length = wide_space_length(data + pos, end - pos);
    if (length == 0) break;
    pos += length;
  }
  return pos;
}

std::size_t skip_spaces(const unsigned char* data, std::size_t pos, std::size_t end) noexcept {
  while (pos < end) {
    const std::size_t length = space_length(data, pos, end);
    if (length == 0) break;
    pos += length;
  }
  return pos;
}

// End of [start, end) without trailing white space.
std::size_t trim_end(const unsigned char* data, std::size_t start, std::size_t end) noexcept {
  while (end > start) {
    const std::size_t length = space_length_before(data, start, end);
    if (length == 0) break;
    end -= length;
  }
  return end;
}

std::size_t find_line_feed(const unsigned char* data, std::size_t pos, std::size_t end) noexcept {
  const void* found = std::memchr(data + pos, '\n', end - pos);
  if (found == nullptr) return end;
  return static_cast<std::size_t>(static_cast<const unsigned char*>(found) - data);
}

#if defined(__SSE2__)
// Bit i set when byte i of the sixteen at `at` is . ! ? or a byte from 0x80 (its high bit).
unsigned scan_stops_in_block(const unsigned char* at) noexcept {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i stops =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('.')),
                                _mm_cmpeq_epi8(block, _mm_set1_epi8('!'))),
                   _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('?')), block));
  return static_cast<unsigned>(_mm_movemask_epi8(stops));
}
#endif

// First position from pos holding . ! ? or a byte from 0x80, or end: the only bytes where a
// sentence can end.
// Reads only bytes of the text before end.
std::size_t find_scan_stop(const unsigned char* data, std::size_t pos, std::size_t end) noexcept {
#if defined(__SSE2__)
  // Thirty-two bytes a round: compares on sixteen bytes at once, one branch for both blocks.
  while (end - pos >= 32) {
    const unsigned stops =
        scan_stops_in_block(data + pos) | (scan_stops_in_block(data + pos + 16) << 16U);
    if (stops != 0) return pos + static_cast<std::size_t>(std::countr_zero(stops));
    pos += 32;
  }
  if (end - pos >= 16) {
    const unsigned stops = scan_stops_in_block(data + pos);
    if (stops != 0) return pos + static_cast<std::size_t>(std::countr_zero(stops));
    pos += 16;
  }
  // Fewer than sixteen bytes left: the block that ends at end, less the bytes before pos, which
  // were looked at already.
  if (pos < end && end >= 16) {
    const unsigned stops = scan_stops_in_block(data + end - 16) >> (16 - (end - pos));
    return stops != 0 ? pos + static_cast<std::size_t>(std::countr_zero(stops)) : end;
  }
#endif
  while (pos < end && !has_class(data[pos], kScanStop)) ++pos;
  return pos;
}

// A sentence end other than . ! ? at data[pos]: its length, or 0. `spaceless` tells a mark of
// Chinese and Japanese (。！？．｡), after which a sentence ends with no space, from those that
// want white space after them as . does: … ؟ (Arabic) ۔ (Urdu) । ॥ (Devanagari and Bengali
// danda) ; (U+037E, Greek question mark) ։ (Armenian) ። ፧ (Ethiopic).
std::size_t wide_terminator_length(const unsigned char* data, std::size_t pos, std::size_t end,
                                   bool& spaceless) noexcept {
  spaceless = false;
  const std::size_t left = end - pos;
  if (left < 2) return 0;
  const unsigned char first = data[pos];
  const unsigned char second = data[pos + 1];
  switch (first) {
    case 0xCD:
      return second == 0xBE ? 2 : 0;  // U+037E
    case 0xD6:
      return second == 0x89 ? 2 : 0;  // U+0589
    case 0xD8:
      return second == 0x9F ? 2 : 0;  // U+061F
    case 0xDB:
      return second == 0x94 ? 2 : 0;  // U+06D4
    default:
      break;
  }
  if (left < 3) return 0;
  const unsigned char third = data[pos + 2];
  switch (first) {
    case 0xE0:
      return second == 0xA5 && (third == 0xA4 || third == 0xA5) ? 3 : 0;  // U+0964 U+0965
    case 0xE1:
      return second == 0x8D && (third == 0xA2 || third == 0xA7) ? 3 : 0;  // U+1362 U+1367
    case 0xE2:
      return second == 0x80 && third == 0xA6 ? 3 : 0;  // U+2026
    case 0xE3:
      spaceless = second == 0x80 && third == 0x82;  // U+3002
      return spaceless ? 3 : 0;
    case 0xEF:
      // U+FF01 U+FF0E U+FF1F, U+FF61
      spaceless = (second == 0xBC && (third == 0x81 || third == 0x8E || third == 0x9F)) ||
                  (second == 0xBD && third == 0xA1);
      return spaceless ? 3 : 0;
    default:
      return 0;
  }
}

// Length of the closing bracket or quote of Chinese and Japanese at data[pos] (」』）】》〉), or 0.
std::size_t wide_closer_length(const unsigned char* data, std::size_t pos, std::size_t end) noexcept {
  if (end - pos < 3) return 0;
  if (data[pos] == 0xE3 && data[pos + 1] == 0x80) {
    const unsigned char last = data[pos + 2];
    return last == 0x8D || last == 0x8F || last == 0x91 || last == 0x8B || last == 0x89 ? 3 : 0;
  }
  return data[pos] == 0xEF && data[pos + 1] == 0xBC && data[pos + 2] == 0x89 ? 3 : 0;
}

// Length of the terminator (. ! ? … and wide_terminator_length's) or closer () ] " ' ’ ” » and
// the CJK ones) at data[pos], or 0.
std::size_t mark_length(const unsigned char* data, std::size_t pos, std::size_t end) noexcept {
  const unsigned char byte = data[pos];
  if (byte < 0x80) return has_class(byte, kTerminatorByte | kCloserByte) ? 1 : 0;
  bool spaceless = false;
  if (const std::size_t length = wide_terminator_length(data, pos, end, spaceless); length > 0) return length;
  if (const std::size_t length = wide_closer_length(data, pos, end); length > 0) return length;
  if (byte == 0xE2) {
    if (end - pos < 3 || data[pos + 1] != 0x80) return 0;
    const unsigned char last = data[pos + 2];
    return last == 0xA6 || last == 0x99 || last == 0x9D ? 3 : 0;  // … ’ ”
  }
  if (byte == 0xC2) return end - pos >= 2 && data[pos + 1] == 0xBB ? 2 : 0;  // »
  return 0;
}

bool starts_in_lower_case(std::string_view text, std::size_t pos) noexcept {
  const unsigned char byte = bytes_of(text)[pos];
  if (byte < 0x80) return has_class(byte, kLowerByte);
  return letter_case(decode_utf8(text, pos)) == LetterCase::lower;
}

// Does the period at `period` close an abbreviation, an initial or a dotted acronym?
bool period_is_abbreviation(std::string_view text, std::size_t sentence_start,
                            std::size_t period) noexcept {
  // The token is the run of letters, digits and periods before the period: "N" in "state—N.",
  // "St" in "Miami/St.", "U.S" in "(U.S.", so dashes, slashes and brackets do not hide it.
  const unsigned char* data = bytes_of(text);
  std::size_t token_start = period;
  while (token_start > sentence_start) {
    const unsigned char before = data[token_start - 1];
    if (before < 0x80) {
      if (!has_class(before, kTokenByte)) break;
      --token_start;
      continue;
    }
    // A letter or digit of another script joins the token, and then no rule below can match it
    // (they all want ASCII), so the answer is no. Anything else ends the token. The character is
    // found as it always has been: back over continuation bytes to a lead byte, then decoded.
    std::size_t char_start = token_start - 1;
    while (char_start > sentence_start && (data[char_start] & 0xC0U) == 0x80U) --char_start;
    const char32_t cp = decode_utf8(text, char_start);
    if (cp == '.' || is_word_char(cp)) return false;
    break;
  }
  const std::string_view token = text.substr(token_start, period - token_start);
  if (token.empty()) return false;
  if (token.size() == 1 && token[0] >= 'A' && token[0] <= 'Z') return true;  // an initial: J.
  if (token.find('.') != std::string_view::npos) {
    // U.S, U.N, e.g, a.m: single letters joined by periods.
    bool letter_expected = true;
    for (const char c : token) {
      const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (letter_expected ? !letter : c != '.') return false;
      letter_expected = !letter_expected;
    }
    return !letter_expected;
  }
  return token.size() <= kLongestAbbreviation &&
         std::binary_search(kPackedAbbreviations.begin(), kPackedAbbreviations.end(),
                            pack_word(token));
}

// Does the run of terminators and closers [first, end), followed by white space and a word that
// is not in lower case, end the sentence? It does unless every terminator in it is a period that
// closes an abbreviation: "U.S.)" does not, "Mr.." does (the second period closes "Mr.").
bool marks_end_sentence(std::string_view text, std::size_t sentence_start, std::size_t first,
                        std::size_t end) noexcept {
  const unsigned char* data = bytes_of(text);
  std::size_t pos = first;
  while (pos < end) {
    const unsigned char byte = data[pos];
    if (byte == '.') {
      if (!period_is_abbreviation(text, sentence_start, pos)) return true;
    } else if (byte == '!' || byte == '?') {
      return true;
    } else if (bool spaceless = false; wide_terminator_length(data, pos, end, spaceless) > 0) {
      return true;
    }
    pos += mark_length(data, pos, end);
  }
  return false;
}

void split_sentences(std::string_view text, Span paragraph, std::uint32_t paragraph_index,
                     Segmentation& out) {
  // Sentences need no trimming: one ends after a mark, the next starts at a character that is not
  // white space, and the paragraph itself is trimmed.
  const unsigned char* data = bytes_of(text);
  const std::size_t paragraph_end = paragraph.end;
  std::size_t sentence_start = paragraph.start;
  std::size_t pos = paragraph.start;
  for (;;) {
    pos = find_scan_stop(data, pos, paragraph_end);
    if (pos >= paragraph_end) break;
    std::size_t end = pos + 1;
    if (data[pos] >= 0x80) {
      bool spaceless = false;
      const std::size_t length = wide_terminator_length(data, pos, paragraph_end, spaceless);
      if (length == 0) {
        // Another character: a quote, a dash, a letter. Past it whole (an invalid byte alone).
        decode_utf8_inline(text, pos);
        continue;
      }
      end = pos + length;
    }
    // The marks' run: "?!", ".\"", ".)", ".’", "。」" all end where the white space starts. A run
    // holding a mark of Chinese or Japanese ends its sentence without white space after it.
    bool ends_without_space = false;
    for (std::size_t mark = pos; mark < end;) {
      bool spaceless = false;
      const std::size_t length = data[mark] < 0x80 ? 1 : wide_terminator_length(data, mark, paragraph_end, spaceless);
      ends_without_space = ends_without_space || spaceless;
      mark += length;
    }
    while (end < paragraph_end) {
      const std::size_t length = mark_length(data, end, paragraph_end);
      if (length == 0) break;
      bool spaceless = false;
      wide_terminator_length(data, end, paragraph_end, spaceless);
      ends_without_space = ends_without_space || spaceless;
      end += length;
    }
    if (end >= paragraph_end) break;  // the paragraph's last sentence ends with it
    if (ends_without_space) {
      const std::size_t following = skip_spaces(data, end, paragraph_end);
      out.sentences.push_back({sentence_start, end});
      out.sentence_paragraph.push_back(paragraph_index);
      sentence_start = following;
      pos = following;
      continue;
    }
    const std::size_t space = space_length(data, end, paragraph_end);
    if (space == 0) {
      pos = end;  // "example.com", "3.5": past the whole run, so a long run is scanned once
      continue;
    }
    const std::size_t following = skip_spaces(data, end + space, paragraph_end);
    if (starts_in_lower_case(text, following) ||
        !marks_end_sentence(text, sentence_start, pos, end)) {
      pos = end;
      continue;
    }
    out.sentences.push_back({sentence_start, end});
    out.sentence_paragraph.push_back(paragraph_index);
    sentence_start = following;
    pos = following;
  }
  out.sentences.push_back({sentence_start, paragraph_end});
  out.sentence_paragraph.push_back(paragraph_index);
}

// Bits set in each byte value: std::popcount is a call into libgcc unless the target has the
// instruction.
constexpr auto kBitCounts = [] {
  std::array<std::uint8_t, 256> counts{};
  for (unsigned i = 0; i < 256; ++i) counts[i] = static_cast<std::uint8_t>(std::popcount(i));
  return counts;
}();

// Counts the character at pos into words; returns where the next character starts.
std::size_t count_words_of_character(std::string_view text, std::size_t pos, std::uint64_t& words,
                                     bool& in_word) noexcept {
  const unsigned char byte = bytes_of(text)[pos];
  bool word_char = false;
  bool alone = false;  // a character of a script without spaces is a word of its own (中国: two)
  if (byte < 0x80) {
    word_char = has_class(byte, kWordByte);
    ++pos;
  } else {
    const CharacterClass character = character_class(decode_utf8_inline(text, pos));
    word_char = character.word;
    alone = word_char && character.spaceless;
  }
  if (word_char && (!in_word || alone)) ++words;
  in_word = word_char && !alone;
  return pos;
}

// Counts the words among the characters starting in [pos, stop) and returns where the first
// character at or after stop starts. `in_word` says whether the character before pos was a word
// character, and is updated.
std::size_t count_words(std::string_view text, std::size_t pos, std::size_t stop,
                        std::uint64_t& words, bool& in_word) noexcept {
#if defined(__SSE2__)
  // Sixteen ASCII bytes at a time: a bit mask of the word bytes, in which a word starts at each
  // set bit whose lower neighbour (the byte before) is clear.
  const unsigned char* data = bytes_of(text);
  const std::size_t size = text.size();
  const auto count_block = [&](const __m128i block, unsigned counted, std::size_t take) {
    // ASCII bytes compare as positive signed values; OR 0x20 folds A-Z onto a-z and nothing else
    // onto them.
    const __m128i digits = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)),
                                         _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
    const __m128i folded = _mm_or_si128(block, _mm_set1_epi8(0x20));
    const __m128i letters = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                          _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const unsigned word_bytes =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(digits, letters))) & counted;
    const unsigned word_starts = word_bytes & ~((word_bytes << 1U) | (in_word ? 1U : 0U));
    words += static_cast<std::uint64_t>(kBitCounts[word_starts & 0xFFU]) +
             kBitCounts[word_starts >> 8U];
    in_word = ((word_bytes >> (take - 1)) & 1U) != 0;
  };
  while (pos < stop) {
    if (stop - pos >= 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
      if (_mm_movemask_epi8(block) == 0) {
        count_block(block, 0xFFFFU, 16);
        pos += 16;
        continue;
      }
    } else if (size - pos >= 16) {
      // The last few bytes before stop, as the first of sixteen: the bytes after stop are still
      // text, so they can be read, and they are masked off.
      const std::size_t take = stop - pos;
      const unsigned counted = (1U << take) - 1U;
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
      if ((static_cast<unsigned>(_mm_movemask_epi8(block)) & counted) == 0) {
        count_block(block, counted, take);
        pos = stop;
        continue;
      }
    }
    // A block holding a multi-byte character, or the end of the text: one character at a time.
    pos = count_words_of_character(text, pos, words, in_word);
  }
#else
  while (pos < stop) pos = count_words_of_character(text, pos, words, in_word);
#endif
  return pos;
}

}  // namespace

void Segmentation::clear() noexcept {
  paragraphs.clear();
  sentences.clear();
  sentence_paragraph.clear();
}

void segment_text(std::string_view text, Segmentation& out) {
  out.clear();
  const unsigned char* data = bytes_of(text);
  const std::size_t size = text.size();
  // A paragraph is a run of lines that are not blank (white space only); pos is at a line's start.
  std::size_t pos = 0;
  while (pos < size) {
    const std::size_t first = skip_inline_spaces(data, pos, size);
    if (first == size) break;
    if (data[first] == '\n') {
      pos = first + 1;
      continue;
    }
    std::size_t line_end = find_line_feed(data, first, size);
    std::size_t after_paragraph = size;
    while (line_end < size) {
      const std::size_t next_first = skip_inline_spaces(data, line_end + 1, size);
      if (next_first == size || data[next_first] == '\n') {  // a blank line ends the paragraph
        after_paragraph = std::min(next_first + 1, size);
        break;
      }
      line_end = find_line_feed(data, next_first, size);
    }
    // The first line has a character that is not white space: the trimmed paragraph is not empty.
    const Span paragraph{first, trim_end(data, first, line_end)};
    const auto index = static_cast<std::uint32_t>(out.paragraphs.size());
    out.paragraphs.push_back(paragraph);
    split_sentences(text, paragraph, index, out);
    pos = after_paragraph;
  }
}

void locate_mentions(const Segmentation& segmentation, std::vector<Mention>& mentions) noexcept {
  std::size_t sentence = 0;
  const std::size_t count = segmentation.sentences.size();
  for (Mention& mention : mentions) {
    while (sentence + 1 < count && segmentation.sentences[sentence + 1].start <= mention.start) {
      ++sentence;
    }
    if (count == 0) continue;  // only possible for a text with no words at all
    mention.sentence = static_cast<std::uint32_t>(sentence);
    mention.paragraph = segmentation.sentence_paragraph[sentence];
  }
}

void number_words(std::string_view text, Segmentation& segmentation, std::vector<Mention>& mentions) noexcept {
  std::uint64_t words = 0;
  bool in_word = false;
  std::size_t next_mention = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Count up to the next mention without looking at mentions, then count the character at or
    // after its start: a mention starts at a word start, so it is the word just counted.
    const std::size_t stop = next_mention < mentions.size()
                                 ? std::min(mentions[next_mention].start, text.size())
                                 : text.size();
    pos = count_words(text, pos, stop, words, in_word);
    if (pos >= text.size()) break;
    const std::size_t start = pos;
    pos = count_words_of_character(text, pos, words, in_word);
    while (next_mention < mentions.size() && mentions[next_mention].start <= start) {
      mentions[next_mention++].word = static_cast<std::uint32_t>(words == 0 ? 0 : words - 1);
    }
  }
  segmentation.words = words;
}

}  // namespace comention
