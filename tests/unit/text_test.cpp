// Unit tests for text.hpp: UTF-8 decoding and validation, character classes, and the folded view
// of a text that the matcher searches.
#include "comention/text.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

namespace {

using comention::decode_utf8;
using comention::find_invalid_utf8;
using comention::FoldedText;
using comention::fold_text;
using comention::is_word_char;
using comention::letter_case;
using comention::LetterCase;

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `offset` and reports how many bytes were consumed.
struct Decoded {
  char32_t cp;
  std::size_t consumed;
};
Decoded decode_at(std::string_view text, std::size_t offset = 0) {
  std::size_t pos = offset;
  const char32_t cp = decode_utf8(text, pos);
  return {cp, pos - offset};
}

FoldedText folded_of(std::string_view text) {
  FoldedText folded;
  fold_text(text, folded);
  return folded;
}

}  // namespace

TEST_SUITE("text") {

TEST_CASE("decode_utf8 decodes valid one- to four-byte sequences and advances past them") {
  const Decoded ascii = decode_at("A");
  CHECK(ascii.cp == U'A');
  CHECK(ascii.consumed == 1);

  const Decoded two = decode_at("\xC3\xA9");  // é
  CHECK(two.cp == U'\u00E9');
  CHECK(two.consumed == 2);

  const Decoded three = decode_at("\xE4\xB8\xAD");  // 中
  CHECK(three.cp == U'\u4E2D');
  CHECK(three.consumed == 3);

  const Decoded four = decode_at("\xF0\x9F\x98\x80");  // 😀
  CHECK(four.cp == U'\U0001F600');
  CHECK(four.consumed == 4);

  const Decoded highest = decode_at("\xF4\x8F\xBF\xBF");
  CHECK(highest.cp == U'\U0010FFFF');
  CHECK(highest.consumed == 4);
}

TEST_CASE("decode_utf8 decodes from the middle of a text") {
  const std::string_view text = "a\xC3\xA9z";
  std::size_t pos = 1;
  CHECK(decode_utf8(text, pos) == U'\u00E9');
  CHECK(pos == 3);
  CHECK(decode_utf8(text, pos) == U'z');
  CHECK(pos == 4);
}

TEST_CASE("decode_utf8 returns U+FFFD and advances one byte on a truncated sequence") {
  const Decoded two = decode_at("\xC3");
  CHECK(two.cp == kReplacement);
  CHECK(two.consumed == 1);

  const Decoded three = decode_at("\xE4\xB8");
  CHECK(three.cp == kReplacement);
  CHECK(three.consumed == 1);

  const Decoded four = decode_at("\xF0\x9F\x98");
  CHECK(four.cp == kReplacement);
  CHECK(four.consumed == 1);

  // A lead byte followed by something that is not a continuation byte.
  const Decoded interrupted = decode_at("\xC3" "A");
  CHECK(interrupted.cp == kReplacement);
  CHECK(interrupted.consumed == 1);
}

TEST_CASE("decode_utf8 rejects overlong forms one byte at a time") {
  for (const std::string_view overlong :
       {std::string_view("\xC0\xAF"), std::string_view("\xC1\xBF"), std::string_view("\xE0\x80\xAF"),
        std::string_view("\xF0\x80\x80\xAF")}) {
    CAPTURE(overlong.size());
    const Decoded decoded = decode_at(overlong);
    CHECK(decoded.cp == kReplacement);
    CHECK(decoded.consumed == 1);
  }
}

TEST_CASE("decode_utf8 rejects surrogates, code points past U+10FFFF and stray bytes") {
  const Decoded high_surrogate = decode_at("\xED\xA0\x80");  // U+D800
  CHECK(high_surrogate.cp == kReplacement);
  CHECK(high_surrogate.consumed == 1);

  const Decoded low_surrogate = decode_at("\xED\xBF\xBF");  // U+DFFF
  CHECK(low_surrogate.cp == kReplacement);
  CHECK(low_surrogate.consumed == 1);

  const Decoded too_high = decode_at("\xF4\x90\x80\x80");  // U+110000
  CHECK(too_high.cp == kReplacement);
  CHECK(too_high.consumed == 1);

  const Decoded continuation = decode_at("\x80");
  CHECK(continuation.cp == kReplacement);
  CHECK(continuation.consumed == 1);

  const Decoded invalid_lead = decode_at("\xFF");
  CHECK(invalid_lead.cp == kReplacement);
  CHECK(invalid_lead.consumed == 1);
}

TEST_CASE("decode_utf8 always makes progress through garbage") {
  const std::string_view garbage = "\xFF\xC3\xE4\xB8\xED\xA0\x80\xF4\x90";
  std::size_t pos = 0;
  std::size_t steps = 0;
  while (pos < garbage.size()) {
    const std::size_t before = pos;
    CHECK(decode_utf8(garbage, pos) == kReplacement);
    CHECK(pos == before + 1);
    ++steps;
  }
  CHECK(steps == garbage.size());
}

TEST_CASE("append_utf8 encodes what decode_utf8 decodes") {
  for (const char32_t cp : {U'A', U'\u00E9', U'\u0130', U'\u4E2D', U'\uFFFD', U'\U0001F600',
                            U'\U0010FFFF'}) {
    CAPTURE(static_cast<std::uint32_t>(cp));
    std::string encoded;
    comention::append_utf8(encoded, cp);
    std::size_t pos = 0;
    CHECK(decode_utf8(encoded, pos) == cp);
    CHECK(pos == encoded.size());
  }
  std::string text = "x";
  comention::append_utf8(text, U'\u00E9');
  CHECK(text == "x\xC3\xA9");
}

TEST_CASE("find_invalid_utf8 accepts valid text") {
  CHECK_FALSE(find_invalid_utf8("").has_value());
  CHECK_FALSE(find_invalid_utf8("plain ASCII").has_value());
  CHECK_FALSE(find_invalid_utf8("C\xC3\xB4te d\xE2\x80\x99Ivoire \xE4\xB8\xAD \xF0\x9F\x98\x80").has_value());
}

TEST_CASE("find_invalid_utf8 treats a genuine U+FFFD in the text as valid") {
  CHECK_FALSE(find_invalid_utf8("before \xEF\xBF\xBD after").has_value());
  CHECK_FALSE(find_invalid_utf8("\xEF\xBF\xBD").has_value());
}

TEST_CASE("find_invalid_utf8 reports the offset of the first bad byte") {
  CHECK(find_invalid_utf8("abc\xFF" "def") == std::optional<std::size_t>(3));
  CHECK(find_invalid_utf8("\x80") == std::optional<std::size_t>(0));
  CHECK(find_invalid_utf8("\xC3\xA9\xC3") == std::optional<std::size_t>(2));          // truncated
  CHECK(find_invalid_utf8("ok \xC0\xAF") == std::optional<std::size_t>(3));           // overlong
  CHECK(find_invalid_utf8("ab\xED\xA0\x80") == std::optional<std::size_t>(2));        // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0));      // > U+10FFFF
  CHECK(find_invalid_utf8("\xEF\xBF") == std::optional<std::size_t>(0));              // cut U+FFFD
  CHECK(find_invalid_utf8("x\xFF y \xFE") == std::optional<std::size_t>(1));          // the first
}

TEST_CASE("is_word_char accepts ASCII letters and digits only among ASCII") {
  CHECK(is_word_char(U'a'));
  CHECK(is_word_char(U'Z'));
  CHECK(is_word_char(U'7'));
  for (const char32_t cp : {U' ', U'-', U'.', U'\'', U'"', U'_', U'\t', U'\n', U'(', U'&'}) {
    CAPTURE(static_cast<std::uint32_t>(cp));
    CHECK_FALSE(is_word_char(cp));
  }
}

TEST_CASE("is_word_char accepts letters of any script") {
  CHECK(is_word_char(U'\u00E9'));  // é
  CHECK(is_word_char(U'\u00C7'));  // Ç
  CHECK(is_word_char(U'\u0130'));  // İ
  CHECK(is_word_char(U'\u0414'));  // Cyrillic Д
  CHECK(is_word_char(U'\u0434'));  // Cyrillic д
  CHECK(is_word_char(U'\u03A9'));  // Greek Ω
  CHECK(is_word_char(U'\u4E2D'));  // CJK 中
  CHECK(is_word_char(U'\u3042'));  // Hiragana あ
  CHECK(is_word_char(U'\u0627'));  // Arabic alef
}

TEST_CASE("is_word_char rejects punctuation, spaces and symbols") {
  CHECK_FALSE(is_word_char(U'\u00A0'));  // no-break space
  CHECK_FALSE(is_word_char(U'\u2013'));  // en dash
  CHECK_FALSE(is_word_char(U'\u2014'));  // em dash
  CHECK_FALSE(is_word_char(U'\u2019'));  // right single quotation mark
  CHECK_FALSE(is_word_char(U'\u201C'));  // left double quotation mark
  CHECK_FALSE(is_word_char(U'\u00AB'));  // «
  CHECK_FALSE(is_word_char(U'\u00D7'));  // multiplication sign
  CHECK_FALSE(is_word_char(U'\u3002'));  // ideographic full stop
  CHECK_FALSE(is_word_char(U'\u3000'));  // ideographic space
  CHECK_FALSE(is_word_char(U'\uFF0C'));  // full-width comma
  CHECK_FALSE(is_word_char(U'\uFFFD'));  // replacement character
  CHECK_FALSE(is_word_char(U'\U0001F600'));  // emoji
}

TEST_CASE("is_space covers ASCII and Unicode white space") {
  for (const char32_t cp : {U' ', U'\t', U'\n', U'\r', U'\u00A0', U'\u2009', U'\u202F', U'\u3000'}) {
    CAPTURE(static_cast<std::uint32_t>(cp));
    CHECK(comention::is_space(cp));
  }
  CHECK_FALSE(comention::is_space(U'a'));
  CHECK_FALSE(comention::is_space(U'-'));
  CHECK_FALSE(comention::is_space(U'\u2013'));
}

TEST_CASE("letter_case tells upper from lower case across scripts") {
  CHECK(letter_case(U'A') == LetterCase::upper);
  CHECK(letter_case(U'z') == LetterCase::lower);
  CHECK(letter_case(U'5') == LetterCase::none);
  CHECK(letter_case(U'-') == LetterCase::none);
  CHECK(letter_case(U'\u00C9') == LetterCase::upper);  // É
  CHECK(letter_case(U'\u00E9') == LetterCase::lower);  // é
  CHECK(letter_case(U'\u00DF') == LetterCase::lower);  // ß
  CHECK(letter_case(U'\u00D7') == LetterCase::none);   // ×
  CHECK(letter_case(U'\u0130') == LetterCase::upper);  // İ
  CHECK(letter_case(U'\u0131') == LetterCase::lower);  // ı
  CHECK(letter_case(U'\u0141') == LetterCase::upper);  // Ł
  CHECK(letter_case(U'\u0142') == LetterCase::lower);  // ł
  CHECK(letter_case(U'\u015E') == LetterCase::upper);  // Ş
  CHECK(letter_case(U'\u015F') == LetterCase::lower);  // ş
  CHECK(letter_case(U'\u0178') == LetterCase::upper);  // Ÿ
  CHECK(letter_case(U'\u017D') == LetterCase::upper);  // Ž
  CHECK(letter_case(U'\u017E') == LetterCase::lower);  // ž
  CHECK(letter_case(U'\u0218') == LetterCase::upper);  // Ș
  CHECK(letter_case(U'\u0219') == LetterCase::lower);  // ș
  CHECK(letter_case(U'\u0394') == LetterCase::upper);  // Δ
  CHECK(letter_case(U'\u03B4') == LetterCase::lower);  // δ
  CHECK(letter_case(U'\u0414') == LetterCase::upper);  // Д
  CHECK(letter_case(U'\u0434') == LetterCase::lower);  // д
  CHECK(letter_case(U'\u4E2D') == LetterCase::none);   // 中
}

TEST_CASE("fold_text lower-cases, strips accents and normalises the apostrophe") {
  const std::string_view text = "C\xC3\xB4te d\xE2\x80\x99Ivoire";  // Côte d’Ivoire
  const FoldedText folded = folded_of(text);
  CHECK(folded.bytes == "cote d'ivoire");
  CHECK(comention::fold(text) == "cote d'ivoire");
}

TEST_CASE("fold_text maps every folded byte back to its original offset") {
  const std::string_view text = "C\xC3\xB4te d\xE2\x80\x99Ivoire";  // Côte d’Ivoire
  const FoldedText folded = folded_of(text);
  REQUIRE(folded.bytes == "cote d'ivoire");
  REQUIRE(folded.origin.size() == folded.bytes.size() + 1);
  CHECK(folded.origin[0] == 0);   // C
  CHECK(folded.origin[1] == 1);   // ô starts at 1 (2 bytes)
  CHECK(folded.origin[2] == 3);   // t
  CHECK(folded.origin[3] == 4);   // e
  CHECK(folded.origin[4] == 5);   // space
  CHECK(folded.origin[5] == 6);   // d
  CHECK(folded.origin[6] == 7);   // ’ starts at 7 (3 bytes)
  CHECK(folded.origin[7] == 10);  // I
  CHECK(folded.origin.back() == text.size());
}

TEST_CASE("fold_text folds the two-byte İ of İstanbul to the one byte i") {
  const std::string_view text = "\xC4\xB0stanbul";  // İstanbul
  REQUIRE(text.size() == 9);
  const FoldedText folded = folded_of(text);
  CHECK(folded.bytes == "istanbul");
  REQUIRE(folded.origin.size() == 9);
  CHECK(folded.origin[0] == 0);  // i from İ
  CHECK(folded.origin[1] == 2);  // s
  CHECK(folded.origin[7] == 8);  // l
  CHECK(folded.origin[8] == 9);  // the end
  REQUIRE(folded.letter_cases.size() == folded.bytes.size());
  CHECK(folded.letter_cases[0] == LetterCase::upper);
  CHECK(folded.letter_cases[1] == LetterCase::lower);
}

TEST_CASE("fold_text records the original letter case on the first byte of each character") {
  const FoldedText folded = folded_of("Ab \xD0\x94" "1");  // "Ab Д1": Д folds to two bytes д
  CHECK(folded.bytes == "ab \xD0\xB4" "1");
  REQUIRE(folded.letter_cases.size() == folded.bytes.size());
  CHECK(folded.letter_cases[0] == LetterCase::upper);
  CHECK(folded.letter_cases[1] == LetterCase::lower);
  CHECK(folded.letter_cases[2] == LetterCase::none);
  CHECK(folded.letter_cases[3] == LetterCase::upper);
  CHECK(folded.letter_cases[4] == LetterCase::none);
  CHECK(folded.letter_cases[5] == LetterCase::none);
}

TEST_CASE("fold_text maps every byte of a multi-byte character to that character") {
  const FoldedText folded = folded_of("a\xD0\x94" "b");  // "aДb" folds to "aдb"
  REQUIRE(folded.bytes == "a\xD0\xB4" "b");
  REQUIRE(folded.origin.size() == 5);
  CHECK(folded.origin[1] == 1);
  CHECK(folded.origin[2] == 1);  // the continuation byte points at its character's start
  CHECK(folded.origin[3] == 3);
  CHECK(folded.letter_cases[1] == LetterCase::upper);
  CHECK(folded.letter_cases[2] == LetterCase::none);  // case is kept on the first byte only
}

TEST_CASE("fold_text turns every dash into '-'") {
  CHECK(comention::fold("Guinea\xE2\x80\x93" "Bissau") == "guinea-bissau");  // en dash
  CHECK(comention::fold("a\xE2\x80\x94" "b") == "a-b");                       // em dash
  CHECK(comention::fold("a\xE2\x80\x90" "b") == "a-b");                       // hyphen U+2010
  CHECK(comention::fold("a\xE2\x88\x92" "b") == "a-b");                       // minus sign
  CHECK(comention::fold("a-b") == "a-b");
}

TEST_CASE("fold_text collapses no-break spaces and runs of white space into one space") {
  CHECK(comention::fold("Burkina\xC2\xA0" "Faso") == "burkina faso");
  CHECK(comention::fold("a   b") == "a b");
  CHECK(comention::fold("a \t \xC2\xA0 b") == "a b");
  CHECK(comention::fold("a\nb") == "a b");
  CHECK(comention::fold("a\r\nb") == "a b");

  const std::string_view text = "x  \t y";
  const FoldedText folded = folded_of(text);
  REQUIRE(folded.bytes == "x y");
  CHECK(folded.origin[1] == 1);  // the space comes from the start of the run
  CHECK(folded.origin[2] == 5);  // y
}

TEST_CASE("fold_text turns white space holding a blank line into one line feed") {
  CHECK(comention::fold("a\n\nb") == "a\nb");
  CHECK(comention::fold("a \n  \n b") == "a\nb");
  CHECK(comention::fold("a\r\n\r\nb") == "a\nb");
  CHECK(comention::fold("a\n\n\n\nb") == "a\nb");
}

TEST_CASE("fold_text drops combining accents") {
  CHECK(comention::fold("e\xCC\x81") == "e");  // e + U+0301
  const std::string_view text = "Pe\xCC\x81ru x";
  const FoldedText folded = folded_of(text);
  CHECK(folded.bytes == "peru x");
  REQUIRE(folded.origin.size() == 7);
  CHECK(folded.origin[2] == 4);  // r follows the two-byte combining mark
  CHECK(folded.origin[4] == 6);  // the space
}

TEST_CASE("fold_text folds invalid UTF-8 as U+FFFD") {
  const FoldedText folded = folded_of("a\xFF" "b");
  CHECK(folded.bytes == "a\xEF\xBF\xBD" "b");
  REQUIRE(folded.origin.size() == folded.bytes.size() + 1);
  CHECK(folded.origin[1] == 1);
  CHECK(folded.origin[4] == 2);
  CHECK(folded.origin.back() == 3);
}

TEST_CASE("fold_text keeps origin one longer than bytes, ending at the text size") {
  for (const std::string_view text :
       {std::string_view(""), std::string_view("China"), std::string_view("T\xC3\xBCrkiye  \n\n x"),
        std::string_view("e\xCC\x81\xCC\x81"), std::string_view("   ")}) {
    CAPTURE(text);
    const FoldedText folded = folded_of(text);
    CHECK(folded.origin.size() == folded.bytes.size() + 1);
    CHECK(folded.letter_cases.size() == folded.bytes.size());
    CHECK(folded.origin.back() == text.size());
  }
}

TEST_CASE("fold_text reuses its output without keeping anything from the previous text") {
  FoldedText folded;
  fold_text("A much longer text about C\xC3\xB4te d'Ivoire", folded);
  fold_text("Iran", folded);
  CHECK(folded.bytes == "iran");
  CHECK(folded.origin.size() == 5);
  CHECK(folded.origin.back() == 4);
  CHECK(folded.letter_cases.size() == 4);
  CHECK(folded.letter_cases[0] == LetterCase::upper);
}


namespace {

// The folded view computed the slow way, one decoded character at a time, as the first
// implementation did: the fast path of fold_text must agree with it byte for byte.
comention::FoldedText reference_fold(std::string_view text) {
  comention::FoldedText out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto start = static_cast<std::uint32_t>(pos);
    char32_t cp = decode_utf8(text, pos);
    if (comention::is_space(cp)) {
      int line_breaks = 0;
      for (;;) {
        if (cp == '\n') ++line_breaks;
        if (pos >= text.size()) break;
        std::size_t next = pos;
        const char32_t following = decode_utf8(text, next);
        if (!comention::is_space(following)) break;
        cp = following;
        pos = next;
      }
      out.bytes.push_back(line_breaks >= 2 ? '\n' : ' ');
      out.origin.push_back(start);
      out.letter_cases.push_back(comention::LetterCase::none);
      continue;
    }
    // One character folded alone (its own text) gives its folded bytes, or none when it is
    // a combining mark or invisible.
    const std::string one = comention::fold(text.substr(start, pos - start));
    for (std::size_t i = 0; i < one.size(); ++i) {
      out.bytes.push_back(one[i]);
      out.origin.push_back(start);
      out.letter_cases.push_back(i == 0 ? comention::letter_case(cp) : comention::LetterCase::none);
    }
  }
  out.origin.push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

}  // namespace

TEST_CASE("fold_text's fast path agrees with folding one character at a time") {
  const char* const pieces[] = {"China", "CHINA", "u.s.", " ", "  ", "\n", "\n\n", " \n \n ", "\t", "\r\n",
                                "C\xC3\xB4te", "d\xE2\x80\x99Ivoire", "\xE2\x80\x93", "\xC2\xA0", "\xE3\x80\x80",
                                "T\xC3\xBCrkiye", "\xC3\x9F", "e\xCC\x81", "\xD0\x94", "\xF0\x9F\x98\x80",
                                "\xFF", "\xE2\x80", "3.5", ",", "\"", "\xE2\x80\x9C", "Z", "\xC8\x98",
                                // Folded by utf8proc: full-width, Greek, Arabic with harakat and
                                // tatweel, Han, Hangul, Devanagari, ligature, Turkish dotless i.
                                "\xEF\xBC\xA3\xEF\xBD\x88", "\xCE\x95\xCE\xBB\xCE\xAC\xCF\x82",
                                "\xD9\x85\xD9\x90\xD9\x80\xD8\xB5", "\xE4\xB8\xAD\xE5\x9B\xBD",
                                "\xED\x95\x9C", "\xE0\xA4\xAD\xE0\xA4\xBE", "\xEF\xAC\x81",
                                "\xC4\xB1", "\xC2\xA8", "\xE1\xBA\x9E"};
  std::uint32_t state = 12345;
  auto next_random = [&state] {
    state = state * 1664525U + 1013904223U;
    return state >> 8;
  };
  comention::FoldedText fast;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::uint32_t length = next_random() % 12;
    for (std::uint32_t i = 0; i < length; ++i) text += pieces[next_random() % std::size(pieces)];
    CAPTURE(text);
    comention::fold_text(text, fast);
    const comention::FoldedText slow = reference_fold(text);
    REQUIRE(fast.bytes == slow.bytes);
    REQUIRE(fast.origin == slow.origin);
    REQUIRE(fast.letter_cases == slow.letter_cases);
  }
}

}

TEST_CASE("fold_text folds every BMP character as fold_code_point and letter_case do, alone and in a text") {
  // fold_text looks most characters up in a table filled from fold_code_point; this asks
  // fold_code_point itself (utf8proc) for each one and compares, byte for byte.
  comention::FoldedText folded;
  std::size_t mismatches = 0;
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates: no character
    std::string character;
    comention::append_utf8(character, cp);
    std::string expected;
    if (comention::is_space(cp)) {
      expected.push_back(' ');
    } else {
      char32_t parts[comention::kMaxFoldedLength];
      const std::size_t count = comention::fold_code_point(cp, parts);
      for (std::size_t i = 0; i < count; ++i) comention::append_utf8(expected, parts[i]);
    }
    const LetterCase expected_case = comention::is_space(cp) ? LetterCase::none : letter_case(cp);
    // Alone, and between two ASCII letters, where the folded bytes land at an offset.
    for (const std::string& prefix : {std::string(), std::string("xY")}) {
      std::string text = prefix;
      text += character;
      text += 'z';
      fold_text(text, folded);
      std::string wanted = prefix.empty() ? std::string() : std::string("xy");
      wanted += expected;
      wanted += 'z';
      bool same = folded.bytes == wanted && folded.letter_cases.size() == wanted.size() &&
                  folded.origin.size() == wanted.size() + 1 && folded.origin.back() == text.size();
      for (std::size_t i = prefix.size(); same && i < prefix.size() + expected.size(); ++i) {
        same = folded.origin[i] == prefix.size() &&
               folded.letter_cases[i] == (i == prefix.size() ? expected_case : LetterCase::none);
      }
      if (same && !wanted.empty()) same = folded.letter_cases.back() == LetterCase::lower;
      if (!same) {
        ++mismatches;
        if (mismatches <= 5) {
          char name[16];
          std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
          INFO(name << " after \"" << prefix << "\"");
          CHECK(folded.bytes == wanted);
        }
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("character_class agrees with is_word_char and is_spaceless_script for every code point") {
  // Looked up in a table for the BMP, filled from the two functions: compared with them here.
  std::size_t mismatches = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; cp = cp < 0x20000 ? cp + 1 : cp + 97) {
    const comention::CharacterClass looked_up = comention::character_class(cp);
    if (looked_up.word != is_word_char(cp) || looked_up.spaceless != comention::is_spaceless_script(cp)) {
      ++mismatches;
      if (mismatches <= 5) {
        char name[16];
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
        INFO(name);
        CHECK(looked_up.word == is_word_char(cp));
        CHECK(looked_up.spaceless == comention::is_spaceless_script(cp));
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("decode_utf8_inline decodes every one- to three-byte sequence as decode_utf8 does") {
  // Every lead byte with every second and third byte, valid or not, whole or cut short.
  std::size_t mismatches = 0;
  for (unsigned lead = 0; lead < 256; ++lead) {
    for (unsigned second = 0; second < 256; ++second) {
      const bool three = lead >= 0xE0;
      for (unsigned third = 0; third < (three ? 256U : 1U); ++third) {
        const char bytes[3] = {static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)};
        for (std::size_t length = 1; length <= (three ? 3U : 2U); ++length) {
          const std::string_view text(bytes, length);
          std::size_t slow_pos = 0;
          std::size_t fast_pos = 0;
          const char32_t slow = decode_utf8(text, slow_pos);
          const char32_t fast = comention::decode_utf8_inline(text, fast_pos);
          if (slow != fast || slow_pos != fast_pos) ++mismatches;
        }
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("edit_distance counts insertions, deletions, substitutions and swaps of neighbours") {
  CHECK(comention::edit_distance("", "") == 0);
  CHECK(comention::edit_distance("window", "window") == 0);
  CHECK(comention::edit_distance("", "abc") == 3);
  CHECK(comention::edit_distance("abc", "") == 3);
  CHECK(comention::edit_distance("--widow", "--window") == 1);   // one left out
  CHECK(comention::edit_distance("--windoow", "--window") == 1);  // one too many
  CHECK(comention::edit_distance("china", "chima") == 1);         // one wrong
  CHECK(comention::edit_distance("chnia", "china") == 1);         // two swapped
  CHECK(comention::edit_distance("kitten", "sitting") == 3);
  CHECK(comention::edit_distance("ca", "abc") == 3);  // optimal string alignment, not Damerau's 2
}

TEST_CASE("closest_word suggests a near candidate and nothing for a far one") {
  const std::vector<std::string_view> options{"--window", "--weight", "--widest", "--quiet"};
  CHECK(comention::closest_word("--widow", options) == std::optional<std::string_view>("--window"));
  CHECK(comention::closest_word("--qiuet", options) == std::optional<std::string_view>("--quiet"));
  CHECK_FALSE(comention::closest_word("--colour", options));
  CHECK_FALSE(comention::closest_word("x", {}));
  // Short words get one edit only: "abc" is not a slip for "xyz".
  CHECK_FALSE(comention::closest_word("abc", {"xyz", "abxy"}));
  CHECK(comention::closest_word("abc", {"xyz", "abd"}) == std::optional<std::string_view>("abd"));
  // Equally near: the first wins, so suggestions do not depend on anything but the order given.
  CHECK(comention::closest_word("dox", {"dog", "dot"}) == std::optional<std::string_view>("dog"));
}
