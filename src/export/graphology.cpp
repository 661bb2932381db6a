// graphology's serialisation, the form sigma.js draws from.
#include <boost/range/iterator_range.hpp>

#include "comention/export.hpp"
#include "json_fields.hpp"
#include "style.hpp"

namespace comention {

void write_graphology(const CoMentionGraph& graph, std::ostream& out, const ExportOptions& options) {
  using detail::Json;
  const Graph& g = graph.graph;
  const detail::DiagramStyle style = detail::style_diagram(graph, options);
  const std::vector<NodePosition> positions = layout_graph(graph, options);

  Json nodes = Json::array();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    Json attributes = detail::node_fields(graph, v);
    attributes["x"] = positions[v].x;
    attributes["y"] = positions[v].y;
    // sigma.js sizes are pixels on screen: 4 for the least mentioned node, 20 for the most.
    attributes["size"] = 4.0 + 16.0 * style.nodes[v].size;
    attributes["color"] = style.nodes[v].fill;
    attributes["group"] = style.nodes[v].group;
    nodes.push_back(Json{{"key", g[v].id}, {"attributes", std::move(attributes)}});
  }

  Json edges = Json::array();
  std::size_t index = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    Json attributes = detail::edge_fields(graph, e);
    attributes["size"] = 1.0 + 4.0 * style.edge_strength[index];
    attributes["color"] = "#b0b0b0";
    edges.push_back(Json{{"key", "e" + std::to_string(index)},
                         {"source", g[boost::source(e, g)].id},
                         {"target", g[boost::target(e, g)].id},
                         {"undirected", true},
                         {"attributes", std::move(attributes)}});
    ++index;
  }

  Json attributes = detail::graph_fields(graph);
  attributes["color_by"] = to_string(style.color_by);
  attributes["layout"] = options.geo ? "geo" : to_string(options.layout);
  Json document = Json::object();
  document["attributes"] = std::move(attributes);
  document["options"] = Json{{"type", "undirected"}, {"multi", false}, {"allowSelfLoops", false}};
  document["nodes"] = std::move(nodes);
  document["edges"] = std::move(edges);
  out << detail::dump_json(document, 2) << '\n';
}

}  // namespace comention
