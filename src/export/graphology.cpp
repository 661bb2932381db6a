// graphology's serialisation, the form sigma.js draws from.
#include <boost/range/iterator_range.hpp>

#include "comention/export.hpp"
#include "json_fields.hpp"

namespace comention {

void write_graphology(const CoMentionGraph& graph, std::ostream& out, const ExportOptions& options) {
  write_graphology(graph, draw_graph(graph, options), out);
}

void write_graphology(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out) {
  using detail::Json;
  const Graph& g = graph.graph;

  Json nodes = Json::array();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    Json attributes = detail::node_fields(graph, v);
    const DrawnNode& drawn = drawing.nodes[v];
    attributes["x"] = drawn.x;
    attributes["y"] = drawn.y;
    // sigma.js sizes are pixels on screen: 4 for the least mentioned node, 20 for the most.
    attributes["size"] = 4.0 + 16.0 * drawn.size;
    attributes["color"] = drawn.fill;
    attributes["group"] = drawn.group;
    nodes.push_back(Json{{"key", g[v].id}, {"attributes", std::move(attributes)}});
  }

  Json edges = Json::array();
  std::size_t index = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    Json attributes = detail::edge_fields(graph, e);
    attributes["size"] = 1.0 + 4.0 * drawing.edges[index].strength;
    attributes["color"] = "#b0b0b0";
    edges.push_back(Json{{"key", "e" + std::to_string(index)},
                         {"source", g[boost::source(e, g)].id},
                         {"target", g[boost::target(e, g)].id},
                         {"undirected", true},
                         {"attributes", std::move(attributes)}});
    ++index;
  }

  Json attributes = detail::graph_fields(graph);
  attributes["color_by"] = to_string(drawing.color_by);
  attributes["layout"] = drawing.geo ? "geo" : to_string(drawing.layout);
  Json document = Json::object();
  document["attributes"] = std::move(attributes);
  document["options"] = Json{{"type", "undirected"}, {"multi", false}, {"allowSelfLoops", false}};
  document["nodes"] = std::move(nodes);
  document["edges"] = std::move(edges);
  out << detail::dump_json(document, 2) << '\n';
}

}  // namespace comention
