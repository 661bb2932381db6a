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
  explicit DocumentAnalyzer(const Matcher& matcher) : matcher_(matcher) {}

  // The result stays valid until the next call; buffers are reused between documents.
  const AnalyzedDocument& analyze(std::string_view text);

 private:
  const Matcher& matcher_;
  MatchScratch scratch_;
  AnalyzedDocument result_;
};

}  // namespace comention
