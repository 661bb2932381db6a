// Splits a document into paragraphs and sentences, as byte spans of the original text.
//
//   comention::Segmentation parts;
//   comention::segment_text("Mr. Li flew to the U.S. on Feb. 3. He met officials.", parts);
//   // parts.sentences: two spans; "Mr.", "U.S." and "Feb." do not end a sentence.
//
// Paragraphs are separated by blank lines. A sentence ends at . ! ? (and closing quotes or
// brackets after them) followed by white space and a word that does not start in lower case,
// unless the period closes an abbreviation (Mr., Dr., Feb., No.), an initial (J.) or a dotted
// acronym (U.S., U.N.). A headline, a line with no final punctuation, stands alone when a blank
// line follows it, because that blank line ends its paragraph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "comention/matcher.hpp"

namespace comention {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

struct Segmentation {
  std::vector<Span> paragraphs;
  std::vector<Span> sentences;                // in text order, never empty or white space only
  std::vector<std::uint32_t> sentence_paragraph;  // the paragraph of each sentence
  std::uint64_t words = 0;  // words in the text, once number_words has counted them

  void clear() noexcept;
};

// Replaces `out` with the paragraphs and sentences of text. Does not throw.
void segment_text(std::string_view text, Segmentation& out);

// Sets each mention's paragraph and sentence (indices into `segmentation`, counted from 0 within
// the document). Mentions must be sorted by start, as the matcher returns them.
void locate_mentions(const Segmentation& segmentation, std::vector<Mention>& mentions) noexcept;

// Counts the words of text (runs of letters and digits) into segmentation.words and sets each
// mention's word, its position in that count. Mentions must be sorted by start. Only the tokens
// window needs this, so it is a pass of its own.
void number_words(std::string_view text, Segmentation& segmentation, std::vector<Mention>& mentions) noexcept;

}  // namespace comention
