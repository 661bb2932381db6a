#include "comention/graph.hpp"

#include <algorithm>
#include <boost/graph/connected_components.hpp>
#include <utility>
#include <vector>

namespace comention {

CoMentionGraph build_graph(const Counts& counts, const Gazetteer& gazetteer, Window window) {
  CoMentionGraph result;
  Graph& graph = result.graph;
  const auto& entities = gazetteer.entities();

  // Gazetteer entities are sorted by id, so adding vertices in entity order keeps id order.
  const auto kAbsent = Graph::null_vertex();
  std::vector<Graph::vertex_descriptor> vertex_of(entities.size(), kAbsent);
  for (std::size_t i = 0; i < entities.size() && i < counts.nodes.size(); ++i) {
    if (counts.nodes[i].mentions == 0) continue;
    const Entity& entity = entities[i];
    NodeProperties node;
    node.id = entity.id;
    node.label = entity.label;
    node.category = entity.category;
    if (entity.category == Category::country) {
      node.iso2 = std::string(entity.attribute("iso2"));
      node.iso3 = std::string(entity.attribute("iso3"));
      node.region = std::string(entity.attribute("region"));
      node.historical = entity.attribute("historical") == "yes";
    }
    node.mentions = counts.nodes[i].mentions;
    node.documents = counts.nodes[i].documents;
    vertex_of[i] = boost::add_vertex(std::move(node), graph);
  }

  std::vector<std::pair<std::uint64_t, EdgeCount>> edges(counts.edges.begin(), counts.edges.end());
  // Keys order by (smaller index, larger index), which is (source id, target id).
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, count] : edges) {
    const auto source = vertex_of[edge_key_low(key)];
    const auto target = vertex_of[edge_key_high(key)];
    boost::add_edge(source, target, EdgeProperties{count.weight, count.documents}, graph);
    graph[source].degree += 1;
    graph[target].degree += 1;
    graph[source].strength += count.weight;
    graph[target].strength += count.weight;
  }

  std::vector<std::uint32_t> component(boost::num_vertices(graph));
  const auto components = boost::connected_components(graph, component.data());
  for (std::size_t v = 0; v < component.size(); ++v) graph[v].component = component[v];

  result.info = GraphInfo{window,          counts.documents, counts.paragraphs, counts.sentences,
                          counts.mentions, static_cast<std::uint32_t>(components)};
  return result;
}

}  // namespace comention
