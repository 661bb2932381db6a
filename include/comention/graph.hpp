// The co-mention graph: a Boost.Graph adjacency_list with the counts and measures on it.
//
//   comention::GraphOptions options;                      // window, weight measure, filters
//   comention::CoMentionGraph graph = comention::build_graph(counts, gazetteer, options);
//   for (auto v : boost::make_iterator_range(boost::vertices(graph.graph)))
//     std::cout << graph.graph[v].id << ' ' << graph.graph[v].strength << '\n';
//
// Vertices are the entities mentioned at least once that the filters keep, in id order; edges
// are listed in order of (source id, target id) with source < target. Building twice from the
// same counts gives the same graph, which keeps every export deterministic.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "comention/cooccurrence.hpp"
#include "comention/gazetteer.hpp"
#include "comention/weighting.hpp"

namespace comention {

// Network measures of one node, computed by compute_metrics / measure_graph (metrics.hpp). Each
// is defined as networkx 2.8 defines it.
struct NodeMetrics {
  // Shortest-path betweenness, normalised by (n-1)(n-2)/2, the number of pairs of other nodes
  // (0 when n <= 2): networkx betweenness_centrality(G).
  double betweenness = 0;
  // The same with 1/weight as the length of an edge, over edges of weight > 0:
  // networkx betweenness_centrality(G, weight="distance") with distance = 1/weight.
  double weighted_betweenness = 0;
  // Weighted PageRank (damping MetricsOptions::pagerank_damping, metrics.hpp): a walker leaves a node along an
  // edge with probability proportional to its weight; a node without edges of weight > 0 sends
  // its share to every node alike. Sums to 1 over the graph: networkx pagerank(G, weight="weight").
  double pagerank = 0;
  // Unweighted local clustering coefficient: the share of pairs of neighbours that are themselves
  // joined; 0 with fewer than two neighbours. networkx clustering(G).
  double clustering = 0;
  // k-core number (unweighted): the largest k such that the node is in a subgraph where every
  // node has at least k neighbours. networkx core_number(G).
  std::uint32_t core = 0;
  // Louvain community on the weighted graph, numbered 0.. in order of each community's lowest
  // vertex. A node without edges of weight > 0 is a community of its own.
  std::uint32_t community = 0;
};

struct GraphMetrics {
  std::uint64_t nodes = 0;
  std::uint64_t edges = 0;          // every edge, whatever its weight
  double density = 0;               // 2 edges / (nodes (nodes - 1)); 0 with fewer than 2 nodes
  std::uint32_t components = 0;     // connected components over every edge
  std::uint32_t communities = 0;    // Louvain communities, singletons included
  double modularity = 0;            // of the Louvain partition, as modularity() in metrics.hpp
};

// A country's rough centre, from the gazetteer's lat and lon: where --geo draws it.
struct GeoPoint {
  double latitude = 0;
  double longitude = 0;
};

struct NodeProperties {
  std::string id;
  std::string label;
  Category category = Category::country;
  std::string iso2;  // countries only
  std::string iso3;
  std::string region;
  bool historical = false;  // a state that no longer exists (Soviet Union, Yugoslavia ...)
  std::optional<GeoPoint> location;  // countries with lat and lon in the gazetteer
  std::uint64_t mentions = 0;
  std::uint64_t documents = 0;
  std::uint64_t windows = 0;    // windows that mention it
  std::uint64_t degree = 0;
  double strength = 0;          // sum of incident edge weights
  std::uint32_t component = 0;  // connected component, numbered from 0 in vertex order
  std::vector<std::pair<std::string, std::uint64_t>> periods;  // mentions per time slice, if any
  NodeMetrics measures;  // filled by measure_graph (metrics.hpp)
};

struct EdgeProperties {
  std::uint64_t count = 0;      // windows naming both entities
  std::uint64_t documents = 0;  // documents with at least one such window
  double weight = 0;            // the chosen measure of count (GraphOptions::measure)
  std::vector<Evidence> evidence;  // the first windows naming both, when asked for
  std::vector<std::pair<std::string, std::uint64_t>> periods;  // count per time slice, if any
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, NodeProperties,
                                    EdgeProperties>;

// Which part of the counted graph to keep. Filters apply after counting, in this order: node
// filters (categories, min_mentions), edge filters (min_count, then top_edges), the focus
// neighbourhood, then isolated nodes.
struct GraphFilter {
  std::uint64_t min_count = 1;     // edges counted at least this often
  std::uint64_t min_mentions = 1;  // nodes mentioned at least this often
  std::uint32_t top_edges = 0;     // keep each node's K strongest edges (by weight); 0: all
  bool countries = true;           // categories to keep
  bool organizations = true;
  std::string focus;               // an entity id: keep its neighbourhood only; empty: all
  std::uint32_t depth = 1;         // hops from the focus
  bool drop_isolates = false;      // nodes left without edges
};

struct GraphOptions {
  Window window = Window::sentence;
  std::uint32_t token_distance = 0;  // N, for Window::tokens
  WeightMeasure measure = WeightMeasure::count;
  GraphFilter filter;
};

// What was read to make the graph; exporters record it as graph metadata.
struct GraphInfo {
  Window window = Window::sentence;
  std::uint32_t token_distance = 0;
  WeightMeasure measure = WeightMeasure::count;
  std::uint64_t documents = 0;
  std::uint64_t paragraphs = 0;
  std::uint64_t sentences = 0;
  std::uint64_t mentions = 0;
  std::uint32_t components = 0;
  // Time slices: the slice name ("month"), the periods in time order, and the documents that
  // had no date or fell outside --since/--until. Empty when time was not asked about.
  std::string slice;
  std::vector<std::string> periods;
  std::uint64_t undated = 0;
  std::uint64_t outside_range = 0;
  // Graph measures, filled by measure_graph (metrics.hpp); `measured` says whether it ran.
  bool measured = false;
  GraphMetrics measures;
  // Set when this graph is the part of a larger one that a drawing shows (backbone.hpp): what
  // was left out, in lines the legend prints. Empty for a graph as built.
  std::string selection;
};

struct CoMentionGraph {
  Graph graph;
  GraphInfo info;
};

CoMentionGraph build_graph(const Counts& counts, const Gazetteer& gazetteer, const GraphOptions& options);
// Everything counted in that window, weighted by count.
CoMentionGraph build_graph(const Counts& counts, const Gazetteer& gazetteer, Window window);

// Adds per-period counts to the nodes and edges of a graph built from the total of `periods`:
// each node's mentions and each edge's count in each period where they are not zero.
void attach_periods(CoMentionGraph& graph, const Gazetteer& gazetteer,
                    const std::vector<std::pair<std::string, Counts>>& periods);

}  // namespace comention
