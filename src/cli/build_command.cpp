#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

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
#include "progress.hpp"

namespace comention::cli {
namespace {

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
  const BuildOptions options = parse_build_options(args);
  if (options.help) {
    std::cout << kBuildHelp;
    return 0;
  }

  const Gazetteer gazetteer = load_gazetteer(options.input.gazetteer);
  if (!options.graph.filter.focus.empty() && !gazetteer.find(options.graph.filter.focus)) {
    throw UsageError("--focus " + options.graph.filter.focus + ": no such entity id (see comention gazetteer list)");
  }

  // Outputs are opened (as temporary files) before reading, so an unwritable destination
  // fails at once rather than after a long run; they are renamed into place only at the end.
  std::vector<std::unique_ptr<AtomicOutput>> outputs;
  for (const OutputTarget& target : options.outputs) outputs.push_back(std::make_unique<AtomicOutput>(target.path));

  const CoMentionGraph graph = count_graph(options, gazetteer);
  // One layout for the run, whatever the number of outputs that show it: laying out is the
  // slow part of drawing, and outputs of one run must agree on where each node is.
  std::vector<OutputFormat> drawn;
  for (const OutputTarget& target : options.outputs) {
    if (needs_drawing(target.format)) drawn.push_back(target.format);
  }
  // After reading, the layout (and, for a large graph, writing) can take a while: each step
  // gets its line, so progress does not stop at 100% with nothing after.
  std::optional<StepLine> step;
  if (shows_progress(options)) step.emplace(std::cerr, isatty(STDERR_FILENO) == 1);
  Drawing drawing;
  if (!drawn.empty()) {
    if (step) step->begin(describe_layout(graph, options.export_options, drawn), true);
    drawing = draw_graph(graph, options.export_options, drawn);
    if (step) step->end();
  }
  // Every output is written out and checked before any is put in place: all appear, or none.
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    ExportOptions export_options = options.export_options;
    export_options.csv_table = options.outputs[i].csv_table;
    if (step) {
      step->begin("writing " + (outputs[i]->path() == "-" ? std::string("standard output") : outputs[i]->path()) +
                  " (" + std::to_string(i + 1) + " of " + std::to_string(outputs.size()) + ")");
    }
    write_graph(graph, drawing, options.outputs[i].format, outputs[i]->stream(), export_options);
    outputs[i]->finish();
    if (step) step->end();
  }
  for (auto& output : outputs) output->commit();
  if (!options.quiet) {
    for (const auto& output : outputs) {
      if (output->path() != "-") std::cerr << "comention: wrote " << output->path() << '\n';
    }
  }
  return 0;
}

}  // namespace comention::cli
