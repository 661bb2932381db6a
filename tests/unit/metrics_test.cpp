// Unit tests for metrics.hpp: every measure against networkx on small graphs, and a few by hand.
//
// The networkx values are in tests/fixtures/metrics.json, written by
// tests/fixtures/gen_metrics_fixtures.py with Debian's networkx 2.8.8; networkx does not run here.
// Each fixture graph is drawn below, with its edge weights on the edges.
#include "comention/metrics.hpp"

#include <doctest/doctest.h>

#include <boost/range/iterator_range.hpp>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "comention/graph.hpp"

#include "test_support.hpp"

#ifndef COMENTION_FIXTURES_DIR
#error "COMENTION_FIXTURES_DIR must name tests/fixtures (tests/CMakeLists.txt defines it)"
#endif

namespace {

using comention::Graph;
using comention::Metrics;
using comention::MetricsOptions;
using Json = nlohmann::json;
using Labels = std::vector<std::uint32_t>;

// Deterministic measures and modularity: networkx and we do the same arithmetic up to the order
// of a few sums. PageRank: both sides iterate to an L1 change below n * 1e-13 or tighter.
constexpr double kTolerance = 1e-9;
constexpr double kPagerankTolerance = 1e-9;

using EdgeList = std::vector<std::tuple<std::size_t, std::size_t, double>>;

struct TestGraph {
  Graph graph;
  std::vector<double> weights;  // in boost::edges() order, as compute_metrics wants them
};

// Vertices 0..n-1; each edge's EdgeProperties::weight is its weight, and its count the weight
// rounded up to a whole number (at least 1), as a measure would sit beside a count.
TestGraph make_graph(std::size_t n, const EdgeList& edges) {
  TestGraph result;
  for (std::size_t v = 0; v < n; ++v) {
    comention::NodeProperties node;
    node.id = "N" + std::to_string(v);
    boost::add_vertex(node, result.graph);
  }
  std::map<std::pair<std::size_t, std::size_t>, double> weight_of;
  for (const auto& [u, v, w] : edges) {
    comention::EdgeProperties edge;
    edge.count = w > 1 ? static_cast<std::uint64_t>(std::ceil(w)) : 1;
    edge.documents = 1;
    edge.weight = w;
    boost::add_edge(u, v, edge, result.graph);
    weight_of[{std::min(u, v), std::max(u, v)}] = w;
  }
  for (const auto e : boost::make_iterator_range(boost::edges(result.graph))) {
    const std::size_t u = boost::source(e, result.graph);
    const std::size_t v = boost::target(e, result.graph);
    result.weights.push_back(weight_of.at({std::min(u, v), std::max(u, v)}));
  }
  return result;
}

Metrics metrics_of(const TestGraph& g, const MetricsOptions& options = {}) {
  return comention::compute_metrics(g.graph, g.weights, options);
}

Labels communities(const Metrics& metrics) {
  Labels labels;
  for (const auto& node : metrics.nodes) labels.push_back(node.community);
  return labels;
}

const Json& fixtures() {
  static const Json data = [] {
    const std::string path = std::string(COMENTION_FIXTURES_DIR) + "/metrics.json";
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    return Json::parse(in);
  }();
  return data;
}

const Json& fixture(std::string_view name) {
  for (const Json& entry : fixtures().at("graphs")) {
    if (entry.at("name").get<std::string>() == name) return entry;
  }
  FAIL("no fixture graph " << std::string(name));
  throw;  // unreachable: FAIL throws
}

TestGraph fixture_graph(const Json& entry) {
  EdgeList edges;
  for (const Json& edge : entry.at("edges")) {
    edges.emplace_back(edge.at(0).get<std::size_t>(), edge.at(1).get<std::size_t>(), edge.at(2).get<double>());
  }
  return make_graph(entry.at("nodes").get<std::size_t>(), edges);
}

// Holds every measure of one fixture graph to networkx's values.
void check_against_networkx(std::string_view name) {
  INFO("fixture graph: " << std::string(name));
  const Json& entry = fixture(name);
  const Json& expected = entry.at("expected");
  const TestGraph g = fixture_graph(entry);
  const Metrics metrics = metrics_of(g);
  const std::size_t n = entry.at("nodes").get<std::size_t>();
  REQUIRE(metrics.nodes.size() == n);

  for (std::size_t v = 0; v < n; ++v) {
    INFO("vertex " << v);
    const auto& node = metrics.nodes[v];
    CHECK(node.betweenness == doctest::Approx(expected.at("betweenness").at(v).get<double>()).epsilon(kTolerance));
    CHECK(node.weighted_betweenness ==
          doctest::Approx(expected.at("weighted_betweenness").at(v).get<double>()).epsilon(kTolerance));
    CHECK(node.pagerank == doctest::Approx(expected.at("pagerank").at(v).get<double>()).epsilon(kPagerankTolerance));
    CHECK(node.clustering == doctest::Approx(expected.at("clustering").at(v).get<double>()).epsilon(kTolerance));
    CHECK(node.core == expected.at("core").at(v).get<std::uint32_t>());
  }

  CHECK(metrics.graph.nodes == n);
  CHECK(metrics.graph.edges == entry.at("edges").size());
  CHECK(metrics.graph.density == doctest::Approx(expected.at("density").get<double>()).epsilon(kTolerance));
  CHECK(metrics.graph.components == expected.at("components").get<std::uint32_t>());

  // Communities: numbered 0.. by lowest vertex, and the reported modularity is the partition's.
  const Labels labels = communities(metrics);
  const std::set<std::uint32_t> distinct(labels.begin(), labels.end());
  CHECK(metrics.graph.communities == distinct.size());
  std::uint32_t next_new = 0;
  for (const std::uint32_t c : labels) {
    CHECK(c <= next_new);
    if (c == next_new) ++next_new;
  }
  CHECK(metrics.graph.modularity ==
        doctest::Approx(comention::modularity(g.graph, g.weights, labels)).epsilon(kTolerance));

  // Our modularity function agrees with networkx's on networkx's own Louvain partition...
  const Labels networkx_labels = expected.at("nx_louvain_partition").get<Labels>();
  const double networkx_modularity = expected.at("nx_louvain_modularity").get<double>();
  CHECK(comention::modularity(g.graph, g.weights, networkx_labels) ==
        doctest::Approx(networkx_modularity).epsilon(kTolerance));
  // ... and our Louvain does at least as well as networkx's (seed 1 on both sides).
  CHECK(metrics.graph.modularity >= networkx_modularity - kTolerance);

  // Planted communities are recovered exactly, with networkx's modularity for them.
  if (entry.contains("planted")) {
    CHECK(labels == entry.at("planted").get<Labels>());
    CHECK(metrics.graph.modularity ==
          doctest::Approx(expected.at("planted_modularity").get<double>()).epsilon(kTolerance));
  }
}

bool same_values(const Metrics& a, const Metrics& b) {
  if (a.nodes.size() != b.nodes.size()) return false;
  for (std::size_t v = 0; v < a.nodes.size(); ++v) {
    const auto& x = a.nodes[v];
    const auto& y = b.nodes[v];
    if (x.betweenness != y.betweenness || x.weighted_betweenness != y.weighted_betweenness ||
        x.pagerank != y.pagerank || x.clustering != y.clustering || x.core != y.core ||
        x.community != y.community) {
      return false;
    }
  }
  return a.graph.nodes == b.graph.nodes && a.graph.edges == b.graph.edges &&
         a.graph.density == b.graph.density && a.graph.components == b.graph.components &&
         a.graph.communities == b.graph.communities && a.graph.modularity == b.graph.modularity;
}

}  // namespace

TEST_SUITE("metrics") {

// By hand -----------------------------------------------------------------------------------------

// 0 --1-- 1 --1-- 2
TEST_CASE("a path of three nodes, by hand") {
  const Metrics m = metrics_of(make_graph(3, {{0, 1, 1}, {1, 2, 1}}));
  // The middle node lies on the one shortest path between the other two: 1 pair out of 1.
  CHECK(m.nodes[0].betweenness == 0);
  CHECK(m.nodes[1].betweenness == doctest::Approx(1.0));
  CHECK(m.nodes[2].betweenness == 0);
  CHECK(m.nodes[1].weighted_betweenness == doctest::Approx(1.0));
  // PageRank, ends a and middle b, d = 0.85: a = d b / 2 + (1-d)/3, b = 2 d a + (1-d)/3,
  // so a = 19/74 and b = 18/37.
  CHECK(m.nodes[0].pagerank == doctest::Approx(19.0 / 74).epsilon(1e-12));
  CHECK(m.nodes[1].pagerank == doctest::Approx(18.0 / 37).epsilon(1e-12));
  CHECK(m.nodes[2].pagerank == doctest::Approx(19.0 / 74).epsilon(1e-12));
  for (const auto& node : m.nodes) {
    CHECK(node.clustering == 0);
    CHECK(node.core == 1);
  }
  CHECK(m.graph.density == doctest::Approx(2.0 / 3));
  CHECK(m.graph.components == 1);
  // Splitting a path of two edges never beats keeping it whole (modularity 0).
  CHECK(communities(m) == Labels{0, 0, 0});
  CHECK(m.graph.communities == 1);
  CHECK(m.graph.modularity == doctest::Approx(0.0));
}

//          1
//          |
//   4 ---- 0 ---- 2        every weight 1
//          |
//          3
TEST_CASE("a star, by hand") {
  const Metrics m = metrics_of(make_graph(5, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}}));
  // The centre is on the path between each of the 6 pairs of leaves: 6 of 6 pairs.
  CHECK(m.nodes[0].betweenness == doctest::Approx(1.0));
  // Leaves x, centre y, k = 4 leaves, c = (1-d)/5: x = c + d y / k and y = c + d k x,
  // so x = c (1 + d/k) / (1 - d^2).
  const double d = 0.85;
  const double c = (1 - d) / 5;
  const double leaf = c * (1 + d / 4) / (1 - d * d);
  CHECK(m.nodes[0].pagerank == doctest::Approx(1 - 4 * leaf).epsilon(1e-12));
  for (std::size_t v = 1; v <= 4; ++v) {
    CHECK(m.nodes[v].betweenness == 0);
    CHECK(m.nodes[v].pagerank == doctest::Approx(leaf).epsilon(1e-12));
  }
  for (const auto& node : m.nodes) {
    CHECK(node.clustering == 0);
    CHECK(node.core == 1);
  }
  CHECK(m.graph.density == doctest::Approx(0.4));
}

//      0
//     / \        every weight 1
//    1 --- 2
TEST_CASE("a triangle, by hand") {
  const Metrics m = metrics_of(make_graph(3, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}}));
  for (const auto& node : m.nodes) {
    CHECK(node.betweenness == 0);
    CHECK(node.weighted_betweenness == 0);
    CHECK(node.pagerank == doctest::Approx(1.0 / 3).epsilon(1e-12));
    CHECK(node.clustering == 1);
    CHECK(node.core == 2);
    CHECK(node.community == 0);
  }
  CHECK(m.graph.density == 1);
  CHECK(m.graph.modularity == doctest::Approx(0.0));
}

//      0
//     / \        every weight 1
//    1 --- 2 --- 3
TEST_CASE("a triangle with a tail: one closed pair of three, cores 2 and 1") {
  const Metrics m = metrics_of(make_graph(4, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 3, 1}}));
  CHECK(m.nodes[0].clustering == 1);
  CHECK(m.nodes[2].clustering == doctest::Approx(1.0 / 3));
  CHECK(m.nodes[3].clustering == 0);
  CHECK(m.nodes[0].core == 2);
  CHECK(m.nodes[1].core == 2);
  CHECK(m.nodes[2].core == 2);
  CHECK(m.nodes[3].core == 1);
  // Node 2 is on the paths from 3 to 0 and to 1: 2 of the 3 pairs of others.
  CHECK(m.nodes[2].betweenness == doctest::Approx(2.0 / 3));
}

//      0                 3
//     / \               / \         every weight 1
//    1 --- 2 ------- 4 --- 5
TEST_CASE("two triangles joined by an edge: two communities, modularity 5/14 by hand") {
  const Metrics m = metrics_of(
      make_graph(6, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}, {2, 4, 1}}));
  CHECK(communities(m) == Labels{0, 0, 0, 1, 1, 1});
  // m = 7; each triangle holds 3 of it and has degree 7: 2 (3/7 - (7/14)^2) = 5/14.
  CHECK(m.graph.modularity == doctest::Approx(5.0 / 14).epsilon(1e-12));
  CHECK(m.graph.communities == 2);
}

// Fixtures: networkx's values -------------------------------------------------------------------

// (no vertices)
TEST_CASE("networkx: the empty graph") {
  check_against_networkx("empty");
  const Metrics m = metrics_of(make_graph(0, {}));
  CHECK(m.nodes.empty());
  CHECK(m.graph.nodes == 0);
  CHECK(m.graph.edges == 0);
  CHECK(m.graph.density == 0);
  CHECK(m.graph.components == 0);
  CHECK(m.graph.communities == 0);
  CHECK(m.graph.modularity == 0);
}

//   0
TEST_CASE("networkx: one node") {
  check_against_networkx("single");
  const Metrics m = metrics_of(make_graph(1, {}));
  CHECK(m.nodes[0].pagerank == 1);
  CHECK(m.nodes[0].core == 0);
  CHECK(m.graph.communities == 1);
  CHECK(m.graph.density == 0);
}

//   0      1
TEST_CASE("networkx: a disconnected pair") {
  check_against_networkx("two_isolated");
  const Metrics m = metrics_of(make_graph(2, {}));
  CHECK(communities(m) == Labels{0, 1});
  CHECK(m.graph.components == 2);
  CHECK(m.graph.modularity == 0);
}

//   0      1 --5-- 2      3
TEST_CASE("networkx: isolated nodes beside a pair") {
  check_against_networkx("isolated_and_pair");
  const Metrics m = metrics_of(fixture_graph(fixture("isolated_and_pair")));
  CHECK(communities(m) == Labels{0, 1, 1, 2});
  CHECK(m.graph.components == 3);
}

//   0 --1-- 1 --1-- 2
TEST_CASE("networkx: a path of three nodes") { check_against_networkx("path3"); }

//           1
//           |1
//   4 --4-- 0 --2-- 2
//           |3
//           3
TEST_CASE("networkx: a weighted star") { check_against_networkx("star5"); }

//       0
//    1 / \ 1
//     1 --- 2
//        1
TEST_CASE("networkx: a triangle") { check_against_networkx("triangle"); }

//       0
//    2 / \ 1
//     1 --- 2 --1-- 3
//        3
TEST_CASE("networkx: a weighted triangle with a tail") { check_against_networkx("paw"); }

//       0
//    1 / \ 2
//     1 --- 2          3 --3-- 4 --1-- 5
//        1
TEST_CASE("networkx: two components") { check_against_networkx("two_components"); }

// Lengths are 1/weight: 0-3 (length 1) ties with 0-1-3 (0.5 + 0.5), so 1 and 3 share the pair.
//
//   0 -----1----- 3 --1-- 2
//    \           /
//     2         2
//      \       /
//       '- 1 -'
TEST_CASE("networkx: weighted betweenness splits tied shortest paths") {
  check_against_networkx("weighted_ties");
}

// Heavy edges are short: 0-2-3 (0.25 + 0.25) beats 0-1-3 (1 + 1) and 0-1-2 ... (1 + 0.5).
//
//          1
//       1 / | \ 1
//        0  |2 3 --1-- 4
//       4 \ | / 4
//          2
TEST_CASE("networkx: weighted betweenness follows heavy edges") {
  check_against_networkx("weighted_detour");
}

// Every weight is 0: the unweighted measures see the whole graph, the weighted ones see none of it.
//
//   0 --0-- 1
//   | \     |
//   0   0   0
//   |     \ |
//   3 --0-- 2
TEST_CASE("networkx: all weights zero") {
  check_against_networkx("zero_weights");
  const Metrics m = metrics_of(fixture_graph(fixture("zero_weights")));
  for (const auto& node : m.nodes) {
    CHECK(node.weighted_betweenness == 0);
    CHECK(node.pagerank == doctest::Approx(0.25).epsilon(1e-12));
  }
  CHECK(m.nodes[0].betweenness > 0);  // 0 and 2 both lie between 1 and 3
  CHECK(m.nodes[0].core == 2);
  CHECK(communities(m) == Labels{0, 1, 2, 3});
  CHECK(m.graph.communities == 4);
  CHECK(m.graph.modularity == 0);
  CHECK(m.graph.components == 1);
}

// Fractional weights; 0-2 (weight 0) and 2-3 (weight -1) count only for the unweighted measures.
//
//   0 --0.5-- 1 --0.25-- 4 --3--.
//    \       /          /        |
//     0   2.5       1.25         5
//      \   /        /            |
//        2 --(-1)-- 3 ---0.75---'
TEST_CASE("networkx: fractional, zero and negative weights") { check_against_networkx("mixed_weights"); }

// Planted communities -----------------------------------------------------------------------------

//   (0 1 2 3 4) --1-- (5 6 7 8 9)      each ( ) a 5-clique of weight-3 edges; the bridge is 4-5
TEST_CASE("networkx: two cliques joined by one edge") { check_against_networkx("two_cliques"); }

//              (0 1 2 3)
//            0 /       \ 3
//          11 /         \ 4
//   (8 9 10 11) ------- (4 5 6 7)      each ( ) a 4-clique; every weight 1
//                8     7
TEST_CASE("networkx: three cliques in a ring") { check_against_networkx("three_cliques"); }

//   (0-3) -- (4-7) -- (8-11)
//     |                  |              networkx ring_of_cliques(6, 4): six 4-cliques, each joined
//  (20-23) -- (16-19) -- (12-15)        to the next by one edge; every weight 1
TEST_CASE("networkx: a ring of six cliques") { check_against_networkx("ring_of_cliques"); }

// Stochastic block model, blocks 0-5, 6-12 and 13-20: inside p = 0.9 and weights 2 to 4,
// between p = 0.04 and weight 1 (networkx, seed 7; the edges are in the fixture).
TEST_CASE("networkx: a small stochastic block model") { check_against_networkx("sbm"); }

TEST_CASE("planted communities are recovered whatever the seed") {
  for (const char* name : {"two_cliques", "three_cliques", "ring_of_cliques", "sbm"}) {
    const Json& entry = fixture(name);
    const TestGraph g = fixture_graph(entry);
    const Labels planted = entry.at("planted").get<Labels>();
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
      INFO(name << " with seed " << seed);
      MetricsOptions options;
      options.seed = seed;
      CHECK(communities(metrics_of(g, options)) == planted);
    }
  }
}

// Random and real graphs, too big to draw ------------------------------------------------------------

// networkx gnp_random_graph(30, 0.15, seed 3) with whole weights 1 to 5: lengths 1/w tie often
// (1/2 + 1/2 = 1), which tests the counting of tied shortest paths.
TEST_CASE("networkx: a random graph with whole weights") { check_against_networkx("random_counts"); }

// networkx gnp_random_graph(40, 0.1, seed 5) with weights from -0.5 to 2, as a PMI-like measure
// would give: 18 of its 87 edges weigh 0 or less and count only for the unweighted measures.
TEST_CASE("networkx: a random graph with measure-like weights") { check_against_networkx("random_measures"); }

// Zachary's karate club: 34 members, 78 weighted ties.
TEST_CASE("networkx: karate club") { check_against_networkx("karate"); }

// Florentine families: 15 families, 20 marriage ties, in name order; weight 1.
TEST_CASE("networkx: Florentine families") { check_against_networkx("florentine"); }

// Les Misérables: 77 characters, 254 weighted co-appearance ties, in name order.
TEST_CASE("networkx: Les Miserables") { check_against_networkx("les_miserables"); }

// Weights and options ---------------------------------------------------------------------------

TEST_CASE("a negative weight means no tie, like a zero weight") {
  //   0 --w-- 1 --2-- 2 --1-- 3 --3-- 0
  const EdgeList negative{{0, 1, -2}, {1, 2, 2}, {2, 3, 1}, {0, 3, 3}};
  const EdgeList zero{{0, 1, 0}, {1, 2, 2}, {2, 3, 1}, {0, 3, 3}};
  CHECK(same_values(metrics_of(make_graph(4, negative)), metrics_of(make_graph(4, zero))));
  const TestGraph g = make_graph(4, negative);
  CHECK(comention::modularity(g.graph, g.weights, {0, 0, 1, 1}) ==
        comention::modularity(make_graph(4, zero).graph, make_graph(4, zero).weights, {0, 0, 1, 1}));
}

TEST_CASE("weights are whatever the caller passes: scaling them all changes no weighted measure") {
  const TestGraph g = fixture_graph(fixture("les_miserables"));
  std::vector<double> scaled = g.weights;
  for (double& w : scaled) w *= 0.25;  // exact in binary: every sum scales exactly too
  const Metrics a = comention::compute_metrics(g.graph, g.weights);
  const Metrics b = comention::compute_metrics(g.graph, scaled);
  for (std::size_t v = 0; v < a.nodes.size(); ++v) {
    CHECK(b.nodes[v].pagerank == doctest::Approx(a.nodes[v].pagerank).epsilon(1e-12));
    CHECK(b.nodes[v].weighted_betweenness == doctest::Approx(a.nodes[v].weighted_betweenness).epsilon(1e-12));
    CHECK(b.nodes[v].community == a.nodes[v].community);
  }
  CHECK(b.graph.modularity == doctest::Approx(a.graph.modularity).epsilon(1e-12));
}

TEST_CASE("count_weights and measure_weights read the edges in boost::edges() order") {
  //   0 --3-- 1 --0.5-- 2 --(-2)-- 3      (counts 3, 1, 1)
  const TestGraph g = make_graph(4, {{2, 3, -2}, {0, 1, 3}, {1, 2, 0.5}});
  CHECK(comention::measure_weights(g.graph) == g.weights);
  CHECK(comention::measure_weights(g.graph) == std::vector<double>{-2, 3, 0.5});
  CHECK(comention::count_weights(g.graph) == std::vector<double>{1, 3, 1});
}

TEST_CASE("the same input gives the same output, bit for bit") {
  const TestGraph g = fixture_graph(fixture("les_miserables"));
  CHECK(same_values(metrics_of(g), metrics_of(g)));
  MetricsOptions options;
  options.seed = 12345;
  CHECK(same_values(metrics_of(g, options), metrics_of(g, options)));
}

TEST_CASE("a second thread for weighted betweenness changes no measure, bit for bit") {
  for (const char* name : {"les_miserables", "two_cliques", "mixed_weights", "two_components"}) {
    CAPTURE(name);
    const TestGraph g = fixture_graph(fixture(name));
    MetricsOptions threaded;
    threaded.threads = 2;
    const Metrics one = metrics_of(g);
    const Metrics two = metrics_of(g, threaded);
    CHECK(same_values(one, two));
    REQUIRE(!one.nodes.empty());
    CHECK(std::any_of(two.nodes.begin(), two.nodes.end(),
                      [](const comention::NodeMetrics& node) { return node.weighted_betweenness > 0; }));
  }
}

// Pins the visiting order drawn from the seed: a standard library or platform that shuffled
// differently would change these labels (the modularity would stay about the same).
TEST_CASE("Louvain's partition of the karate club with seed 1 is the same everywhere") {
  const Metrics m = metrics_of(fixture_graph(fixture("karate")));
  CHECK(communities(m) == Labels{0, 0, 0, 0, 1, 1, 1, 0, 2, 2, 1, 0, 0, 0, 2, 2, 1, 0, 2, 0, 2, 0, 2, 2, 3, 3, 2, 2, 3, 2, 2, 3, 2, 2});
}

TEST_CASE("the damping factor is an option") {
  // Without damping the walker always teleports: every node gets 1/n.
  MetricsOptions options;
  options.pagerank_damping = 0;
  const Metrics m = metrics_of(make_graph(4, {{0, 1, 1}, {1, 2, 5}, {1, 3, 2}}), options);
  for (const auto& node : m.nodes) CHECK(node.pagerank == doctest::Approx(0.25).epsilon(1e-12));
}

TEST_CASE("modularity takes any community numbers") {
  const TestGraph g = fixture_graph(fixture("two_cliques"));
  const Json& expected = fixture("two_cliques").at("expected");
  const Labels planted{7, 7, 7, 7, 7, 42, 42, 42, 42, 42};
  CHECK(comention::modularity(g.graph, g.weights, planted) ==
        doctest::Approx(expected.at("planted_modularity").get<double>()).epsilon(kTolerance));
  // One community holding everything scores 0; singletons score minus the sum of squared shares.
  CHECK(comention::modularity(g.graph, g.weights, Labels(10, 0)) == doctest::Approx(0.0));
  CHECK(comention::modularity(g.graph, g.weights, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) < 0);
}

// Errors -------------------------------------------------------------------------------------------

TEST_CASE("weights must be one finite number per edge") {
  const TestGraph g = make_graph(3, {{0, 1, 1}, {1, 2, 1}});
  CHECK_THROWS_AS(comention::compute_metrics(g.graph, {1.0}), std::invalid_argument);
  CHECK_THROWS_AS(comention::compute_metrics(g.graph, {1.0, 1.0, 1.0}), std::invalid_argument);
  CHECK_THROWS_AS(comention::compute_metrics(g.graph, {1.0, std::numeric_limits<double>::quiet_NaN()}),
                  std::invalid_argument);
  CHECK_THROWS_AS(comention::compute_metrics(g.graph, {std::numeric_limits<double>::infinity(), 1.0}),
                  std::invalid_argument);
  CHECK_THROWS_AS(comention::modularity(g.graph, {1.0}, {0, 0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(comention::modularity(g.graph, g.weights, {0, 0}), std::invalid_argument);
}

TEST_CASE("self-loops and parallel edges are refused") {
  TestGraph loop = make_graph(2, {{0, 1, 1}});
  boost::add_edge(1, 1, loop.graph);
  CHECK_THROWS_AS(comention::compute_metrics(loop.graph, {1.0, 1.0}), std::invalid_argument);
  TestGraph twins = make_graph(2, {{0, 1, 1}});
  boost::add_edge(1, 0, twins.graph);
  CHECK_THROWS_AS(comention::compute_metrics(twins.graph, {1.0, 1.0}), std::invalid_argument);
}

TEST_CASE("the damping factor must be at least 0 and below 1") {
  const TestGraph g = make_graph(2, {{0, 1, 1}});
  for (const double damping : {1.0, -0.1, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    MetricsOptions options;
    options.pagerank_damping = damping;
    CHECK_THROWS_AS(metrics_of(g, options), std::invalid_argument);
  }
}

}  // TEST_SUITE
