// Reads the documents named on the command line with the installed library, as the README's
// "Using the library" shows, and writes the co-mention graph as node-link JSON and as SVG: JSON
// goes through nlohmann_json and simdjson inside the library, SVG through Graphviz, so the
// consumer links everything the CMake package has to find.
//
// usage: comention_consumer OUTPUT.svg INPUT...   (JSON on standard output)
#include <comention/cooccurrence.hpp>
#include <comention/export.hpp>
#include <comention/gazetteer.hpp>
#include <comention/graph.hpp>
#include <comention/metrics.hpp>
#include <comention/pipeline.hpp>
#include <comention/reader.hpp>
#include <comention/version.hpp>

#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: comention_consumer OUTPUT.svg INPUT...\n";
    return 2;
  }
  try {
    const auto gazetteer = comention::Gazetteer::builtin();
    const comention::Matcher matcher(gazetteer);
    comention::DocumentAnalyzer analyzer(matcher);
    comention::MentionCounter counter(gazetteer.entities().size(), comention::Window::sentence);

    comention::DocumentReader reader(std::vector<std::string>(argv + 2, argv + argc), {});
    comention::Document doc;
    while (reader.next(doc)) {
      const auto& result = analyzer.analyze(doc.text);
      counter.add_document(result.mentions, result.segmentation);
    }
    auto graph = comention::build_graph(counter.counts(), gazetteer, comention::GraphOptions{});
    comention::measure_graph(graph);
    comention::write_json(graph, std::cout);

    std::ofstream svg(argv[1], std::ios::binary);
    comention::write_diagram(graph, comention::OutputFormat::svg, svg);
    if (!svg.flush()) {
      std::cerr << "comention_consumer: cannot write " << argv[1] << "\n";
      return 1;
    }
    std::cerr << "comention_consumer: built with comention " << COMENTION_VERSION << "\n";
  } catch (const std::exception& error) {
    std::cerr << "comention_consumer: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
