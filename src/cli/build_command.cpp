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
  for (const std::string& path : options.outputs) outputs.push_back(std::make_unique<AtomicOutput>(path));

  const CoMentionGraph graph = count_graph(options, gazetteer);
  // Every output is written out and checked before any is put in place: all appear, or none.
  for (auto& output : outputs) {
    const OutputFormat format = options.format.value_or(
        format_for_path(output->path()).value_or(OutputFormat::json));
    write_graph(graph, format, output->stream(), options.export_options);
    output->finish();
  }
  for (auto& output : outputs) output->commit();
  for (const auto& output : outputs) {
    if (output->path() != "-") std::cerr << "comention: wrote " << output->path() << '\n';
  }
  return 0;
}

}  // namespace comention::cli
