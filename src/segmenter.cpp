#include "comention/segmenter.hpp"

#include <algorithm>
#include <iterator>

#include "comention/text.hpp"

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

bool is_terminator(char32_t cp) noexcept {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

bool is_closer(char32_t cp) noexcept {
  return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D ||
         cp == 0xBB;
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
    while (end < paragraph.end) {
      std::size_t next = 0;
      const char32_t c = peek(text, end, next);
      if (!is_terminator(c) && !is_closer(c)) break;
      end = next;
    }
    if (end >= paragraph.end) break;
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

}  // namespace

void Segmentation::clear() noexcept {
  paragraphs.clear();
  sentences.clear();
  sentence_paragraph.clear();
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
    const bool word_char = is_word_char(decode_utf8(text, pos));
    if (word_char && !in_word) ++words;
    in_word = word_char;
    // A mention starts at a word start: it is the word just counted.
    while (next_mention < mentions.size() && mentions[next_mention].start <= start) {
      mentions[next_mention++].word = static_cast<std::uint32_t>(words == 0 ? 0 : words - 1);
    }
  }
  segmentation.words = words;
}

}  // namespace comention
