// JSON node-link writer: networkx's node_link_data form, which d3-force reads as well.
#include <boost/range/iterator_range.hpp>

#include "comention/export.hpp"
#include "json_fields.hpp"

namespace comention {

void write_json(const CoMentionGraph& graph, std::ostream& out, LinkKey key) {
  using detail::Json;
  const Graph& g = graph.graph;

  Json nodes = Json::array();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    Json item = Json::object();
    item["id"] = g[v].id;
    item.update(detail::node_fields(graph, v));
    nodes.push_back(std::move(item));
  }

  Json links = Json::array();
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    Json item = Json::object();
    item["source"] = g[boost::source(e, g)].id;
    item["target"] = g[boost::target(e, g)].id;
    item.update(detail::edge_fields(graph, e));
    links.push_back(std::move(item));
  }

  Json document = Json::object();
  document["directed"] = false;
  document["multigraph"] = false;
  document["graph"] = detail::graph_fields(graph);
  document["nodes"] = std::move(nodes);
  if (key == LinkKey::links || key == LinkKey::both) document["links"] = links;
  if (key == LinkKey::edges || key == LinkKey::both) document["edges"] = std::move(links);
  out << detail::dump_json(document, 2) << '\n';
}

}  // namespace comention
