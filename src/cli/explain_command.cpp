#include <boost/range/iterator_range.hpp>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "comention/error.hpp"
#include "comention/graph.hpp"
#include "options.hpp"

namespace comention::cli {

int run_explain(const std::vector<std::string>& args) {
  ExplainOptions options = parse_explain_options(args);
  if (options.build.help) {
    std::cout << kExplainHelp;
    return 0;
  }
  const Gazetteer gazetteer = load_gazetteer(options.build.input.gazetteer);
  options.first = resolve_entity(gazetteer, options.first, "explain");
  options.second = resolve_entity(gazetteer, options.second, "explain");
  if (options.first == options.second) throw UsageError("explain needs two different entities");

  // Only the two entities matter: count everything, keep the edge between them.
  options.build.graph.filter = GraphFilter{};
  const CoMentionGraph graph = count_graph(options.build, gazetteer);
  const Graph& g = graph.graph;
  auto label_of = [&](const std::string& id) { return gazetteer.entities()[*gazetteer.find(id)].label; };
  const std::string pair = label_of(options.first) + " (" + options.first + ") and " +
                           label_of(options.second) + " (" + options.second + ")";
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const std::string& source = g[boost::source(e, g)].id;
    const std::string& target = g[boost::target(e, g)].id;
    if (!((source == options.first && target == options.second) ||
          (source == options.second && target == options.first))) {
      continue;
    }
    const EdgeProperties& edge = g[e];
    std::cout << pair << " are named together "
              << describe_count(graph.info.window, graph.info.token_distance, edge.count) << " in "
              << count_of(edge.documents, "document");
    if (graph.info.measure != WeightMeasure::count) {
      std::cout << "; " << to_string(graph.info.measure) << " " << edge.weight;
    }
    std::cout << ".\n";
    if (edge.count > edge.evidence.size()) {
      std::cout << "The first " << edge.evidence.size() << ":\n";
    }
    for (const Evidence& item : edge.evidence) {
      std::cout << "\n" << item.document << " [" << item.start << ", " << item.end << ")\n  " << item.text << '\n';
    }
    return 0;
  }
  if (graph.info.window == Window::tokens) {
    std::cout << pair << " are never named within " << graph.info.token_distance << " words of each other.\n";
  } else {
    std::cout << pair << " are never named in the same " << to_string(graph.info.window) << ".\n";
  }
  return 1;
}

}  // namespace comention::cli
