// The co-mention graph: a Boost.Graph adjacency_list with the counts and measures on it.
//
//   comention::CoMentionGraph graph = comention::build_graph(counts, gazetteer, info);
//   for (auto v : boost::make_iterator_range(boost::vertices(graph.graph)))
//     std::cout << graph.graph[v].id << ' ' << graph.graph[v].strength << '\n';
//
// Vertices are the entities mentioned at least once, in id order; edges are listed in order of
// (source id, target id) with source < target. Building twice from the same counts gives the
// same graph, which keeps every export deterministic.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <string>

#include "comention/cooccurrence.hpp"
#include "comention/gazetteer.hpp"

namespace comention {

struct NodeProperties {
  std::string id;
  std::string label;
  Category category = Category::country;
  std::string iso2;  // countries only
  std::string iso3;
  std::string region;
  bool historical = false;  // a state that no longer exists (Soviet Union, Yugoslavia ...)
  std::uint64_t mentions = 0;
  std::uint64_t documents = 0;
  std::uint64_t degree = 0;
  std::uint64_t strength = 0;  // sum of incident edge weights
  std::uint32_t component = 0;  // connected component, numbered from 0 in vertex order
};

struct EdgeProperties {
  std::uint64_t weight = 0;
  std::uint64_t documents = 0;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, NodeProperties,
                                    EdgeProperties>;

// What was read to make the graph; exporters record it as graph metadata.
struct GraphInfo {
  Window window = Window::sentence;
  std::uint64_t documents = 0;
  std::uint64_t paragraphs = 0;
  std::uint64_t sentences = 0;
  std::uint64_t mentions = 0;
  std::uint32_t components = 0;
};

struct CoMentionGraph {
  Graph graph;
  GraphInfo info;
};

CoMentionGraph build_graph(const Counts& counts, const Gazetteer& gazetteer, Window window);

}  // namespace comention
