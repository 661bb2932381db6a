#include "comention/pipeline.hpp"

namespace comention {

const AnalyzedDocument& DocumentAnalyzer::analyze(std::string_view text) {
  matcher_.find_mentions(text, scratch_, result_.mentions);
  segment_text(text, result_.segmentation);
  locate_mentions(result_.segmentation, result_.mentions);
  return result_;
}

}  // namespace comention
