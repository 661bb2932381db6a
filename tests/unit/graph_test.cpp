// Unit tests for graph.hpp: build_graph turns Counts into a Boost.Graph with measures.
#include "comention/graph.hpp"

#include <doctest/doctest.h>

#include <boost/range/iterator_range.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "comention/gazetteer.hpp"

#include "test_support.hpp"

namespace {

using comention::Category;
using comention::CoMentionGraph;
using comention::Counts;
using comention::Gazetteer;
using comention::Window;

const Gazetteer& gazetteer() {
  static const Gazetteer instance = [] {
    comention::GazetteerBuilder builder;
    // Written out of order: the gazetteer sorts by id (CHN FRA IRN USA WHO ZAF).
    builder.add_text(
        "entity\tWHO\torganization\tWorld Health Organization\n"
        "entity\tUSA\tcountry\tUnited States\tiso2=US\tiso3=USA\tregion=Americas\n"
        "entity\tCHN\tcountry\tChina\tiso2=CN\tiso3=CHN\tregion=Asia\n"
        "entity\tZAF\tcountry\tSouth Africa\tiso2=ZA\tiso3=ZAF\tregion=Africa\n"
        "entity\tIRN\tcountry\tIran\tiso2=IR\tiso3=IRN\tregion=Asia\n"
        "entity\tFRA\tcountry\tFrance\tiso2=FR\tiso3=FRA\tregion=Europe\n",
        "graph_test.tsv");
    return builder.build();
  }();
  return instance;
}

std::uint32_t index_of(std::string_view id) {
  const auto index = gazetteer().find(id);
  REQUIRE(index.has_value());
  return *index;
}

void add_node(Counts& counts, std::string_view id, std::uint64_t mentions, std::uint64_t documents) {
  counts.nodes[index_of(id)] = {mentions, documents};
}

void add_edge(Counts& counts, std::string_view a, std::string_view b, std::uint64_t weight,
              std::uint64_t documents) {
  counts.edges[comention::edge_key(index_of(a), index_of(b))] = {weight, documents};
}

// Two components; ZAF is in the gazetteer but never mentioned.
//
//          3           2
//    CHN ------ IRN ------ USA        FRA ------ WHO
//      \___________________/                1
//                1
Counts sample_counts() {
  Counts counts;
  counts.nodes.resize(gazetteer().entities().size());
  add_node(counts, "CHN", 10, 4);
  add_node(counts, "IRN", 6, 3);
  add_node(counts, "USA", 4, 2);
  add_node(counts, "FRA", 2, 1);
  add_node(counts, "WHO", 1, 1);
  add_edge(counts, "IRN", "CHN", 3, 2);
  add_edge(counts, "USA", "IRN", 2, 1);
  add_edge(counts, "CHN", "USA", 1, 1);
  add_edge(counts, "WHO", "FRA", 1, 1);
  counts.documents = 5;
  counts.paragraphs = 12;
  counts.sentences = 30;
  counts.mentions = 23;
  return counts;
}

std::vector<std::string> vertex_ids(const comention::Graph& graph) {
  std::vector<std::string> ids;
  for (const auto v : boost::make_iterator_range(boost::vertices(graph))) ids.push_back(graph[v].id);
  return ids;
}

const comention::NodeProperties& node(const comention::Graph& graph, std::string_view id) {
  for (const auto v : boost::make_iterator_range(boost::vertices(graph))) {
    if (graph[v].id == id) return graph[v];
  }
  FAIL("no vertex " << std::string(id));
  throw;  // unreachable: FAIL throws
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_SUITE("graph") {

TEST_CASE("only mentioned entities become vertices, in id order") {
  const CoMentionGraph result = comention::build_graph(sample_counts(), gazetteer(), Window::sentence);
  CHECK(boost::num_vertices(result.graph) == 5);
  CHECK(vertex_ids(result.graph) == Strings{"CHN", "FRA", "IRN", "USA", "WHO"});
}

TEST_CASE("vertices carry the gazetteer's label, category and codes and the node counts") {
  const CoMentionGraph result = comention::build_graph(sample_counts(), gazetteer(), Window::sentence);
  const auto& china = node(result.graph, "CHN");
  CHECK(china.label == "China");
  CHECK(china.category == Category::country);
  CHECK(china.iso2 == "CN");
  CHECK(china.iso3 == "CHN");
  CHECK(china.region == "Asia");
  CHECK(china.mentions == 10);
  CHECK(china.documents == 4);

  const auto& who = node(result.graph, "WHO");
  CHECK(who.label == "World Health Organization");
  CHECK(who.category == Category::organization);
  CHECK(who.iso2.empty());
  CHECK(who.iso3.empty());
  CHECK(who.mentions == 1);
}

TEST_CASE("edges carry weight and documents, listed by (source id, target id)") {
  const CoMentionGraph result = comention::build_graph(sample_counts(), gazetteer(), Window::sentence);
  const comention::Graph& g = result.graph;
  CHECK(boost::num_edges(g) == 4);
  Strings pairs;
  std::vector<std::uint64_t> weights;
  std::vector<std::uint64_t> documents;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto& source = g[boost::source(e, g)];
    const auto& target = g[boost::target(e, g)];
    CHECK(source.id < target.id);
    pairs.push_back(source.id + "-" + target.id);
    weights.push_back(g[e].count);
    CHECK(g[e].weight == doctest::Approx(static_cast<double>(g[e].count)));
    documents.push_back(g[e].documents);
  }
  CHECK(pairs == Strings{"CHN-IRN", "CHN-USA", "FRA-WHO", "IRN-USA"});
  CHECK(weights == std::vector<std::uint64_t>{3, 1, 1, 2});
  CHECK(documents == std::vector<std::uint64_t>{2, 1, 1, 1});
}

TEST_CASE("degree counts neighbours and strength sums incident weights") {
  const CoMentionGraph result = comention::build_graph(sample_counts(), gazetteer(), Window::sentence);
  const comention::Graph& g = result.graph;
  CHECK(node(g, "CHN").degree == 2);
  CHECK(node(g, "CHN").strength == 4);
  CHECK(node(g, "IRN").degree == 2);
  CHECK(node(g, "IRN").strength == 5);
  CHECK(node(g, "USA").degree == 2);
  CHECK(node(g, "USA").strength == 3);
  CHECK(node(g, "FRA").degree == 1);
  CHECK(node(g, "FRA").strength == 1);
  CHECK(node(g, "WHO").degree == 1);
  CHECK(node(g, "WHO").strength == 1);
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    CHECK(g[v].degree == boost::degree(v, g));
  }
}

TEST_CASE("components are numbered from 0 in vertex order") {
  const CoMentionGraph result = comention::build_graph(sample_counts(), gazetteer(), Window::sentence);
  const comention::Graph& g = result.graph;
  CHECK(node(g, "CHN").component == 0);
  CHECK(node(g, "FRA").component == 1);
  CHECK(node(g, "IRN").component == 0);
  CHECK(node(g, "USA").component == 0);
  CHECK(node(g, "WHO").component == 1);
  CHECK(result.info.components == 2);
}

TEST_CASE("a mentioned entity without edges is a vertex of its own component") {
  Counts counts = sample_counts();
  add_node(counts, "ZAF", 1, 1);
  const CoMentionGraph result = comention::build_graph(counts, gazetteer(), Window::sentence);
  CHECK(boost::num_vertices(result.graph) == 6);
  const auto& south_africa = node(result.graph, "ZAF");
  CHECK(south_africa.degree == 0);
  CHECK(south_africa.strength == 0);
  CHECK(south_africa.component == 2);
  CHECK(result.info.components == 3);
}

TEST_CASE("GraphInfo records the window and the totals of the counts") {
  const CoMentionGraph result = comention::build_graph(sample_counts(), gazetteer(), Window::paragraph);
  CHECK(result.info.window == Window::paragraph);
  CHECK(result.info.documents == 5);
  CHECK(result.info.paragraphs == 12);
  CHECK(result.info.sentences == 30);
  CHECK(result.info.mentions == 23);
  CHECK(result.info.components == 2);
}

TEST_CASE("counts with no mentions give an empty graph") {
  Counts counts;
  counts.nodes.resize(gazetteer().entities().size());
  counts.documents = 3;
  const CoMentionGraph result = comention::build_graph(counts, gazetteer(), Window::document);
  CHECK(boost::num_vertices(result.graph) == 0);
  CHECK(boost::num_edges(result.graph) == 0);
  CHECK(result.info.components == 0);
  CHECK(result.info.documents == 3);
  CHECK(result.info.window == Window::document);
}

TEST_CASE("building twice from the same counts gives the same graph") {
  const Counts counts = sample_counts();
  const CoMentionGraph first = comention::build_graph(counts, gazetteer(), Window::sentence);
  const CoMentionGraph second = comention::build_graph(counts, gazetteer(), Window::sentence);
  CHECK(vertex_ids(first.graph) == vertex_ids(second.graph));
  const auto first_edges = boost::make_iterator_range(boost::edges(first.graph));
  const auto second_edges = boost::make_iterator_range(boost::edges(second.graph));
  REQUIRE(boost::num_edges(first.graph) == boost::num_edges(second.graph));
  auto it = second_edges.begin();
  for (const auto e : first_edges) {
    CHECK(boost::source(e, first.graph) == boost::source(*it, second.graph));
    CHECK(boost::target(e, first.graph) == boost::target(*it, second.graph));
    CHECK(first.graph[e].weight == second.graph[*it].weight);
    ++it;
  }
}

}  // TEST_SUITE

TEST_SUITE("graph: weights and filters") {

comention::GraphOptions options_with(comention::WeightMeasure measure = comention::WeightMeasure::count) {
  comention::GraphOptions options;
  options.measure = measure;
  return options;
}

Strings edge_names(const CoMentionGraph& result) {
  const comention::Graph& g = result.graph;
  Strings pairs;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    pairs.push_back(g[boost::source(e, g)].id + "-" + g[boost::target(e, g)].id);
  }
  return pairs;
}

Strings node_names(const CoMentionGraph& result) {
  Strings ids;
  for (const auto v : boost::make_iterator_range(boost::vertices(result.graph))) ids.push_back(result.graph[v].id);
  return ids;
}

// sample_counts() with window counts: 20 sentences; CHN in 8, IRN in 5, USA in 4, FRA and WHO in 1.
Counts weighted_counts() {
  Counts counts = sample_counts();
  counts.sentences = 20;
  counts.nodes[index_of("CHN")].windows = 8;
  counts.nodes[index_of("IRN")].windows = 5;
  counts.nodes[index_of("USA")].windows = 4;
  counts.nodes[index_of("FRA")].windows = 1;
  counts.nodes[index_of("WHO")].windows = 1;
  return counts;
}

TEST_CASE("the chosen measure becomes the weight; the count stays") {
  const CoMentionGraph result = comention::build_graph(weighted_counts(), gazetteer(),
                                                       options_with(comention::WeightMeasure::pmi));
  const comention::Graph& g = result.graph;
  CHECK(result.info.measure == comention::WeightMeasure::pmi);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const std::string pair = g[boost::source(e, g)].id + "-" + g[boost::target(e, g)].id;
    CAPTURE(pair);
    if (pair == "CHN-IRN") {
      CHECK(g[e].count == 3);
      CHECK(g[e].weight == doctest::Approx(std::log2(3.0 * 20 / (8 * 5))));
    }
    if (pair == "FRA-WHO") CHECK(g[e].weight == doctest::Approx(std::log2(20.0)));
  }
  CHECK(node(g, "USA").strength == doctest::Approx(std::log2(2.0 * 20 / (5 * 4)) + std::log2(1.0 * 20 / (8 * 4))));
}

TEST_CASE("min_count drops weak edges, min_mentions rare nodes") {
  auto options = options_with();
  options.filter.min_count = 2;
  CHECK(edge_names(comention::build_graph(sample_counts(), gazetteer(), options)) == Strings{"CHN-IRN", "IRN-USA"});
  options = options_with();
  options.filter.min_mentions = 3;
  const auto result = comention::build_graph(sample_counts(), gazetteer(), options);
  CHECK(node_names(result) == Strings{"CHN", "IRN", "USA"});
  CHECK(edge_names(result) == Strings{"CHN-IRN", "CHN-USA", "IRN-USA"});
}

TEST_CASE("top_edges keeps an edge that is among the K strongest of either end") {
  auto options = options_with();
  options.filter.top_edges = 1;
  // CHN's strongest: IRN (3); IRN's: CHN (3); USA's: IRN (2); FRA's and WHO's: each other.
  CHECK(edge_names(comention::build_graph(sample_counts(), gazetteer(), options)) ==
        Strings{"CHN-IRN", "FRA-WHO", "IRN-USA"});
}

TEST_CASE("categories keep countries or organizations") {
  auto options = options_with();
  options.filter.organizations = false;
  CHECK(node_names(comention::build_graph(sample_counts(), gazetteer(), options)) ==
        Strings{"CHN", "FRA", "IRN", "USA"});
}

TEST_CASE("focus keeps the neighbourhood up to a depth") {
  auto options = options_with();
  options.filter.min_count = 2;
  options.filter.focus = "CHN";
  options.filter.depth = 1;
  CHECK(node_names(comention::build_graph(sample_counts(), gazetteer(), options)) == Strings{"CHN", "IRN"});
  options.filter.depth = 2;
  CHECK(node_names(comention::build_graph(sample_counts(), gazetteer(), options)) == Strings{"CHN", "IRN", "USA"});
  options.filter.focus = "ZAF";  // in the gazetteer, never mentioned: nothing to show
  CHECK(node_names(comention::build_graph(sample_counts(), gazetteer(), options)).empty());
}

TEST_CASE("drop_isolates removes the nodes filters left alone") {
  auto options = options_with();
  options.filter.min_count = 2;
  CHECK(node_names(comention::build_graph(sample_counts(), gazetteer(), options)) ==
        Strings{"CHN", "FRA", "IRN", "USA", "WHO"});
  options.filter.drop_isolates = true;
  CHECK(node_names(comention::build_graph(sample_counts(), gazetteer(), options)) == Strings{"CHN", "IRN", "USA"});
}

}
