#include "comention/pipeline.hpp"

namespace comention {

const AnalyzedDocument& DocumentAnalyzer::analyze(std::string_view text) {
  matcher_.find_mentions(text, scratch_, result_.mentions);
  segment_text(text, result_.segmentation);
  locate_mentions(result_.segmentation, result_.mentions);
  if (number_words_) number_words(text, result_.segmentation, result_.mentions);
  return result_;
}

}  // namespace comention
