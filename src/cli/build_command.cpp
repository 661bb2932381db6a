#include <unistd.h>

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "comention/backbone.hpp"
#include "comention/error.hpp"
#include "comention/export.hpp"
#include "comention/gazetteer.hpp"
#include "comention/graph.hpp"
#include "comention/output.hpp"
#include "comention/pipeline.hpp"
#include "comention/reader.hpp"
#include "options.hpp"
#include "progress.hpp"

namespace comention::cli {
namespace {

constexpr std::size_t kStrongestTies = 5;

// What was read and what came of it, so that a run needs no second tool to be judged:
//   comention: 9 documents, 75 sentences, 114 mentions; 50 entities, 49 ties (window: sentence)
//   comention: strongest ties:
//     China -- United States: in 3 sentences, 2 documents
// "21,578 documents": the summary's large counts read at a glance.
std::string grouped_count(std::uint64_t count, const char* noun) {
  return group_digits(count) + " " + noun + (count == 1 ? "" : "s");
}

void print_summary(const CoMentionGraph& graph, std::ostream& out) {
  const Graph& g = graph.graph;
  const GraphInfo& info = graph.info;
  out << "comention: " << grouped_count(info.documents, "document");
  if (info.window == Window::paragraph) {
    out << ", " << grouped_count(info.paragraphs, "paragraph");
  } else if (info.window != Window::document) {
    out << ", " << grouped_count(info.sentences, "sentence");
  }
  out << ", " << grouped_count(info.mentions, "mention") << "; " << group_digits(boost::num_vertices(g))
      << (boost::num_vertices(g) == 1 ? " entity" : " entities")
      << ", " << grouped_count(boost::num_edges(g), "tie") << " (window: " << window_label(info.window, info.token_distance)
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

// "laying out 222 entities and 2,279 ties (neato, straight edges) and rendering svg, png, html"
std::string describe_layout(const CoMentionGraph& graph, const ExportOptions& options,
                            const std::vector<OutputFormat>& drawn) {
  const std::uint64_t entities = boost::num_vertices(graph.graph);
  const std::uint64_t ties = boost::num_edges(graph.graph);
  std::string text = "laying out " + group_digits(entities) + (entities == 1 ? " entity and " : " entities and ") +
                     group_digits(ties) + (ties == 1 ? " tie (" : " ties (") +
                     (options.geo ? std::string("geo") : std::string(to_string(options.layout))) + ", " +
                     (curved_edges(graph, options) ? "curved" : "straight") + " edges)";
  std::string renders;
  for (const OutputFormat format : drawn) {
    if (format == OutputFormat::graphology) continue;  // positions only: nothing to render
    if (renders.find(to_string(format)) != std::string::npos) continue;
    renders += (renders.empty() ? "" : ", ") + std::string(to_string(format));
  }
  if (!renders.empty()) text += " and rendering " + renders;
  return text;
}

}  // namespace

int run_build(const std::vector<std::string>& args) {
  BuildOptions options = parse_build_options(args);
  if (options.help) {
    std::cout << kBuildHelp;
    return 0;
  }

  const Gazetteer gazetteer = load_startup_gazetteer(options.input.gazetteer);
  if (!options.graph.filter.focus.empty()) {
    // A name in another language ("Deutschland") is known only to every language's names, which
    // auto builds on need: they are built here for it (the ids are the same).
    const bool english_only = options.input.gazetteer.languages.detects() && !gazetteer.languages().detects();
    options.graph.filter.focus =
        english_only && !gazetteer.lookup(options.graph.filter.focus)
            ? resolve_entity(load_gazetteer(options.input.gazetteer), options.graph.filter.focus, "--focus")
            : resolve_entity(gazetteer, options.graph.filter.focus, "--focus");
  }

  // Outputs are opened (as temporary files) before reading, so an unwritable destination
  // fails at once rather than after a long run; they are renamed into place only at the end.
  std::vector<std::unique_ptr<AtomicOutput>> outputs;
  for (const OutputTarget& target : options.outputs) outputs.push_back(std::make_unique<AtomicOutput>(target.path));

  std::vector<std::string> notes;
  const CoMentionGraph graph = count_graph(options, gazetteer, &notes);
  // Evidence kept only for the viewer stays out of the other files.
  std::optional<CoMentionGraph> without_evidence;
  if (options.evidence_for_html_only) {
    without_evidence = graph;
    for (const auto e : boost::make_iterator_range(boost::edges(without_evidence->graph))) {
      without_evidence->graph[e].evidence.clear();
    }
  }
  const CoMentionGraph& plain_graph = without_evidence ? *without_evidence : graph;

  // One layout of the whole graph for the run, shared by every output that places its nodes
  // (the viewer, graphology, GEXF, GraphML, Cytoscape.js): laying out is the slow part, and the
  // outputs of one run must agree on where each node is. The pictures show the backbone of a
  // large graph, which gets a layout of its own; when nothing is left out, they share the one.
  std::vector<OutputFormat> pictures_wanted;
  bool positions_wanted = false;
  bool backbone_wanted = false;
  for (const OutputTarget& target : options.outputs) {
    const bool picture = target.format == OutputFormat::svg || target.format == OutputFormat::png ||
                         target.format == OutputFormat::pdf;
    if (picture) pictures_wanted.push_back(target.format);
    if (!picture && needs_drawing(target.format)) positions_wanted = true;
    if (picture || target.format == OutputFormat::dot) backbone_wanted = true;
  }
  // After reading, the layout (and, for a large graph, writing) can take a while: each step
  // gets its line, so progress does not stop at 100% with nothing after.
  std::optional<StepLine> step;
  if (shows_progress(options)) step.emplace(std::cerr, isatty(STDERR_FILENO) == 1);
  const ExportOptions& drawing_options = options.export_options;
  auto lay_out = [&](const CoMentionGraph& shown, const std::vector<OutputFormat>& renders) {
    if (step) step->begin(describe_layout(shown, drawing_options, renders), true);
    Drawing laid_out = draw_graph(shown, drawing_options, renders);
    if (step) step->end();
    return laid_out;
  };
  std::optional<Backbone> backbone;
  if (backbone_wanted) backbone = extract_backbone(plain_graph, drawing_options.backbone);
  Drawing drawing;
  Drawing backbone_drawing;
  const Drawing* pictures = &drawing;  // the pictures' layout: the whole graph's, or the backbone's
  if (backbone && backbone->summary.filtered) {
    if (positions_wanted) drawing = lay_out(plain_graph, {});
    if (!pictures_wanted.empty()) backbone_drawing = lay_out(backbone->graph, pictures_wanted);
    pictures = &backbone_drawing;
  } else if (positions_wanted || !pictures_wanted.empty()) {
    drawing = lay_out(plain_graph, pictures_wanted);
  }
  // Every output is written out and checked before any is put in place: all appear, or none.
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    ExportOptions export_options = options.export_options;
    export_options.csv_table = options.outputs[i].csv_table;
    if (step) {
      step->begin("writing " + (outputs[i]->path() == "-" ? std::string("standard output") : outputs[i]->path()) +
                  " (" + std::to_string(i + 1) + " of " + std::to_string(outputs.size()) + ")");
    }
    const bool viewer = options.outputs[i].format == OutputFormat::html;
    write_graph(viewer ? graph : plain_graph, drawing, *pictures, options.outputs[i].format, outputs[i]->stream(),
                export_options);
    outputs[i]->finish();
    if (step) step->end();
  }
  for (auto& output : outputs) output->commit();
  if (!options.quiet) {
    print_summary(graph, std::cerr);
    for (const std::string& note : notes) std::cerr << "comention: " << note << '\n';
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
