#include <iostream>
#include <memory>

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
  const Drawing drawing = drawn.empty() ? Drawing{} : draw_graph(graph, options.export_options, drawn);
  // Every output is written out and checked before any is put in place: all appear, or none.
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    ExportOptions export_options = options.export_options;
    export_options.csv_table = options.outputs[i].csv_table;
    write_graph(graph, drawing, options.outputs[i].format, outputs[i]->stream(), export_options);
    outputs[i]->finish();
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
