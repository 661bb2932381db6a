// The per-document stages in order: match, segment, locate. Reading and counting sit around it.
//
//   comention::DocumentAnalyzer analyzer(matcher);        // one per thread
//   const auto& result = analyzer.analyze(doc.text);
//   counter.add_document(result.mentions, result.segmentation);
#pragma once

#include <string_view>
#include <vector>

#include "comention/matcher.hpp"
#include "comention/segmenter.hpp"

namespace comention {

struct AnalyzedDocument {
  std::vector<Mention> mentions;  // sorted by start, each with its paragraph and sentence
  Segmentation segmentation;
};

class DocumentAnalyzer {
 public:
  // With number_words, mentions also get their word position (for a tokens window).
  explicit DocumentAnalyzer(const Matcher& matcher, bool number_words = false)
      : matcher_(matcher), number_words_(number_words) {}

  // The result stays valid until the next call; buffers are reused between documents.
  const AnalyzedDocument& analyze(std::string_view text);

 private:
  const Matcher& matcher_;
  bool number_words_ = false;
  MatchScratch scratch_;
  AnalyzedDocument result_;
};

}  // namespace comention
