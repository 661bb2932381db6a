#include "common.hpp"

#include "comention/cooccurrence.hpp"
#include "comention/pipeline.hpp"
#include "comention/reader.hpp"

namespace comention::cli {

Gazetteer load_gazetteer(const GazetteerOptions& options) {
  GazetteerBuilder builder;
  if (options.builtin) builder.add_builtin();
  for (const std::string& file : options.files) builder.add_file(file);
  return builder.build();
}

CoMentionGraph count_graph(const BuildOptions& options, const Gazetteer& gazetteer) {
  const Matcher matcher(gazetteer, options.input.match);
  DocumentReader reader(options.input.inputs, options.input.reader);
  MentionCounter counter(gazetteer.entities().size(), options.graph.window, options.evidence);
  DocumentAnalyzer analyzer(matcher);
  Document document;
  while (reader.next(document)) {
    const AnalyzedDocument& analyzed = analyzer.analyze(document.text);
    counter.add_document(analyzed.mentions, analyzed.segmentation, {document.id, document.text});
  }
  return build_graph(counter.counts(), gazetteer, options.graph);
}

}  // namespace comention::cli
