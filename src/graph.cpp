#include "comention/graph.hpp"

#include <algorithm>
#include <charconv>
#include <boost/graph/connected_components.hpp>
#include <boost/range/iterator_range.hpp>
#include <deque>
#include <utility>
#include <vector>

namespace comention {
namespace {

std::optional<double> parse_degrees(std::string_view text, double limit) {
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
  if (value < -limit || value > limit) return std::nullopt;
  return value;
}

// Gazetteer files are checked when loaded, but lat and lon are free-form keys: a value that is
// no number in range leaves the country without a place rather than at a wrong one.
std::optional<GeoPoint> location_of(const Entity& entity) {
  const auto latitude = parse_degrees(entity.attribute("lat"), 90);
  const auto longitude = parse_degrees(entity.attribute("lon"), 180);
  if (!latitude || !longitude) return std::nullopt;
  return GeoPoint{*latitude, *longitude};
}

// An edge between two entity indices, before it becomes a Boost edge.
struct CandidateEdge {
  std::uint32_t a = 0;  // a < b
  std::uint32_t b = 0;
  EdgeProperties data;
  bool kept = true;
};

bool category_kept(const GraphFilter& filter, Category category) {
  return category == Category::country ? filter.countries : filter.organizations;
}

// Marks the edges among each node's `k` strongest: by weight, then count, then the other end.
void keep_top_edges(std::vector<CandidateEdge>& edges, std::size_t entity_count, std::uint32_t k) {
  std::vector<std::vector<std::size_t>> incident(entity_count);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (!edges[i].kept) continue;
    incident[edges[i].a].push_back(i);
    incident[edges[i].b].push_back(i);
  }
  std::vector<bool> chosen(edges.size(), false);
  for (std::uint32_t node = 0; node < entity_count; ++node) {
    auto& list = incident[node];
    auto other = [&](std::size_t e) { return edges[e].a == node ? edges[e].b : edges[e].a; };
    std::sort(list.begin(), list.end(), [&](std::size_t x, std::size_t y) {
      if (edges[x].data.weight != edges[y].data.weight) return edges[x].data.weight > edges[y].data.weight;
      if (edges[x].data.count != edges[y].data.count) return edges[x].data.count > edges[y].data.count;
      return other(x) < other(y);
    });
    for (std::size_t i = 0; i < list.size() && i < k; ++i) chosen[list[i]] = true;
  }
  for (std::size_t i = 0; i < edges.size(); ++i) edges[i].kept = edges[i].kept && chosen[i];
}

// Keeps the nodes within `depth` hops of `focus` over the kept edges; false for the others.
std::vector<bool> neighbourhood(const std::vector<CandidateEdge>& edges, std::size_t entity_count,
                                std::uint32_t focus, std::uint32_t depth) {
  std::vector<std::vector<std::uint32_t>> adjacent(entity_count);
  for (const CandidateEdge& edge : edges) {
    if (!edge.kept) continue;
    adjacent[edge.a].push_back(edge.b);
    adjacent[edge.b].push_back(edge.a);
  }
  std::vector<std::uint32_t> distance(entity_count, UINT32_MAX);
  std::deque<std::uint32_t> queue{focus};
  distance[focus] = 0;
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    if (distance[node] == depth) continue;
    for (const std::uint32_t next : adjacent[node]) {
      if (distance[next] != UINT32_MAX) continue;
      distance[next] = distance[node] + 1;
      queue.push_back(next);
    }
  }
  std::vector<bool> reached(entity_count);
  for (std::size_t i = 0; i < entity_count; ++i) reached[i] = distance[i] != UINT32_MAX;
  return reached;
}

}  // namespace

CoMentionGraph build_graph(const Counts& counts, const Gazetteer& gazetteer, Window window) {
  GraphOptions options;
  options.window = window;
  return build_graph(counts, gazetteer, options);
}

CoMentionGraph build_graph(const Counts& counts, const Gazetteer& gazetteer, const GraphOptions& options) {
  const auto& entities = gazetteer.entities();
  const GraphFilter& filter = options.filter;
  const std::size_t entity_count = std::min(entities.size(), counts.nodes.size());

  // Node filters.
  std::vector<bool> node_kept(entity_count);
  for (std::size_t i = 0; i < entity_count; ++i) {
    const NodeCount& node = counts.nodes[i];
    node_kept[i] = node.mentions > 0 && node.mentions >= filter.min_mentions &&
                   category_kept(filter, entities[i].category);
  }

  // Edge filters, on edges in (source id, target id) order: keys order by (smaller index,
  // larger index), and gazetteer entities are sorted by id.
  const std::uint64_t total = counts.windows(options.window);
  std::vector<CandidateEdge> edges;
  edges.reserve(counts.edges.size());
  for (const auto& [key, count] : counts.edges) {
    const std::uint32_t a = edge_key_low(key);
    const std::uint32_t b = edge_key_high(key);
    if (b >= entity_count || !node_kept[a] || !node_kept[b] || count.weight < filter.min_count) continue;
    const double weight = edge_weight(options.measure, count.weight, counts.nodes[a].windows,
                                      counts.nodes[b].windows, total);
    CandidateEdge edge{a, b, {}, true};
    edge.data.count = count.weight;
    edge.data.documents = count.documents;
    edge.data.weight = weight;
    if (const auto found = counts.evidence.find(key); found != counts.evidence.end()) {
      edge.data.evidence = found->second.pick();
    }
    edges.push_back(std::move(edge));
  }
  std::sort(edges.begin(), edges.end(),
            [](const CandidateEdge& x, const CandidateEdge& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
  if (filter.top_edges > 0) keep_top_edges(edges, entity_count, filter.top_edges);

  if (!filter.focus.empty()) {
    const auto focus = gazetteer.find(filter.focus);
    if (!focus || *focus >= entity_count || !node_kept[*focus]) {
      std::fill(node_kept.begin(), node_kept.end(), false);  // the focus was never mentioned
    } else {
      const std::vector<bool> reached = neighbourhood(edges, entity_count, *focus, filter.depth);
      for (std::size_t i = 0; i < entity_count; ++i) node_kept[i] = node_kept[i] && reached[i];
    }
  }
  std::vector<bool> has_edge(entity_count, false);
  for (CandidateEdge& edge : edges) {
    edge.kept = edge.kept && node_kept[edge.a] && node_kept[edge.b];
    if (edge.kept) has_edge[edge.a] = has_edge[edge.b] = true;
  }
  if (filter.drop_isolates) {
    for (std::size_t i = 0; i < entity_count; ++i) node_kept[i] = node_kept[i] && has_edge[i];
  }

  CoMentionGraph result;
  Graph& graph = result.graph;
  std::vector<Graph::vertex_descriptor> vertex_of(entity_count, Graph::null_vertex());
  for (std::size_t i = 0; i < entity_count; ++i) {
    if (!node_kept[i]) continue;
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
      node.location = location_of(entity);
    }
    node.mentions = counts.nodes[i].mentions;
    node.documents = counts.nodes[i].documents;
    node.windows = counts.nodes[i].windows;
    vertex_of[i] = boost::add_vertex(std::move(node), graph);
  }
  for (const CandidateEdge& edge : edges) {
    if (!edge.kept) continue;
    const auto source = vertex_of[edge.a];
    const auto target = vertex_of[edge.b];
    boost::add_edge(source, target, edge.data, graph);
    graph[source].degree += 1;
    graph[target].degree += 1;
    graph[source].strength += edge.data.weight;
    graph[target].strength += edge.data.weight;
  }

  std::vector<std::uint32_t> component(boost::num_vertices(graph));
  const auto components = boost::connected_components(graph, component.data());
  for (std::size_t v = 0; v < component.size(); ++v) graph[v].component = component[v];

  GraphInfo& info = result.info;
  info.window = options.window;
  info.token_distance = options.token_distance;
  info.measure = options.measure;
  info.documents = counts.documents;
  info.paragraphs = counts.paragraphs;
  info.sentences = counts.sentences;
  info.mentions = counts.mentions;
  info.components = static_cast<std::uint32_t>(components);
  return result;
}

void attach_periods(CoMentionGraph& result, const Gazetteer& gazetteer,
                    const std::vector<std::pair<std::string, Counts>>& periods) {
  Graph& graph = result.graph;
  std::vector<std::uint32_t> entity_of(boost::num_vertices(graph));
  for (std::size_t v = 0; v < entity_of.size(); ++v) entity_of[v] = *gazetteer.find(graph[v].id);
  result.info.periods.clear();
  for (const auto& [label, counts] : periods) {
    result.info.periods.push_back(label);
    for (std::size_t v = 0; v < entity_of.size(); ++v) {
      if (entity_of[v] >= counts.nodes.size()) continue;
      const std::uint64_t mentions = counts.nodes[entity_of[v]].mentions;
      if (mentions > 0) graph[v].periods.emplace_back(label, mentions);
    }
    for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
      const auto key = edge_key(entity_of[boost::source(e, graph)], entity_of[boost::target(e, graph)]);
      const auto found = counts.edges.find(key);
      if (found != counts.edges.end()) graph[e].periods.emplace_back(label, found->second.weight);
    }
  }
}

}  // namespace comention
