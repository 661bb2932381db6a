#include "comention/pipeline.hpp"

#include <map>
#include <string>
#include <utility>

namespace comention {

const AnalyzedDocument& DocumentAnalyzer::analyze(std::string_view text) {
  matcher_.find_mentions(text, scratch_, result_.mentions);
  segment_text(text, result_.segmentation);
  locate_mentions(result_.segmentation, result_.mentions);
  if (number_words_) number_words(text, result_.segmentation, result_.mentions);
  return result_;
}

CoMentionGraph count_documents(DocumentReader& reader, const Matcher& matcher, const Gazetteer& gazetteer,
                               const CountOptions& options) {
  const std::size_t entities = gazetteer.entities().size();
  const Window window = options.graph.window;
  const std::uint32_t distance = options.graph.token_distance;
  MentionCounter total(entities, window, options.evidence, distance);
  std::map<std::string, MentionCounter> periods;  // by label, which sorts in time order
  const bool ranged = options.since || options.until;
  std::uint64_t undated = 0;
  std::uint64_t outside_range = 0;

  DocumentAnalyzer analyzer(matcher, window == Window::tokens);
  Document document;
  while (reader.next(document)) {
    if (!document.date) {
      ++undated;
      if (ranged) continue;  // with a range asked for, a document without a date is not in it
    } else if ((options.since && *document.date < *options.since) ||
               (options.until && *options.until < *document.date)) {
      ++outside_range;
      continue;
    }
    const AnalyzedDocument& analyzed = analyzer.analyze(document.text);
    const DocumentSource source{document.id, document.text};
    total.add_document(analyzed.mentions, analyzed.segmentation, source);
    if (options.slice && document.date) {
      const std::string label = period_label(*document.date, *options.slice);
      auto [it, inserted] = periods.try_emplace(label, entities, window, 0, distance);
      it->second.add_document(analyzed.mentions, analyzed.segmentation, source);
    }
  }

  CoMentionGraph graph = build_graph(total.counts(), gazetteer, options.graph);
  if (options.slice) {
    std::vector<std::pair<std::string, Counts>> by_period;
    by_period.reserve(periods.size());
    for (const auto& [label, counter] : periods) by_period.emplace_back(label, counter.counts());
    attach_periods(graph, gazetteer, by_period);
    graph.info.slice = std::string(to_string(*options.slice));
  }
  if (options.slice || ranged) {
    graph.info.undated = undated;
    graph.info.outside_range = outside_range;
  }
  return graph;
}

}  // namespace comention
