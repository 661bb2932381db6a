// Unit tests for segmenter.hpp: paragraphs, sentences, and locating mentions in them; and the
// fast segmenter checked against the plain one it replaced, on generated texts.
#include "comention/segmenter.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "comention/text.hpp"
#include "test_support.hpp"

namespace {

using comention::Segmentation;

Segmentation segment(std::string_view text) {
  Segmentation parts;
  comention::segment_text(text, parts);
  return parts;
}

std::vector<std::string> sentences_of(std::string_view text) {
  const Segmentation parts = segment(text);
  std::vector<std::string> sentences;
  for (const auto& span : parts.sentences) {
    REQUIRE(span.start < span.end);
    REQUIRE(span.end <= text.size());
    sentences.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return sentences;
}

std::vector<std::string> paragraphs_of(std::string_view text) {
  const Segmentation parts = segment(text);
  std::vector<std::string> paragraphs;
  for (const auto& span : parts.paragraphs) {
    paragraphs.emplace_back(text.substr(span.start, span.end - span.start));
  }
  return paragraphs;
}

using Strings = std::vector<std::string>;

// The segmenter as it was before its fast path (src/segmenter.cpp as of 1427497), kept verbatim
// but for this namespace: one decoded code point at a time, slow but easy to check by eye. The
// differential tests at the end of this file hold the fast segmenter to it byte for byte.
namespace reference {

using comention::decode_utf8;
using comention::is_space;
using comention::is_word_char;
using comention::letter_case;
using comention::LetterCase;
using comention::Mention;
using comention::Segmentation;
using comention::Span;

// Words that take a period without ending a sentence. Case matters: "No. 2" is an
// abbreviation, "said no." ends a sentence.
constexpr std::string_view kAbbreviations[] = {
    "Mr",  "Mrs", "Ms",   "Dr",   "Prof", "Gen",  "Sen",  "Rep",  "Gov", "Lt",  "Col",
    "Sgt", "Capt", "Maj", "Adm",  "Cmdr", "Rev",  "Hon",  "Pres", "St",  "Jr",  "Sr",
    "Mt",  "Ft",  "No",   "Nos",  "Vol",  "Fig",  "Jan",  "Feb",  "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep",  "Sept", "Oct",  "Nov",  "Dec",  "vs",   "approx", "cf", "Messrs",
};

// Chinese and Japanese sentence ends, after which no white space is needed (issue 14).
bool is_spaceless_terminator(char32_t cp) noexcept {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF0E || cp == 0xFF1F || cp == 0xFF61;
}

bool is_terminator(char32_t cp) noexcept {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || is_spaceless_terminator(cp) ||
         cp == 0x061F || cp == 0x06D4 || cp == 0x0964 || cp == 0x0965 || cp == 0x037E || cp == 0x0589 ||
         cp == 0x1362 || cp == 0x1367;
}

bool is_closer(char32_t cp) noexcept {
  return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D ||
         cp == 0xBB || cp == 0x300D || cp == 0x300F || cp == 0x3011 || cp == 0x300B || cp == 0x3009 ||
         cp == 0xFF09;
}

// The code point starting at pos, and the offset after it.
char32_t peek(std::string_view text, std::size_t pos, std::size_t& next) noexcept {
  next = pos;
  return decode_utf8(text, next);
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, std::size_t end) noexcept {
  while (pos < end) {
    std::size_t next = 0;
    if (!is_space(peek(text, pos, next))) break;
    pos = next;
  }
  return pos;
}

// End of [start, end) without trailing white space.
std::size_t trim_end(std::string_view text, std::size_t start, std::size_t end) noexcept {
  std::size_t last = start;
  std::size_t pos = start;
  while (pos < end) {
    std::size_t next = 0;
    if (!is_space(peek(text, pos, next))) last = next;
    pos = next;
  }
  return last;
}

// Does the period at `period` close an abbreviation, an initial or a dotted acronym?
bool period_is_abbreviation(std::string_view text, std::size_t sentence_start,
                            std::size_t period) noexcept {
  // The token is the run of letters, digits and periods before the period: "N" in "state—N.",
  // "St" in "Miami/St.", "U.S" in "(U.S.", so dashes, slashes and brackets do not hide it.
  std::size_t token_start = period;
  while (token_start > sentence_start) {
    std::size_t char_start = token_start - 1;
    while (char_start > sentence_start && (static_cast<unsigned char>(text[char_start]) & 0xC0U) == 0x80U) {
      --char_start;
    }
    std::size_t next = 0;
    const char32_t cp = peek(text, char_start, next);
    if (cp != '.' && !is_word_char(cp)) break;
    token_start = char_start;
  }
  std::string_view token = text.substr(token_start, period - token_start);
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
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), token) !=
         std::end(kAbbreviations);
}

void split_sentences(std::string_view text, Span paragraph, std::uint32_t paragraph_index,
                     Segmentation& out) {
  auto add = [&](std::size_t start, std::size_t end) {
    end = trim_end(text, start, end);
    if (end > start) {
      out.sentences.push_back({start, end});
      out.sentence_paragraph.push_back(paragraph_index);
    }
  };
  std::size_t sentence_start = paragraph.start;
  std::size_t pos = paragraph.start;
  while (pos < paragraph.end) {
    std::size_t after = 0;
    const char32_t cp = peek(text, pos, after);
    if (!is_terminator(cp)) {
      pos = after;
      continue;
    }
    std::size_t end = after;
    bool spaceless = is_spaceless_terminator(cp);
    while (end < paragraph.end) {
      std::size_t next = 0;
      const char32_t c = peek(text, end, next);
      if (!is_terminator(c) && !is_closer(c)) break;
      spaceless = spaceless || is_spaceless_terminator(c);
      end = next;
    }
    if (end >= paragraph.end) break;
    if (spaceless) {
      add(sentence_start, end);
      sentence_start = skip_spaces(text, end, paragraph.end);
      pos = sentence_start;
      continue;
    }
    std::size_t next = 0;
    if (!is_space(peek(text, end, next))) {
      pos = end;  // past the whole run of marks: scanning it again would make this quadratic
      continue;
    }
    const std::size_t following = skip_spaces(text, end, paragraph.end);
    const bool lower_follows = letter_case(peek(text, following, next)) == LetterCase::lower;
    if (lower_follows || (cp == '.' && period_is_abbreviation(text, sentence_start, pos))) {
      pos = after;
      continue;
    }
    add(sentence_start, end);
    sentence_start = following;
    pos = following;
  }
  add(sentence_start, paragraph.end);
}

bool line_is_blank(std::string_view line) noexcept {
  std::size_t pos = 0;
  while (pos < line.size()) {
    if (!is_space(decode_utf8(line, pos))) return false;
  }
  return true;
}


void segment_text(std::string_view text, Segmentation& out) {
  out.clear();
  std::size_t paragraph_start = std::string_view::npos;
  std::size_t paragraph_end = 0;
  auto close_paragraph = [&]() {
    if (paragraph_start == std::string_view::npos) return;
    const std::size_t start = skip_spaces(text, paragraph_start, paragraph_end);
    const std::size_t end = trim_end(text, start, paragraph_end);
    if (end > start) {
      const auto index = static_cast<std::uint32_t>(out.paragraphs.size());
      out.paragraphs.push_back({start, end});
      split_sentences(text, {start, end}, index, out);
    }
    paragraph_start = std::string_view::npos;
  };

  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (line_is_blank(text.substr(line_start, line_end - line_start))) {
      close_paragraph();
    } else {
      if (paragraph_start == std::string_view::npos) paragraph_start = line_start;
      paragraph_end = line_end;
    }
    line_start = line_end + 1;
  }
  close_paragraph();
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
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    const bool word_char = is_word_char(cp);
    // Issue 14: each character of a script without spaces is a word of its own.
    const bool alone = word_char && comention::is_spaceless_script(cp);
    if (word_char && (!in_word || alone)) ++words;
    in_word = word_char && !alone;
    // A mention starts at a word start: it is the word just counted.
    while (next_mention < mentions.size() && mentions[next_mention].start <= start) {
      mentions[next_mention++].word = static_cast<std::uint32_t>(words == 0 ? 0 : words - 1);
    }
  }
  segmentation.words = words;
}

}  // namespace reference

}  // namespace

TEST_SUITE("segmenter") {

TEST_CASE("paragraphs are separated by blank lines") {
  CHECK(paragraphs_of("First one.\n\nSecond one.\n\n\nThird one.") ==
        Strings{"First one.", "Second one.", "Third one."});
}

TEST_CASE("a single line break does not end a paragraph") {
  CHECK(paragraphs_of("Line one\nline two.") == Strings{"Line one\nline two."});
}

TEST_CASE("a line of only white space separates paragraphs") {
  CHECK(paragraphs_of("First one.\n   \nSecond one.") == Strings{"First one.", "Second one."});
  CHECK(paragraphs_of("First one.\n\t \t\nSecond one.") == Strings{"First one.", "Second one."});
}

TEST_CASE("CRLF line ends separate paragraphs and are trimmed from them") {
  const std::string_view text = "First one.\r\n\r\nSecond one.\r\n";
  CHECK(paragraphs_of(text) == Strings{"First one.", "Second one."});
  CHECK(sentences_of(text) == Strings{"First one.", "Second one."});
}

TEST_CASE("paragraph spans are byte offsets trimmed of white space") {
  const std::string_view text = "\n\n  Alpha beta.  \n\n\tGamma.\n";
  const Segmentation parts = segment(text);
  REQUIRE(parts.paragraphs.size() == 2);
  CHECK(parts.paragraphs[0].start == 4);
  CHECK(parts.paragraphs[0].end == 15);
  CHECK(parts.paragraphs[1].start == text.find("Gamma"));
  CHECK(parts.paragraphs[1].end == text.find("Gamma") + 6);
}

TEST_CASE("an empty or blank text has no paragraphs and no sentences") {
  for (const std::string_view text : {std::string_view(""), std::string_view("  \n\n \t\r\n")}) {
    const Segmentation parts = segment(text);
    CHECK(parts.paragraphs.empty());
    CHECK(parts.sentences.empty());
    CHECK(parts.sentence_paragraph.empty());
  }
}

TEST_CASE("a period before white space and a capital ends a sentence") {
  CHECK(sentences_of("China spoke. Iran listened. Both left.") ==
        Strings{"China spoke.", "Iran listened.", "Both left."});
}

TEST_CASE("exclamation and question marks end sentences") {
  CHECK(sentences_of("Is it over? Nobody knows! Talks resume.") ==
        Strings{"Is it over?", "Nobody knows!", "Talks resume."});
  CHECK(sentences_of("Really?! Yes.") == Strings{"Really?!", "Yes."});
}

TEST_CASE("dotted acronyms do not end a sentence") {
  CHECK(sentences_of("He flew to the U.S. The talks went well.") ==
        Strings{"He flew to the U.S. The talks went well."});
  CHECK(sentences_of("The U.N. Security Council met. It voted.") ==
        Strings{"The U.N. Security Council met.", "It voted."});
}

TEST_CASE("titles, months and No. do not end a sentence") {
  CHECK(sentences_of("Mr. Li met Dr. Okafor on Feb. 3 in Lagos. They spoke.") ==
        Strings{"Mr. Li met Dr. Okafor on Feb. 3 in Lagos.", "They spoke."});
  CHECK(sentences_of("Resolution No. 2 passed. It was close.") ==
        Strings{"Resolution No. 2 passed.", "It was close."});
  CHECK(sentences_of("Talks (Mr. Li said) resumed. Then stopped.") ==
        Strings{"Talks (Mr. Li said) resumed.", "Then stopped."});
}

TEST_CASE("an abbreviation after a no-break space does not end a sentence") {
  // U+00A0 is white space everywhere else (folding, sentence ends, trimming), so "Dr." after it
  // is still the abbreviation, as after an ordinary space.
  CHECK(sentences_of("Talks with\xC2\xA0" "Dr. Li ended. Next.") ==
        Strings{"Talks with\xC2\xA0" "Dr. Li ended.", "Next."});
  CHECK(sentences_of("Talks with Dr. Li ended. Next.") == Strings{"Talks with Dr. Li ended.", "Next."});
}

TEST_CASE("an initial does not end a sentence") {
  CHECK(sentences_of("The envoy J. Smith arrived. He left.") ==
        Strings{"The envoy J. Smith arrived.", "He left."});
}

TEST_CASE("a decimal number does not end a sentence") {
  CHECK(sentences_of("Growth was 3.5 percent. Prices rose 0.4 points.") ==
        Strings{"Growth was 3.5 percent.", "Prices rose 0.4 points."});
}

TEST_CASE("a year or other number before the period does end a sentence") {
  CHECK(sentences_of("It happened in 2020. Then it stopped.") ==
        Strings{"It happened in 2020.", "Then it stopped."});
}

TEST_CASE("closing quotes and brackets after the period belong to the sentence") {
  CHECK(sentences_of("He said \"we agree.\" Then he left.") ==
        Strings{"He said \"we agree.\"", "Then he left."});
  CHECK(sentences_of("He said \xE2\x80\x9Cwe agree.\xE2\x80\x9D Then he left.") ==
        Strings{"He said \xE2\x80\x9Cwe agree.\xE2\x80\x9D", "Then he left."});
  CHECK(sentences_of("(See the annex.) Then vote.") == Strings{"(See the annex.)", "Then vote."});
}

TEST_CASE("a comma inside a quotation does not end a sentence") {
  CHECK(sentences_of("\xE2\x80\x9CWe agree,\xE2\x80\x9D he said. They left.") ==
        Strings{"\xE2\x80\x9CWe agree,\xE2\x80\x9D he said.", "They left."});
}

TEST_CASE("a lower-case word after a period does not start a sentence") {
  CHECK(sentences_of("Prices rose e.g. in Iran. Then fell.") ==
        Strings{"Prices rose e.g. in Iran.", "Then fell."});
  CHECK(sentences_of("The deal is done. and yet.") == Strings{"The deal is done. and yet."});
}

TEST_CASE("a period not followed by white space does not end a sentence") {
  CHECK(sentences_of("Visit example.com today. Now.") == Strings{"Visit example.com today.", "Now."});
}

TEST_CASE("a headline without final punctuation followed by a blank line is its own sentence") {
  const std::string_view text = "China and Iran sign deal\n\nThe two countries signed. It was signed.";
  CHECK(sentences_of(text) ==
        Strings{"China and Iran sign deal", "The two countries signed.", "It was signed."});
  const Segmentation parts = segment(text);
  CHECK(parts.paragraphs.size() == 2);
}

TEST_CASE("the last sentence need not end in punctuation") {
  CHECK(sentences_of("One. Two without a period") == Strings{"One.", "Two without a period"});
}

TEST_CASE("sentence spans are trimmed of white space") {
  const std::string_view text = "   Alpha one.    Beta two.  \t ";
  const Segmentation parts = segment(text);
  REQUIRE(parts.sentences.size() == 2);
  CHECK(parts.sentences[0].start == 3);
  CHECK(parts.sentences[0].end == 13);
  CHECK(parts.sentences[1].start == 17);
  CHECK(parts.sentences[1].end == 26);
  CHECK(sentences_of("A line.\nAnother line.  \n") == Strings{"A line.", "Another line."});
}

TEST_CASE("a sentence inside a paragraph may span line breaks") {
  CHECK(sentences_of("The talks\nin Geneva ended. Next.") == Strings{"The talks\nin Geneva ended.", "Next."});
}

TEST_CASE("sentence_paragraph gives each sentence's paragraph") {
  const Segmentation parts = segment("Headline\n\nOne. Two. Three.\n\nFour.\n\nFive. Six.");
  REQUIRE(parts.sentences.size() == 7);
  REQUIRE(parts.sentence_paragraph.size() == parts.sentences.size());
  CHECK(parts.paragraphs.size() == 4);
  CHECK(parts.sentence_paragraph == std::vector<std::uint32_t>{0, 1, 1, 1, 2, 3, 3});
}

TEST_CASE("sentences lie inside their paragraphs and follow each other in text order") {
  const std::string_view text =
      "Headline here\n\nMr. Li met the U.S. envoy. They spoke!\nIran? Yes.\n\n  Last one.  ";
  const Segmentation parts = segment(text);
  REQUIRE(parts.sentence_paragraph.size() == parts.sentences.size());
  for (std::size_t i = 0; i < parts.sentences.size(); ++i) {
    CAPTURE(i);
    const auto& sentence = parts.sentences[i];
    const auto& paragraph = parts.paragraphs[parts.sentence_paragraph[i]];
    CHECK(sentence.start >= paragraph.start);
    CHECK(sentence.end <= paragraph.end);
    if (i > 0) CHECK(parts.sentences[i - 1].end <= sentence.start);
  }
  CHECK(parts.sentences.size() == 6);
}

TEST_CASE("segment_text replaces the previous result") {
  Segmentation parts;
  comention::segment_text("One. Two.\n\nThree.", parts);
  comention::segment_text("Only.", parts);
  CHECK(parts.paragraphs.size() == 1);
  CHECK(parts.sentences.size() == 1);
  CHECK(parts.sentence_paragraph.size() == 1);
}

TEST_CASE("locate_mentions assigns each mention its paragraph and sentence") {
  const std::string_view text = "Iran news\n\nChina met Iran. Oman waited.\n\nThen China left.";
  const Segmentation parts = segment(text);
  REQUIRE(parts.sentences.size() == 4);

  auto mention_at = [&](std::string_view surface, std::size_t from) {
    const std::size_t start = text.find(surface, from);
    REQUIRE(start != std::string_view::npos);
    return comention::Mention{0, start, start + surface.size(), 99, 99};
  };
  std::vector<comention::Mention> mentions = {
      mention_at("Iran", 0),   // headline: paragraph 0, sentence 0
      mention_at("China", 0),  // paragraph 1, sentence 1
      mention_at("Iran", 5),   // paragraph 1, sentence 1
      mention_at("Oman", 0),   // paragraph 1, sentence 2
      mention_at("China", 20), // paragraph 2, sentence 3
  };
  comention::locate_mentions(parts, mentions);
  const std::vector<std::uint32_t> paragraphs = {mentions[0].paragraph, mentions[1].paragraph,
                                                 mentions[2].paragraph, mentions[3].paragraph,
                                                 mentions[4].paragraph};
  const std::vector<std::uint32_t> sentences = {mentions[0].sentence, mentions[1].sentence,
                                                mentions[2].sentence, mentions[3].sentence,
                                                mentions[4].sentence};
  CHECK(paragraphs == std::vector<std::uint32_t>{0, 1, 1, 1, 2});
  CHECK(sentences == std::vector<std::uint32_t>{0, 1, 1, 2, 3});
}

TEST_CASE("locate_mentions accepts no mentions") {
  const Segmentation parts = segment("Nothing to see.");
  std::vector<comention::Mention> mentions;
  comention::locate_mentions(parts, mentions);
  CHECK(mentions.empty());
}

}  // TEST_SUITE

TEST_SUITE("segmenter: abbreviations after punctuation") {

TEST_CASE("an initial or abbreviation after a dash or slash does not end a sentence") {
  comention::Segmentation parts;
  const std::string_view text = "The isolated state\xE2\x80\x94N. Korea\xE2\x80\x94stalled talks. Flights from Miami/St. Lucia resumed.";
  comention::segment_text(text, parts);
  REQUIRE(parts.sentences.size() == 2);
  CHECK(text.substr(parts.sentences[1].start, 12) == "Flights from");
}

TEST_CASE("Chinese and Japanese sentences end at their full stops, with no space after them") {
  // 中国发表声明。美国回应！日本呢？
  CHECK(sentences_of("\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x8F\x91\xE8\xA1\xA8\xE5\xA3\xB0\xE6\x98\x8E\xE3\x80\x82"
                     "\xE7\xBE\x8E\xE5\x9B\xBD\xE5\x9B\x9E\xE5\xBA\x94\xEF\xBC\x81"
                     "\xE6\x97\xA5\xE6\x9C\xAC\xE5\x91\xA2\xEF\xBC\x9F") ==
        Strings{"\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x8F\x91\xE8\xA1\xA8\xE5\xA3\xB0\xE6\x98\x8E\xE3\x80\x82",
                "\xE7\xBE\x8E\xE5\x9B\xBD\xE5\x9B\x9E\xE5\xBA\x94\xEF\xBC\x81",
                "\xE6\x97\xA5\xE6\x9C\xAC\xE5\x91\xA2\xEF\xBC\x9F"});
  // A closing quote after the full stop belongs to the sentence: 他说「好。」然后
  CHECK(sentences_of("\xE4\xBB\x96\xE8\xAF\xB4\xE3\x80\x8C\xE5\xA5\xBD\xE3\x80\x82\xE3\x80\x8D\xE7\x84\xB6\xE5\x90\x8E") ==
        Strings{"\xE4\xBB\x96\xE8\xAF\xB4\xE3\x80\x8C\xE5\xA5\xBD\xE3\x80\x82\xE3\x80\x8D", "\xE7\x84\xB6\xE5\x90\x8E"});
  // Full-width comma, colon and semicolon end nothing: 中国，美国：日本；韩国
  CHECK(sentences_of("\xE4\xB8\xAD\xE5\x9B\xBD\xEF\xBC\x8C\xE7\xBE\x8E\xE5\x9B\xBD\xEF\xBC\x9A\xE6\x97\xA5\xE6\x9C\xAC\xEF\xBC\x9B\xE9\x9F\xA9\xE5\x9B\xBD").size() == 1);
}

TEST_CASE("Arabic, Urdu, Devanagari, Bengali, Greek, Armenian and Ethiopic sentence ends") {
  // هل توافق؟ نعم
  CHECK(sentences_of("\xD9\x87\xD9\x84 \xD8\xAA\xD9\x88\xD8\xA7\xD9\x81\xD9\x82\xD8\x9F \xD9\x86\xD8\xB9\xD9\x85").size() == 2);
  CHECK(sentences_of("\xD9\xBE\xD8\xA7\xDA\xA9\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86\xDB\x94 \xD8\xA8\xDA\xBE\xD8\xA7\xD8\xB1\xD8\xAA").size() == 2);  // Urdu ۔
  CHECK(sentences_of("\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4\xE0\xA5\xA4 \xE0\xA4\x9A\xE0\xA5\x80\xE0\xA4\xA8") ==
        Strings{"\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4\xE0\xA5\xA4", "\xE0\xA4\x9A\xE0\xA5\x80\xE0\xA4\xA8"});  // भारत। चीन
  CHECK(sentences_of("\xE0\xA6\xAD\xE0\xA6\xBE\xE0\xA6\xB0\xE0\xA6\xA4\xE0\xA5\xA5 \xE0\xA6\x9A\xE0\xA7\x80\xE0\xA6\xA8").size() == 2);  // Bengali ॥
  CHECK(sentences_of("\xCE\xA0\xCE\xBF\xCF\x8D\xCE\xBD\xCE\xB1\xCE\xB9\xCD\xBE \xCE\x95\xCE\xB4\xCF\x8E").size() == 2);  // Πούναι; Εδώ (U+037E)
  CHECK(sentences_of("\xD5\x80\xD5\xA1\xD5\xB5\xD5\xA1\xD5\xBD\xD5\xBF\xD5\xA1\xD5\xB6\xD6\x89 \xD4\xB1\xD5\xB5\xD5\xB8").size() == 2);  // Armenian ։
  CHECK(sentences_of("\xE1\x8A\xA2\xE1\x89\xB5\xE1\x8B\xAE\xE1\x8C\xB5\xE1\x8B\xAB\xE1\x8D\xA2 \xE1\x8A\xA0\xE1\x8B\x8E").size() == 2);  // Ethiopic ።
  // A space is still needed after them, as after "?": no end inside a run of letters.
  CHECK(sentences_of("\xD8\xAA\xD9\x88\xD8\xA7\xD9\x81\xD9\x82\xD8\x9F\xD9\x86\xD8\xB9\xD9\x85").size() == 1);
}

TEST_CASE("each character of a script without spaces counts as a word") {
  Segmentation parts;
  const std::string text = "\xE4\xB8\xAD\xE7\xBE\x8E\xE5\x85\xB3\xE7\xB3\xBB and China";  // 中美关系 and China
  comention::segment_text(text, parts);
  std::vector<comention::Mention> mentions{{0, 3, 6, 0, 0, 0}, {1, text.size() - 5, text.size(), 0, 0, 0}};
  comention::number_words(text, parts, mentions);
  CHECK(parts.words == 6);
  CHECK(mentions[0].word == 1);  // 美
  CHECK(mentions[1].word == 5);  // China
}

TEST_CASE("English rules are unchanged by the marks of other scripts") {
  CHECK(sentences_of("The U.S. and Mr. Smith met on Feb. 3. Growth was 3.5 percent. Next.") ==
        Strings{"The U.S. and Mr. Smith met on Feb. 3.", "Growth was 3.5 percent.", "Next."});
}

TEST_CASE("a long run of marks without a space after it is one step, not a sentence end") {
  comention::Segmentation parts;
  const std::string text = "China" + std::string(20000, '.') + "x and Iran. Done.";
  comention::segment_text(text, parts);
  CHECK(parts.sentences.size() == 2);
}

}

// doctest prints pairs as {?}: show them as start-end.
namespace doctest {
template <>
struct StringMaker<std::pair<std::size_t, std::size_t>> {
  static String convert(const std::pair<std::size_t, std::size_t>& span) {
    return toString(span.first) + "-" + toString(span.second);
  }
};
}  // namespace doctest

namespace {

// Texts built from pieces that exercise every rule of the segmenter: abbreviations, initials,
// numbers, runs of marks with closers, every kind of white space and line end, non-ASCII letters
// of every case, and bytes that are not valid UTF-8. A fixed seed makes failures reproducible.
class TextGenerator {
 public:
  explicit TextGenerator(std::uint32_t seed) : random_(seed) {}

  // Pieces joined by white space most of the time, directly some of the time.
  std::string pieces() {
    std::string text;
    const std::size_t count = below(60);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t kind = below(100);
      if (kind < 35) {
        text += pick(kWords);
      } else if (kind < 58) {
        text += pick(kSpaces);
      } else if (kind < 73) {
        text += pick(kMarks);
      } else if (kind < 85) {
        text += pick(kAbbreviated);
      } else if (kind < 93) {
        text += pick(kNumbers);
      } else {
        text += pick(kOddities);
      }
      if (below(4) != 0) text += below(10) == 0 ? pick(kSpaces) : std::string_view(" ");
    }
    return text;
  }

  // Bytes drawn from a small alphabet of the bytes the segmenter looks at, so that marks, closers,
  // white space, line ends and partial or broken UTF-8 sequences meet in every order.
  std::string byte_soup() {
    static constexpr std::string_view kAlphabet =
        ".!?.. \n\n\r\t\x0B\"')]aAzZJUS0"
        "\xE2\x80\xA6\x99\x9D\xA8\x9A\xC2\xBB\xA0\x85\xE3\xE1\xC3\xA9\x89\xCE\xB1\xD0\xFF\xF0\x9F";
    std::string text;
    const std::size_t count = below(40);
    for (std::size_t i = 0; i < count; ++i) text += kAlphabet[below(kAlphabet.size())];
    return text;
  }

  // Mention starts, sorted as the matcher returns them: any byte offset, including ones inside
  // a multi-byte character and the end of the text.
  std::vector<comention::Mention> mentions(std::size_t text_size) {
    std::vector<comention::Mention> result;
    const std::size_t count = below(8);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t start = below(text_size + 1);
      result.push_back({static_cast<std::uint32_t>(i), start, start + 1, 77, 88, 99});
    }
    std::sort(result.begin(), result.end(),
              [](const auto& a, const auto& b) { return a.start < b.start; });
    return result;
  }

  std::size_t below(std::size_t bound) { return bound == 0 ? 0 : random_() % bound; }

 private:
  template <std::size_t N>
  std::string_view pick(const std::string_view (&choices)[N]) {
    return choices[below(N)];
  }

  static constexpr std::string_view kWords[] = {
      "China", "Iran", "said", "talks", "percent", "the", "and", "Oman", "x", "I", "A", "a", "J",
      "U", "S", "N", "Mr", "St", "No", "no", "Feb", "vs", "approx", "Messrs", "Sept", "e", "g",
      "C\xC3\xB4te", "d\xE2\x80\x99Ivoire", "S\xC3\xA3o", "T\xC3\xBCrkiye", "\xC3\x89mile",
      "\xC3\xA9lan", "\xC3\xBC" "ber", "\xC3\x9F",
      "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1", "\xCE\xB1\xCF\x81\xCF\x87\xCE\xAE",
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xD0\xBC\xD0\xB8\xD1\x80",
      "\xE5\x8C\x97\xE4\xBA\xAC", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
      "\xF0\x9F\x98\x80", "e\xCC\x81", "\xE1\xB8\x80", "\xE1\xB8\x81", "\xC8\x98", "\xC8\x99",
      "\xC4\xB0", "\xC5\x93", "\xEF\xBC\xA1", "1st", "ABC", "d\xC3\xA9j\xC3\xA0"};
  static constexpr std::string_view kSpaces[] = {
      " ", "  ", "\t", "\n", "\r\n", "\n\n", "\n \t\n", "\r", "\r\n\r\n", "\n\r\n", "\x0B", "\x0C",
      "\xC2\xA0", "\xE2\x80\x89", "\xE3\x80\x80", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85",
      "\xE2\x80\x8B", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE1\x9A\x80", "\xE2\x80\x80",
      "\n\xC2\xA0\n", "\n\xE3\x80\x80\t\n"};
  static constexpr std::string_view kMarks[] = {
      ".", ".", ".", "!", "?", "?!", "!!", "...", "\xE2\x80\xA6", ".\"", ".)", ".]", ".'",
      ".\xE2\x80\x99", ".\xE2\x80\x9D", "!\xE2\x80\x9D", "?)", ".\xC2\xBB", ".).", "\xC2\xAB",
      "\xC2\xBB", "'", "\"", "(", ")", "[", "]", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99",
      "\xE2\x80\x98", ",", ";", ":", "\xE2\x80\x94", "/", "-", ". .", ".\xE2\x80\xA6",
      "?\xE2\x80\x9D.", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE3\x80\x82\xE3\x80\x8D",
      "\xE3\x80\x8D", "\xEF\xBC\x8C", "\xD8\x9F", "\xDB\x94", "\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xCD\xBE",
      "\xD6\x89", "\xE1\x8D\xA2", "\xEF\xBD\xA1"};
  static constexpr std::string_view kAbbreviated[] = {
      "U.S.", "U.N.", "Mr.", "Mrs.", "Dr.", "Feb.", "e.g.", "i.e.", "No.", "no.", "J.", "St.",
      "vs.", "approx.", "a.m.", "Messrs.", "(U.S.", "Miami/St.", "state\xE2\x80\x94N.", "U.S.A.",
      "Mr..", "3.", "1.2.", "A.B", "\xC3\x89.", "x.y.z.", "Sept.", "cf."};
  static constexpr std::string_view kNumbers[] = {"3.5", "1,000.50", "2020.", "0.4", "10.", "No. 2",
                                                   "1987", "6.4", "155,221", "5.93"};
  static constexpr std::string_view kOddities[] = {
      "\xEF\xBB\xBF", "\x80", "\xC3", "\xE2\x80", "\xFF", "\xE2", "\xC2", "\xF0\x9F\x98",
      "\xED\xA0\x80", "\xC0\xAE", "\xEF\xBF\xBD", "\xE2\x80\xA6\xE2\x80\xA6", "\xCC\x81",
      "\xE2\x80\x8D", "a\x80.", "\x80\x80.", "J\xCC\x81.", "\xC2\x85\xC2\x85"};

  std::mt19937 random_;
};

// Shows a failing text with its bytes escaped, so it can be pasted into a test.
std::string escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F && c != '\\' && c != '"') {
      out.push_back(c);
    } else {
      out += "\\x";
      out.push_back(kHex[byte >> 4U]);
      out.push_back(kHex[byte & 0xFU]);
    }
  }
  return out;
}

struct SpanList {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  bool operator==(const SpanList&) const = default;
};

SpanList spans_of(const std::vector<comention::Span>& spans) {
  SpanList list;
  for (const auto& span : spans) list.spans.emplace_back(span.start, span.end);
  return list;
}

struct MentionPlaces {
  std::vector<std::uint32_t> paragraphs, sentences, words;
  bool operator==(const MentionPlaces&) const = default;
};

MentionPlaces places_of(const std::vector<comention::Mention>& mentions) {
  MentionPlaces places;
  for (const auto& mention : mentions) {
    places.paragraphs.push_back(mention.paragraph);
    places.sentences.push_back(mention.sentence);
    places.words.push_back(mention.word);
  }
  return places;
}

// Runs the reference and the fast segmenter on text and checks every output is the same. `fast`
// is reused from text to text, as the pipeline reuses it, so stale state would show.
void check_against_reference(std::string_view text, std::vector<comention::Mention> mentions,
                             Segmentation& fast) {
  Segmentation expected;
  std::vector<comention::Mention> expected_mentions = mentions;
  reference::segment_text(text, expected);
  reference::locate_mentions(expected, expected_mentions);
  reference::number_words(text, expected, expected_mentions);

  comention::segment_text(text, fast);
  comention::locate_mentions(fast, mentions);
  comention::number_words(text, fast, mentions);

  const bool same = spans_of(fast.paragraphs) == spans_of(expected.paragraphs) &&
                    spans_of(fast.sentences) == spans_of(expected.sentences) &&
                    fast.sentence_paragraph == expected.sentence_paragraph &&
                    fast.words == expected.words &&
                    places_of(mentions) == places_of(expected_mentions);
  if (!same) {
    INFO("text: \"", escaped(text), "\"");
    CHECK(spans_of(fast.paragraphs).spans == spans_of(expected.paragraphs).spans);
    CHECK(spans_of(fast.sentences).spans == spans_of(expected.sentences).spans);
    CHECK(fast.sentence_paragraph == expected.sentence_paragraph);
    CHECK(fast.words == expected.words);
    CHECK(places_of(mentions).words == places_of(expected_mentions).words);
    CHECK(places_of(mentions).sentences == places_of(expected_mentions).sentences);
    CHECK(places_of(mentions).paragraphs == places_of(expected_mentions).paragraphs);
  }
  REQUIRE(same);
}

}  // namespace

TEST_SUITE("segmenter: the fast path agrees with the reference") {

TEST_CASE("on hand-picked texts") {
  Segmentation fast;
  const std::string_view texts[] = {
      "",
      " ",
      "\xEF\xBB\xBF",
      "\xEF\xBB\xBFHeadline\n\nBody. More.",
      "No final period",
      "  Leading and trailing spaces.  ",
      "Mr. Li flew to the U.S. on Feb. 3. He met officials.",
      "Growth was 3.5 percent. Prices rose 1,000.50 points.",
      "He said \"we agree.\" Then (he left.) [Done.] It's over.\xE2\x80\x9D Next",
      "Wait... What?! Really?? Yes!!! Ok\xE2\x80\xA6 Then",
      "Line one\r\nline two.\r\n\r\nPara two.\r\n",
      "Cr\ralone. Next\r\rpara?",
      "One.\n \t \nTwo.\n\xC2\xA0\n\xE3\x80\x80\nThree.",
      "A.\xC2\xA0" "B.\xE2\x80\x89" "C.\xE3\x80\x80" "D.\xE2\x80\xA8" "E.",
      "Typographic \xE2\x80\x9Cquote.\xE2\x80\x9D Next.\xE2\x80\x99 Then.",
      "Caf\xC3\xA9. \xC3\x89tat. \xC3\xA9t\xC3\xA9. \xCE\x91. \xCE\xB1. \xD0\x9C. \xD0\xBC.",
      "\xE5\x8C\x97\xE4\xBA\xAC. \xE6\x97\xA5\xE6\x9C\xAC. \xF0\x9F\x98\x80. End",
      "Combining e\xCC\x81. Next. Zero\xE2\x80\x8Dwidth.",
      "a\x80. B. \x80. C. \xC3. D. \xE2\x80. E.",
      "China" "................................................" " and Iran. Done.",
      "Dots . . . and more. Then.",
      "\n\n\n",
      "\t\r\n \x0B\x0C\n",
  };
  for (const std::string_view text : texts) {
    TextGenerator generator(1);
    check_against_reference(text, generator.mentions(text.size()), fast);
  }
}

TEST_CASE("on generated texts of words, marks and white space") {
  TextGenerator generator(20240611);
  Segmentation fast;
  for (int i = 0; i < 4000; ++i) {
    const std::string text = generator.pieces();
    check_against_reference(text, generator.mentions(text.size()), fast);
  }
}

TEST_CASE("on generated soups of the bytes the segmenter looks at") {
  TextGenerator generator(7);
  Segmentation fast;
  for (int i = 0; i < 4000; ++i) {
    const std::string text = generator.byte_soup();
    check_against_reference(text, generator.mentions(text.size()), fast);
  }
}

TEST_CASE("on code points as white space, marks, letters or neither") {
  // The fast segmenter matches white space, marks and closers as byte sequences; text.hpp's
  // is_space, is_word_char and letter_case say what they are. Each code point appears where each
  // of them matters: around periods, as a blank line, at a paragraph's end, inside a word. Past
  // the Basic Multilingual Plane, where is_space and letter_case find nothing, a sample will do.
  TextGenerator generator(5);
  Segmentation fast;
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 61) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates have no UTF-8 form
    std::string c;
    comention::append_utf8(c, cp);
    const std::string text = c + "J" + c + ". " + c + "Ab." + c + " x" + c + "\n" + c + "\n" + c +
                             "Q." + c + c + "\n\nEnd" + c;
    check_against_reference(text, generator.mentions(text.size()), fast);
  }
}

TEST_CASE("on a long generated text, in which the scanner works on whole blocks") {
  TextGenerator generator(99);
  Segmentation fast;
  for (int i = 0; i < 20; ++i) {
    std::string text;
    while (text.size() < 20000) {
      text += generator.pieces();
      text += generator.below(3) == 0 ? "\n\n" : " ";
    }
    check_against_reference(text, generator.mentions(text.size()), fast);
  }
}

}  // TEST_SUITE
