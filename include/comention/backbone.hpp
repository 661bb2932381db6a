// The backbone of a large co-mention graph: the part a drawing shows so that it stays readable.
//
//   comention::Backbone shown = comention::extract_backbone(graph);  // automatic: large graphs only
//   comention::write_graph(shown.graph, comention::OutputFormat::svg, out);
//   std::cerr << describe(shown.summary) << '\n';  // "120 of 222 entities, 300 of 2,279 ties ..."
//
// The method is the disparity filter of Serrano, Boguñá and Vespignani, "Extracting the multiscale
// backbone of complex weighted networks", PNAS 106(16):6483-6488 (2009). Under its null model
// the k edges of a node share the node's strength s uniformly at random; an edge of weight w is
// significant for that node when so large a share w/s is unlikely by chance:
//
//   alpha = (1 - w/s)^(k - 1)        the probability of a share at least w/s among k edges
//
// An edge stays when alpha < α at either of its ends, so small nodes keep their main ties even
// next to a hub. A node of degree 1 has no choice to make (its one edge holds all its strength),
// so, as the paper says, such an edge stays only if it is significant for the node at the other end.
// Weights here are always the counts, whatever --weight says: the null model shares out
// whole co-mentions, and measures such as PMI may be negative.
//
// Only drawings use this: the data formats keep the whole graph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "comention/graph.hpp"

namespace comention {

// Per edge, in boost::edges order: its disparity significance, the smaller alpha of its two ends
// (an end of degree 1 counts as 1, never significant). 1 for an edge of count 0.
std::vector<double> disparity_significance(const Graph& graph);

enum class BackboneMode {
  automatic,  // filter large graphs (BackboneOptions::large_nodes, large_edges) only
  off,        // draw everything
  fixed,      // filter at BackboneOptions::alpha, whatever the size
};

struct BackboneOptions {
  BackboneMode mode = BackboneMode::automatic;
  // The significance level. automatic starts here and tightens it (0.01, 0.005, 0.001 ...) while
  // more than max_edges ties would be drawn.
  double alpha = 0.05;
  // automatic: a graph with more nodes or more edges than this is large. Below both, labels and
  // lines still fit a page, so the drawing shows everything.
  std::size_t large_nodes = 60;
  std::size_t large_edges = 150;
  // automatic: the most ties drawn, where a smaller α can reach it.
  std::size_t max_edges = 300;
  // At most this many entities are drawn, the strongest (by the sum of their counts in the whole
  // graph): more labels than this cannot all be legible on one page. 0: no cap.
  std::size_t max_nodes = 120;
};

// What a drawing shows of the whole graph, for its legend.
struct BackboneSummary {
  // Whether the disparity filter chose the ties. When it finds none significant, the automatic
  // mode draws the capped entities' ties unfiltered instead: then only node_cap says what is left out.
  bool filtered = false;
  double alpha = 0;               // the level it ran at
  std::size_t node_cap = 0;       // nonzero when only the node_cap strongest entities are drawn
  std::uint64_t nodes = 0;        // in the whole graph
  std::uint64_t edges = 0;
  std::uint64_t nodes_shown = 0;  // in the backbone
  std::uint64_t edges_shown = 0;
};

struct Backbone {
  CoMentionGraph graph;  // the part to draw; the whole graph when nothing is left out
  BackboneSummary summary;
};

// The backbone of `graph`: the edges the disparity filter keeps, among at most max_nodes of the
// strongest entities, and the entities left with at least one such edge. Nodes and edges keep
// the properties (counts, measures, communities) they have in the whole graph, so colours and
// sizes mean the same as in the JSON; vertex and edge order stay as they were. The result's
// info.selection says what was left out (empty when nothing was). Deterministic. Where no tie is
// significant, a fixed α gives an empty drawing (its legend says so); the automatic mode draws the
// ties among the max_nodes strongest entities instead.
Backbone extract_backbone(const CoMentionGraph& graph, const BackboneOptions& options = {});

// The legend's two lines: "120 of 222 entities, 300 of 2,279 ties: the backbone by the disparity
// filter, α = 0.05 ..." and where the rest is. Empty when nothing was left out.
std::string describe(const BackboneSummary& summary);

}  // namespace comention
