// Network measures of a co-mention graph: centralities, clustering, cores and communities.
//
//   const comention::CoMentionGraph result = comention::build_graph(counts, gazetteer, options);
//   const auto weights = comention::measure_weights(result.graph);  // or count_weights, or yours
//   const comention::Metrics metrics = comention::compute_metrics(result.graph, weights);
//   for (std::size_t v = 0; v < metrics.nodes.size(); ++v)
//     std::cout << result.graph[v].id << ' ' << metrics.nodes[v].pagerank << '\n';
//
// Each measure is defined as networkx 2.8 defines it; the unit tests hold every one to networkx's
// values on small graphs (tests/fixtures/metrics.json, written by gen_metrics_fixtures.py).
//
// Weights. The caller says which number is an edge's weight: edge_weights[k] belongs to the k-th
// edge of boost::edges(graph), so raw counts, documents or any association measure will do.
// The weighted measures (weighted_betweenness, pagerank, community, modularity) see only the edges
// of weight > 0: a weight of 0 or less means "no tie", as positive PMI drops negative PMI (fewer
// co-mentions than chance). Scaling every weight by one positive factor changes no measure.
// The unweighted measures (betweenness, clustering, core, density, components) see every edge.
//
// Deterministic: the same graph, weights and options give the same values on every run, and
// Louvain's visiting order, drawn from the seed, is the same with every standard library.
// Cost: betweenness is O(n m) (weighted: O(n m log n)); the other measures are about O(n + m)
// per iteration or sweep.
#pragma once

#include <cstdint>
#include <vector>

#include "comention/graph.hpp"

namespace comention {

// NodeMetrics and GraphMetrics, the values computed here, are defined in graph.hpp, where the
// graph's nodes and GraphInfo carry them.

struct MetricsOptions {
  // Seeds the order in which Louvain visits nodes (std::mt19937_64, shuffled by our own
  // Fisher-Yates so that every standard library gives the same order).
  std::uint64_t seed = 1;
  // PageRank's damping factor, in [0, 1).
  double pagerank_damping = 0.85;
  // With more than one, weighted betweenness (the costliest measure) runs on a second thread
  // beside the others. The measures are the same either way.
  std::size_t threads = 1;
};

struct Metrics {
  std::vector<NodeMetrics> nodes;  // indexed by vertex
  GraphMetrics graph;
};

// The edges' co-mention counts (EdgeProperties::count), in boost::edges() order.
std::vector<double> count_weights(const Graph& graph);
// The edges' weights (EdgeProperties::weight: the measure chosen by GraphOptions::measure), in
// boost::edges() order. With pmi or npmi, edges less frequent than chance weigh <= 0.
std::vector<double> measure_weights(const Graph& graph);

// Every measure above. Throws std::invalid_argument when edge_weights does not have one finite
// value per edge, when the graph has a self-loop or two edges between the same nodes (build_graph
// makes neither), or when pagerank_damping is outside [0, 1).
Metrics compute_metrics(const Graph& graph, const std::vector<double>& edge_weights,
                        const MetricsOptions& options = {});

// Newman's modularity of any partition (community[v] for each vertex, any numbers) over the edges
// of weight > 0, with resolution 1: sum over communities of L_c/m - (D_c/2m)^2, where m is the
// total weight, L_c the weight inside c and D_c the summed weighted degree of c's nodes.
// 0 when no edge has a positive weight. networkx community.modularity(G, parts, weight="weight").
// Useful to score a partition given from outside, such as the entities' regions.
// Throws std::invalid_argument as compute_metrics does, or when community has the wrong size.
double modularity(const Graph& graph, const std::vector<double>& edge_weights,
                  const std::vector<std::uint32_t>& community);

// Computes every measure with the edges' weights (measure_weights) and stores them in the graph's
// node properties and GraphInfo, where the exporters read them.
void measure_graph(CoMentionGraph& graph, const MetricsOptions& options = {});

}  // namespace comention
