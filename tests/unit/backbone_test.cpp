// Unit tests for backbone.hpp: the disparity filter (Serrano, Boguñá, Vespignani, PNAS 2009) and
// the part of a large graph a drawing shows.
#include "comention/backbone.hpp"

#include <doctest/doctest.h>

#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using comention::BackboneMode;
using comention::BackboneOptions;
using comention::CoMentionGraph;
using Strings = std::vector<std::string>;

comention::Graph::vertex_descriptor add_node(CoMentionGraph& graph, const std::string& id, std::uint64_t mentions) {
  comention::NodeProperties node;
  node.id = id;
  node.label = id;
  node.mentions = mentions;
  return boost::add_vertex(node, graph.graph);
}

void add_tie(CoMentionGraph& graph, comention::Graph::vertex_descriptor a, comention::Graph::vertex_descriptor b,
             std::uint64_t count) {
  comention::EdgeProperties edge;
  edge.count = count;
  edge.weight = static_cast<double>(count);
  boost::add_edge(a, b, edge, graph.graph);
}

// A hub, a partner it shares most of its co-mentions with, and three small neighbours; two of
// them (FJI, NRU) are leaves. Counts on the edges; k degree, s strength by count.
//
//                 FJI (k=1, s=1)
//                  |1
//   NRU ----2---- USA (k=4, s=10) ----6---- JPN (k=2, s=8)
//  (k=1, s=2)      |1                      /
//                 GBR (k=2, s=3) ----2----
//
// alpha at each end, (1 - w/s)^(k-1), 1 at a leaf; an edge's significance is the smaller:
//
//   FJI-USA  FJI: leaf          USA: (1 - 1/10)^3 = 0.729   ->  0.729
//   GBR-JPN  GBR: (1 - 2/3)^1 = 1/3   JPN: (1 - 2/8)^1 = 0.75  ->  1/3
//   GBR-USA  GBR: (1 - 1/3)^1 = 2/3   USA: 0.9^3 = 0.729       ->  2/3
//   JPN-USA  JPN: (1 - 6/8)^1 = 0.25  USA: 0.4^3 = 0.064       ->  0.064
//   NRU-USA  NRU: leaf          USA: (1 - 2/10)^3 = 0.512   ->  0.512
CoMentionGraph sample() {
  CoMentionGraph graph;
  const auto fji = add_node(graph, "FJI", 1);
  const auto gbr = add_node(graph, "GBR", 5);
  const auto jpn = add_node(graph, "JPN", 12);
  const auto nru = add_node(graph, "NRU", 2);
  const auto usa = add_node(graph, "USA", 30);
  add_tie(graph, fji, usa, 1);
  add_tie(graph, gbr, jpn, 2);
  add_tie(graph, gbr, usa, 1);
  add_tie(graph, jpn, usa, 6);
  add_tie(graph, nru, usa, 2);
  return graph;
}

Strings ties(const comention::Graph& g) {
  Strings pairs;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    pairs.push_back(g[boost::source(e, g)].id + "-" + g[boost::target(e, g)].id);
  }
  return pairs;
}

Strings entities(const comention::Graph& g) {
  Strings ids;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) ids.push_back(g[v].id);
  return ids;
}

BackboneOptions fixed(double alpha) {
  BackboneOptions options;
  options.mode = BackboneMode::fixed;
  options.alpha = alpha;
  return options;
}

}  // namespace

TEST_SUITE("backbone") {

TEST_CASE("disparity significance by hand: the smaller alpha of the two ends, a leaf's end never significant") {
  const std::vector<double> alpha = comention::disparity_significance(sample().graph);
  REQUIRE(alpha.size() == 5);
  CHECK(alpha[0] == doctest::Approx(0.729));
  CHECK(alpha[1] == doctest::Approx(1.0 / 3.0));
  CHECK(alpha[2] == doctest::Approx(2.0 / 3.0));
  CHECK(alpha[3] == doctest::Approx(0.064));
  CHECK(alpha[4] == doctest::Approx(0.512));
}

TEST_CASE("the weight is the count, whatever measure the graph carries") {
  CoMentionGraph graph = sample();
  for (const auto e : boost::make_iterator_range(boost::edges(graph.graph))) graph.graph[e].weight = -1.5;
  CHECK(comention::disparity_significance(graph.graph)[3] == doctest::Approx(0.064));
}

TEST_CASE("a fixed alpha keeps the edges below it and the entities they join") {
  const CoMentionGraph graph = sample();
  CHECK(ties(comention::extract_backbone(graph, fixed(0.05)).graph.graph).empty());
  CHECK(ties(comention::extract_backbone(graph, fixed(0.1)).graph.graph) == Strings{"JPN-USA"});
  CHECK(ties(comention::extract_backbone(graph, fixed(0.4)).graph.graph) == Strings{"GBR-JPN", "JPN-USA"});
  // NRU's one edge stays only once it is significant for USA (0.512), not for being NRU's only tie.
  CHECK(ties(comention::extract_backbone(graph, fixed(0.5)).graph.graph) == Strings{"GBR-JPN", "JPN-USA"});
  CHECK(ties(comention::extract_backbone(graph, fixed(0.6)).graph.graph) == Strings{"GBR-JPN", "JPN-USA", "NRU-USA"});
  CHECK(ties(comention::extract_backbone(graph, fixed(0.7)).graph.graph) ==
        Strings{"GBR-JPN", "GBR-USA", "JPN-USA", "NRU-USA"});

  const comention::Backbone shown = comention::extract_backbone(graph, fixed(0.4));
  CHECK(entities(shown.graph.graph) == Strings{"GBR", "JPN", "USA"});
  CHECK(shown.summary.filtered);
  CHECK(shown.summary.alpha == 0.4);
  CHECK(shown.summary.nodes == 5);
  CHECK(shown.summary.edges == 5);
  CHECK(shown.summary.nodes_shown == 3);
  CHECK(shown.summary.edges_shown == 2);
  CHECK(shown.summary.node_cap == 0);
  CHECK(shown.graph.info.selection == comention::describe(shown.summary));
}

TEST_CASE("entities and ties keep their properties from the whole graph") {
  const comention::Backbone shown = comention::extract_backbone(sample(), fixed(0.1));
  const comention::Graph& g = shown.graph.graph;
  REQUIRE(boost::num_vertices(g) == 2);
  CHECK(g[0].id == "JPN");
  CHECK(g[0].mentions == 12);
  CHECK(g[1].mentions == 30);
  CHECK(g[*boost::edges(g).first].count == 6);
}

TEST_CASE("the node cap keeps the strongest entities by count: USA 10, JPN 8, GBR 3") {
  BackboneOptions options = fixed(0.7);
  options.max_nodes = 3;
  const comention::Backbone shown = comention::extract_backbone(sample(), options);
  CHECK(ties(shown.graph.graph) == Strings{"GBR-JPN", "GBR-USA", "JPN-USA"});
  CHECK(shown.summary.node_cap == 3);
  options.max_nodes = 5;  // all of them: no cap to report
  CHECK(comention::extract_backbone(sample(), options).summary.node_cap == 0);
}

TEST_CASE("automatic leaves a small graph whole, and off leaves any graph whole") {
  for (const BackboneMode mode : {BackboneMode::automatic, BackboneMode::off}) {
    BackboneOptions options;
    options.mode = mode;
    const comention::Backbone shown = comention::extract_backbone(sample(), options);
    CHECK_FALSE(shown.summary.filtered);
    CHECK(ties(shown.graph.graph) == ties(sample().graph));
    CHECK(shown.graph.info.selection.empty());
    CHECK(comention::describe(shown.summary).empty());
  }
}

TEST_CASE("automatic filters a large graph, tightening alpha until few enough ties are left") {
  // A ring of 80 entities with chords: each entity i is tied to i+1 (count 1 + i % 7) and to
  // i+2 (count 1), so every one has degree 4 and significance varies with the counts.
  CoMentionGraph graph;
  std::vector<comention::Graph::vertex_descriptor> v;
  for (int i = 0; i < 80; ++i) v.push_back(add_node(graph, "E" + std::to_string(100 + i), 1));
  for (std::size_t i = 0; i < 80; ++i) {
    add_tie(graph, v[i], v[(i + 1) % 80], 1 + i % 7 * 20);
    add_tie(graph, v[i], v[(i + 2) % 80], 1);
  }
  BackboneOptions options;
  const comention::Backbone loose = comention::extract_backbone(graph, options);
  CHECK(loose.summary.filtered);
  CHECK(loose.summary.alpha == 0.05);
  // 35 ties are significant at 0.05, 24 at 0.02 down to 0.002, 12 at 0.001.
  CHECK(loose.summary.edges_shown == 35);

  options.max_edges = 20;
  const comention::Backbone tight = comention::extract_backbone(graph, options);
  CHECK(tight.summary.alpha == 0.001);
  CHECK(tight.summary.edges_shown == 12);
  const std::vector<double> alpha = comention::disparity_significance(graph.graph);
  std::size_t significant = 0;
  for (const double a : alpha) significant += a < tight.summary.alpha ? 1 : 0;
  CHECK(significant == tight.summary.edges_shown);
}

TEST_CASE("automatic draws the strongest entities' ties unfiltered when no tie stands out") {
  // A ring where each entity is named once with each of its four nearest: every share is 1/4,
  // alpha (3/4)^3 = 0.42 everywhere, so nothing is significant at any level.
  auto ring = [](int n) {
    CoMentionGraph graph;
    std::vector<comention::Graph::vertex_descriptor> v;
    for (int i = 0; i < n; ++i) v.push_back(add_node(graph, "E" + std::to_string(100 + i), 1));
    for (std::size_t i = 0; i < v.size(); ++i) {
      add_tie(graph, v[i], v[(i + 1) % v.size()], 1);
      add_tie(graph, v[i], v[(i + 2) % v.size()], 1);
    }
    return graph;
  };
  const comention::Backbone capped = comention::extract_backbone(ring(130));
  CHECK_FALSE(capped.summary.filtered);
  CHECK(capped.summary.node_cap == 120);
  CHECK(capped.summary.nodes_shown == 120);
  // Strengths tie, so the first 120 in vertex order: 119 ties to the next, 118 to the one after.
  CHECK(capped.summary.edges_shown == 237);
  CHECK(capped.graph.info.selection.find("no tie stands out") != std::string::npos);

  const comention::Backbone whole = comention::extract_backbone(ring(70));
  CHECK(boost::num_edges(whole.graph.graph) == 140);
  CHECK(whole.graph.info.selection.empty());
  // A fixed level is what was asked for, even if it leaves nothing.
  CHECK(boost::num_vertices(comention::extract_backbone(ring(70), fixed(0.05)).graph.graph) == 0);
}

TEST_CASE("the legend's sentence") {
  comention::BackboneSummary summary;
  summary.filtered = true;
  summary.alpha = 0.05;
  summary.nodes = 222;
  summary.edges = 2279;
  summary.nodes_shown = 120;
  summary.edges_shown = 300;
  summary.node_cap = 120;
  CHECK(comention::describe(summary) ==
        "120 of 222 entities, 300 of 2,279 ties: the backbone by the disparity filter, \xCE\xB1 = 0.05, among the "
        "120 entities with the most co-mentions.\nThe data outputs (JSON, GraphML, CSV ...) hold them all; "
        "--backbone off draws them all.");
}

}  // TEST_SUITE
