// Unit tests for segmenter.hpp: paragraphs, sentences, and locating mentions in them.
#include "comention/segmenter.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

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

TEST_CASE("a long run of marks without a space after it is one step, not a sentence end") {
  comention::Segmentation parts;
  const std::string text = "China" + std::string(20000, '.') + "x and Iran. Done.";
  comention::segment_text(text, parts);
  CHECK(parts.sentences.size() == 2);
}

}
