// Cytoscape.js elements JSON (.cyjs), with the top-level "data" and each node's "value" that
// networkx's cytoscape_graph needs.
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "attributes.hpp"
#include "comention/export.hpp"

namespace comention {
namespace {

using Json = nlohmann::ordered_json;

void put(Json& object, const detail::Attribute& attribute) {
  std::visit([&](const auto& value) { object[attribute.key] = value; }, attribute.value);
}

}  // namespace

void write_cytoscape(const CoMentionGraph& result, std::ostream& out) { write_cytoscape(result, Drawing{}, out); }

void write_cytoscape(const CoMentionGraph& result, const Drawing& drawing, std::ostream& out) {
  const Graph& g = result.graph;
  const bool drawn = drawing.nodes.size() == boost::num_vertices(g) && !drawing.nodes.empty();
  Json data = Json::object();
  for (const auto& attribute : detail::graph_attributes(result)) put(data, attribute);
  Json nodes = Json::array();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    Json node = Json::object();
    node["id"] = g[v].id;
    node["value"] = g[v].id;
    node["name"] = g[v].label;
    for (const auto& attribute : detail::node_attributes(result, v)) put(node, attribute);
    if (!drawn) {
      nodes.push_back(Json{{"data", std::move(node)}});
      continue;
    }
    const DrawnNode& look = drawing.nodes[v];
    node["color"] = look.fill;
    node["width"] = look.width;
    node["height"] = look.height;
    // Cytoscape's y grows downwards, Graphviz's upwards: flipped within the bounding box, the
    // picture is the same way up.
    nodes.push_back(Json{{"data", std::move(node)},
                         {"position", Json{{"x", look.x}, {"y", std::round((drawing.top - look.y + drawing.bottom) * 100.0) / 100.0}}}});
  }
  Json edges = Json::array();
  std::size_t number = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    Json edge = Json::object();
    // A stable id: without one Cytoscape makes up a new one at every load.
    edge["id"] = "e" + std::to_string(number++);
    edge["source"] = g[boost::source(e, g)].id;
    edge["target"] = g[boost::target(e, g)].id;
    for (const auto& attribute : detail::edge_attributes(result, e)) put(edge, attribute);
    edges.push_back(Json{{"data", std::move(edge)}});
  }
  Json document = Json::object();
  document["data"] = std::move(data);
  document["directed"] = false;
  document["multigraph"] = false;
  document["elements"] = Json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// JSON Graph Format v2: nodes keyed by id with only "label" and "metadata", edges with
// "metadata", "directed": false stated.
void write_jgf(const CoMentionGraph& result, std::ostream& out) {
  const Graph& g = result.graph;
  Json metadata = Json::object();
  for (const auto& attribute : detail::graph_attributes(result)) put(metadata, attribute);
  Json nodes = Json::object();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    Json node_metadata = Json::object();
    for (const auto& attribute : detail::node_attributes(result, v)) {
      if (attribute.key != "label") put(node_metadata, attribute);
    }
    nodes[g[v].id] = Json{{"label", g[v].label}, {"metadata", std::move(node_metadata)}};
  }
  Json edges = Json::array();
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    Json edge_metadata = Json::object();
    for (const auto& attribute : detail::edge_attributes(result, e)) put(edge_metadata, attribute);
    edges.push_back(Json{{"source", g[boost::source(e, g)].id},
                         {"target", g[boost::target(e, g)].id},
                         {"metadata", std::move(edge_metadata)}});
  }
  Json graph = Json::object();
  graph["label"] = "comention";
  graph["directed"] = false;
  graph["metadata"] = std::move(metadata);
  graph["nodes"] = std::move(nodes);
  graph["edges"] = std::move(edges);
  out << Json{{"graph", std::move(graph)}}.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace comention
