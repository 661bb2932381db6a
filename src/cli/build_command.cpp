#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "comention/error.hpp"
#include "comention/export.hpp"
#include "comention/gazetteer.hpp"
#include "comention/graph.hpp"
#include "comention/output.hpp"
#include "comention/pipeline.hpp"
#include "comention/reader.hpp"
#include "options.hpp"

namespace comention::cli {
namespace {

constexpr std::size_t kStrongestTies = 5;

// What was read and what came of it, so that a run needs no second tool to be judged:
//   comention: 9 documents, 75 sentences, 114 mentions; 50 entities, 49 ties (window: sentence)
//   comention: strongest ties:
//     China -- United States: in 3 sentences, 2 documents
void print_summary(const CoMentionGraph& graph, std::ostream& out) {
  const Graph& g = graph.graph;
  const GraphInfo& info = graph.info;
  out << "comention: " << count_of(info.documents, "document");
  if (info.window == Window::paragraph) {
    out << ", " << count_of(info.paragraphs, "paragraph");
  } else if (info.window != Window::document) {
    out << ", " << count_of(info.sentences, "sentence");
  }
  out << ", " << count_of(info.mentions, "mention") << "; " << boost::num_vertices(g)
      << (boost::num_vertices(g) == 1 ? " entity" : " entities")
      << ", " << count_of(boost::num_edges(g), "tie") << " (window: " << window_label(info.window, info.token_distance)
      << ")\n";
  if (boost::num_edges(g) == 0) return;

  std::vector<Graph::edge_descriptor> ties;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) ties.push_back(e);
  // Ties of equal weight keep the graph's edge order (by ids): the same run prints the same.
  std::stable_sort(ties.begin(), ties.end(), [&](const auto& a, const auto& b) {
    if (g[a].weight != g[b].weight) return g[a].weight > g[b].weight;
    return g[a].count > g[b].count;
  });
  if (ties.size() > kStrongestTies) ties.resize(kStrongestTies);
  out << "comention: strongest ties:\n";
  for (const auto e : ties) {
    const EdgeProperties& edge = g[e];
    out << "  " << g[boost::source(e, g)].label << " -- " << g[boost::target(e, g)].label << ": ";
    if (info.measure != WeightMeasure::count) {
      char weight[32];
      std::snprintf(weight, sizeof weight, "%.3g", edge.weight);
      out << to_string(info.measure) << ' ' << weight << ", ";
    }
    out << describe_count(info.window, info.token_distance, edge.count) << ", " << count_of(edge.documents, "document")
        << '\n';
  }
}

}  // namespace

int run_build(const std::vector<std::string>& args) {
  BuildOptions options = parse_build_options(args);
  if (options.help) {
    std::cout << kBuildHelp;
    return 0;
  }

  const Gazetteer gazetteer = load_gazetteer(options.input.gazetteer);
  if (!options.graph.filter.focus.empty()) {
    options.graph.filter.focus = resolve_entity(gazetteer, options.graph.filter.focus, "--focus");
  }

  // Outputs are opened (as temporary files) before reading, so an unwritable destination
  // fails at once rather than after a long run; they are renamed into place only at the end.
  std::vector<std::unique_ptr<AtomicOutput>> outputs;
  for (const OutputTarget& target : options.outputs) outputs.push_back(std::make_unique<AtomicOutput>(target.path));

  const CoMentionGraph graph = count_graph(options, gazetteer);
  // Evidence kept only for the viewer stays out of the other files.
  std::optional<CoMentionGraph> without_evidence;
  if (options.evidence_for_html_only) {
    without_evidence = graph;
    for (const auto e : boost::make_iterator_range(boost::edges(without_evidence->graph))) {
      without_evidence->graph[e].evidence.clear();
    }
  }
  // Every output is written out and checked before any is put in place: all appear, or none.
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    ExportOptions export_options = options.export_options;
    export_options.csv_table = options.outputs[i].csv_table;
    const bool viewer = options.outputs[i].format == OutputFormat::html;
    write_graph(without_evidence && !viewer ? *without_evidence : graph, options.outputs[i].format,
                outputs[i]->stream(), export_options);
    outputs[i]->finish();
  }
  for (auto& output : outputs) output->commit();
  if (!options.quiet) {
    print_summary(graph, std::cerr);
    // One line for all files: with -o a.svg -o a.html -o a.json the summary stays short.
    const char* separator = "comention: wrote ";
    for (const auto& output : outputs) {
      if (output->path() == "-") continue;
      std::cerr << separator << output->path();
      separator = ", ";
    }
    if (*separator == ',') std::cerr << '\n';
  }
  return 0;
}

}  // namespace comention::cli
