#include <unistd.h>

#include <boost/range/iterator_range.hpp>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "comention/error.hpp"
#include "comention/dates.hpp"
#include "comention/graph.hpp"
#include "comention/matcher.hpp"
#include "options.hpp"

namespace comention::cli {
namespace {

// The evidence text with the names of the two entities marked, found again by the matcher in
// the text shown (rather than carried from counting, whose hot path keeps no mention spans):
// bold on a terminal, «» elsewhere so that a pipe or a file still shows them.
std::string mark_names(std::string_view text, const Matcher& matcher, std::uint32_t first, std::uint32_t second,
                       bool terminal) {
  MatchScratch scratch;
  std::vector<Mention> mentions;
  matcher.find_mentions(text, scratch, mentions);
  const std::string_view open = terminal ? "\x1b[1m" : "\xC2\xAB";    // «
  const std::string_view close = terminal ? "\x1b[0m" : "\xC2\xBB";   // »
  std::string marked;
  std::size_t at = 0;
  for (const Mention& mention : mentions) {
    if ((mention.entity != first && mention.entity != second) || mention.start < at) continue;
    marked.append(text.substr(at, mention.start - at)).append(open);
    marked.append(text.substr(mention.start, mention.end - mention.start)).append(close);
    at = mention.end;
  }
  marked.append(text.substr(at));
  return marked;
}

}  // namespace

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
  std::vector<std::string> notes;
  const CoMentionGraph graph = count_graph(options.build, gazetteer, &notes);
  // What was skipped or missing goes to standard error, as build says it; the answer to stdout.
  if (!options.build.quiet) {
    for (const std::string& note : notes) std::cerr << "comention: " << note << '\n';
  }
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
      // Not the first windows read: the earliest and latest documents and a sample between.
      std::cout << edge.evidence.size() << " of them, from the earliest and the latest documents and between:\n";
    }
    const Matcher matcher = Matcher::of(gazetteer, options.build.input.match);
    const bool terminal = isatty(STDOUT_FILENO) == 1;
    const std::uint32_t first = *gazetteer.find(options.first);
    const std::uint32_t second = *gazetteer.find(options.second);
    for (const Evidence& item : edge.evidence) {
      std::cout << "\n" << item.document;
      if (item.date) std::cout << ", " << period_label(*item.date, Slice::day);
      // The headline in typographic quotes, apart from the window's own text below it.
      if (!item.title.empty()) std::cout << ", \xE2\x80\x9C" << item.title << "\xE2\x80\x9D";
      std::cout << " [" << item.start << ", " << item.end << ")\n  "
                << mark_names(item.text, matcher, first, second, terminal) << '\n';
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
