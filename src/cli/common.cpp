#include "common.hpp"

#include "comention/metrics.hpp"
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
  CountOptions count;
  count.graph = options.graph;
  count.evidence = options.evidence;
  count.slice = options.slice;
  count.since = options.since;
  count.until = options.until;
  CoMentionGraph graph = count_documents(reader, matcher, gazetteer, count);
  MetricsOptions metrics;
  metrics.seed = options.seed;
  measure_graph(graph, metrics);
  return graph;
}

}  // namespace comention::cli
