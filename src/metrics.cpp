#include "comention/metrics.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <cstddef>
#include <future>
#include <numeric>
#include <system_error>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

namespace comention {
namespace {

using Index = std::size_t;

struct WeightedEdge {
  Index u = 0;
  Index v = 0;
  double weight = 0;
};

// The edges in boost::edges() order with their weights, u < v; rejects what the measures are not
// defined for.
std::vector<WeightedEdge> checked_edges(const Graph& graph, const std::vector<double>& edge_weights) {
  const std::size_t edge_count = boost::num_edges(graph);
  if (edge_weights.size() != edge_count) {
    throw std::invalid_argument("metrics: " + std::to_string(edge_weights.size()) +
                                " edge weights for " + std::to_string(edge_count) + " edges");
  }
  std::vector<WeightedEdge> edges;
  edges.reserve(edge_count);
  for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
    const std::size_t k = edges.size();
    if (!std::isfinite(edge_weights[k])) {
      throw std::invalid_argument("metrics: the weight of edge " + std::to_string(k) +
                                  " is not a finite number");
    }
    Index u = boost::source(e, graph);
    Index v = boost::target(e, graph);
    if (u == v) throw std::invalid_argument("metrics: self-loop at vertex " + std::to_string(u));
    if (u > v) std::swap(u, v);
    edges.push_back({u, v, edge_weights[k]});
  }
  std::vector<std::pair<Index, Index>> pairs;
  pairs.reserve(edges.size());
  for (const auto& edge : edges) pairs.emplace_back(edge.u, edge.v);
  std::sort(pairs.begin(), pairs.end());
  const auto twin = std::adjacent_find(pairs.begin(), pairs.end());
  if (twin != pairs.end()) {
    throw std::invalid_argument("metrics: two edges join vertices " + std::to_string(twin->first) +
                                " and " + std::to_string(twin->second));
  }
  return edges;
}

// Compressed adjacency lists: the neighbours of v are neighbour[start[v] .. start[v + 1]), in the
// order of the edges given, each undirected edge listed at both ends.
struct Adjacency {
  std::vector<std::size_t> start;
  std::vector<Index> neighbour;
  std::vector<double> weight;

  std::size_t size() const { return start.size() - 1; }
  std::size_t degree(Index v) const { return start[v + 1] - start[v]; }
};

Adjacency make_adjacency(std::size_t n, const std::vector<WeightedEdge>& edges, bool positive_only) {
  Adjacency adjacency;
  adjacency.start.assign(n + 1, 0);
  for (const auto& edge : edges) {
    if (positive_only && !(edge.weight > 0)) continue;
    ++adjacency.start[edge.u + 1];
    ++adjacency.start[edge.v + 1];
  }
  std::partial_sum(adjacency.start.begin(), adjacency.start.end(), adjacency.start.begin());
  adjacency.neighbour.resize(adjacency.start[n]);
  adjacency.weight.resize(adjacency.start[n]);
  std::vector<std::size_t> next(adjacency.start.begin(), adjacency.start.end() - 1);
  for (const auto& edge : edges) {
    if (positive_only && !(edge.weight > 0)) continue;
    adjacency.neighbour[next[edge.u]] = edge.v;
    adjacency.weight[next[edge.u]++] = edge.weight;
    adjacency.neighbour[next[edge.v]] = edge.u;
    adjacency.weight[next[edge.v]++] = edge.weight;
  }
  return adjacency;
}

// Boost's Brandes counts each unordered pair {s, t} once on an undirected graph (it halves its sum
// over sources); networkx's normalised value divides that by (n-1)(n-2)/2, the pairs of others.
void normalise_betweenness(std::vector<double>& centrality) {
  const std::size_t n = centrality.size();
  if (n <= 2) {
    std::fill(centrality.begin(), centrality.end(), 0.0);
    return;
  }
  const double scale = 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (double& value : centrality) value *= scale;
}

std::vector<double> betweenness(const Graph& graph) {
  std::vector<double> centrality(boost::num_vertices(graph), 0.0);
  boost::brandes_betweenness_centrality(
      graph, boost::centrality_map(boost::make_iterator_property_map(
                 centrality.begin(), boost::get(boost::vertex_index, graph))));
  normalise_betweenness(centrality);
  return centrality;
}

std::vector<double> weighted_betweenness(std::size_t n, const std::vector<WeightedEdge>& edges) {
  using LengthGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                            boost::no_property, boost::property<boost::edge_weight_t, double>>;
  LengthGraph lengths(n);
  for (const auto& edge : edges) {
    if (edge.weight > 0) boost::add_edge(edge.u, edge.v, 1.0 / edge.weight, lengths);
  }
  std::vector<double> centrality(n, 0.0);
  boost::brandes_betweenness_centrality(
      lengths, boost::centrality_map(boost::make_iterator_property_map(
                                         centrality.begin(), boost::get(boost::vertex_index, lengths)))
                   .weight_map(boost::get(boost::edge_weight, lengths)));
  normalise_betweenness(centrality);
  return centrality;
}

// Power iteration from the uniform vector. It stops when an iteration changes the vector by less
// than n * 1e-14 in L1 norm, which leaves an error under about 6 n * 1e-14 at damping 0.85,
// far tighter than networkx's default (n * 1e-6).
std::vector<double> pagerank(const Adjacency& positive, double damping) {
  constexpr double kTolerance = 1e-14;
  constexpr int kMaxIterations = 10000;
  const std::size_t n = positive.size();
  if (n == 0) return {};
  const double nodes = static_cast<double>(n);

  std::vector<double> strength(n, 0.0);
  for (Index v = 0; v < n; ++v) {
    for (std::size_t i = positive.start[v]; i < positive.start[v + 1]; ++i) strength[v] += positive.weight[i];
  }
  std::vector<double> rank(n, 1.0 / nodes);
  std::vector<double> next(n);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    double dangling = 0;
    for (Index v = 0; v < n; ++v) {
      if (!(strength[v] > 0)) dangling += rank[v];
    }
    std::fill(next.begin(), next.end(), (damping * dangling + (1.0 - damping)) / nodes);
    for (Index v = 0; v < n; ++v) {
      if (!(strength[v] > 0)) continue;
      const double share = damping * rank[v] / strength[v];
      for (std::size_t i = positive.start[v]; i < positive.start[v + 1]; ++i) {
        next[positive.neighbour[i]] += share * positive.weight[i];
      }
    }
    double change = 0;
    for (Index v = 0; v < n; ++v) change += std::fabs(next[v] - rank[v]);
    rank.swap(next);
    if (change < nodes * kTolerance) break;
  }
  const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
  for (double& value : rank) value /= total;
  return rank;
}

// Edges among the neighbours of v over the pairs of neighbours.
std::vector<double> clustering(const Adjacency& all) {
  const std::size_t n = all.size();
  std::vector<double> coefficient(n, 0.0);
  std::vector<char> is_neighbour(n, 0);
  for (Index v = 0; v < n; ++v) {
    const std::size_t degree = all.degree(v);
    if (degree < 2) continue;
    for (std::size_t i = all.start[v]; i < all.start[v + 1]; ++i) is_neighbour[all.neighbour[i]] = 1;
    std::size_t links = 0;  // each edge among neighbours, seen from both its ends
    for (std::size_t i = all.start[v]; i < all.start[v + 1]; ++i) {
      const Index u = all.neighbour[i];
      for (std::size_t j = all.start[u]; j < all.start[u + 1]; ++j) links += is_neighbour[all.neighbour[j]] != 0;
    }
    for (std::size_t i = all.start[v]; i < all.start[v + 1]; ++i) is_neighbour[all.neighbour[i]] = 0;
    coefficient[v] = static_cast<double>(links) / static_cast<double>(degree * (degree - 1));
  }
  return coefficient;
}

// Batagelj and Zaversnik's peeling in O(n + m): vertices kept sorted by current degree in
// buckets; taking the lowest fixes its core number and lowers each neighbour of higher degree
// by one, moving it to the front of its bucket and then into the bucket below.
std::vector<std::uint32_t> core_numbers(const Adjacency& all) {
  const std::size_t n = all.size();
  std::vector<std::size_t> degree(n);
  std::size_t max_degree = 0;
  for (Index v = 0; v < n; ++v) {
    degree[v] = all.degree(v);
    max_degree = std::max(max_degree, degree[v]);
  }
  std::vector<std::size_t> bucket_start(max_degree + 2, 0);
  for (Index v = 0; v < n; ++v) ++bucket_start[degree[v] + 1];
  std::partial_sum(bucket_start.begin(), bucket_start.end(), bucket_start.begin());
  std::vector<Index> sorted(n);
  std::vector<std::size_t> position(n);
  {
    std::vector<std::size_t> fill(bucket_start.begin(), bucket_start.end() - 1);
    for (Index v = 0; v < n; ++v) {
      position[v] = fill[degree[v]]++;
      sorted[position[v]] = v;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Index v = sorted[i];
    for (std::size_t k = all.start[v]; k < all.start[v + 1]; ++k) {
      const Index u = all.neighbour[k];
      if (degree[u] <= degree[v]) continue;
      const std::size_t front = bucket_start[degree[u]];
      const Index first = sorted[front];
      if (first != u) {
        std::swap(sorted[front], sorted[position[u]]);
        position[first] = position[u];
        position[u] = front;
      }
      ++bucket_start[degree[u]];
      --degree[u];
    }
  }
  std::vector<std::uint32_t> core(n);
  for (Index v = 0; v < n; ++v) core[v] = static_cast<std::uint32_t>(degree[v]);
  return core;
}

// Louvain ----------------------------------------------------------------------------------------

// A uniform number in [0, bound) from the engine's raw output, by rejection. mt19937_64's
// sequence is fixed by the standard; uniform_int_distribution's mapping and std::shuffle are not.
std::uint64_t uniform_below(std::mt19937_64& engine, std::uint64_t bound) {
  const std::uint64_t reject_below = (std::uint64_t{0} - bound) % bound;  // 2^64 mod bound
  for (;;) {
    const std::uint64_t x = engine();
    if (x >= reject_below) return x % bound;
  }
}

void shuffle(std::vector<Index>& items, std::mt19937_64& engine) {
  for (std::size_t i = items.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(uniform_below(engine, i));
    std::swap(items[i - 1], items[j]);
  }
}

// One level of the Louvain hierarchy: a node is a community of the level below, with a self-loop
// carrying the weight inside it.
struct Level {
  Adjacency adjacency;
  std::vector<double> loop;
  std::vector<double> strength;  // incident weight, the loop counted twice
};

// Phase 1: visits the nodes in order, again and again, moving each to the neighbouring community
// that raises modularity most, until a sweep moves nobody. Returns whether any node moved.
//
// Taking node i out of its community and putting it into C changes modularity by
//   (k_i,C - k_i * tot_C / 2m) / m
// where k_i,C is the weight between i and C and tot_C the strength of C without i: we compare the
// bracket. A move must beat staying by kMinGain * m so that rounding cannot make nodes cycle;
// between equal gains the first neighbouring community met wins.
bool move_nodes(const Level& level, double total_weight, const std::vector<Index>& order,
                std::vector<Index>& community) {
  constexpr double kMinGain = 1e-12;
  const std::size_t n = level.adjacency.size();
  const Adjacency& adjacency = level.adjacency;
  const double two_m = 2 * total_weight;
  const double min_gain = kMinGain * total_weight;

  community.resize(n);
  std::iota(community.begin(), community.end(), Index{0});
  std::vector<double> community_strength(level.strength);
  std::vector<double> link(n, 0.0);
  std::vector<char> linked(n, 0);
  std::vector<Index> candidates;

  bool moved_any = false;
  for (bool moved = true; moved;) {
    moved = false;
    for (const Index i : order) {
      const Index home = community[i];
      const double k = level.strength[i];
      candidates.clear();
      for (std::size_t e = adjacency.start[i]; e < adjacency.start[i + 1]; ++e) {
        const Index c = community[adjacency.neighbour[e]];
        if (!linked[c]) {
          linked[c] = 1;
          candidates.push_back(c);
        }
        link[c] += adjacency.weight[e];
      }
      community_strength[home] -= k;
      Index best = home;
      double best_gain = link[home] - k * community_strength[home] / two_m;
      for (const Index c : candidates) {
        const double gain = link[c] - k * community_strength[c] / two_m;
        if (c != home && gain > best_gain + min_gain) {
          best = c;
          best_gain = gain;
        }
      }
      community_strength[best] += k;
      if (best != home) {
        community[i] = best;
        moved = true;
        moved_any = true;
      }
      for (const Index c : candidates) {
        link[c] = 0;
        linked[c] = 0;
      }
    }
  }
  return moved_any;
}

// Renumbers community labels 0.. in order of their lowest node; returns how many there are.
std::size_t renumber(std::vector<Index>& community) {
  constexpr Index kUnseen = static_cast<Index>(-1);
  std::vector<Index> label(community.size(), kUnseen);
  std::size_t count = 0;
  for (Index& c : community) {
    if (label[c] == kUnseen) label[c] = count++;
    c = label[c];
  }
  return count;
}

// Phase 2: one node per community; weights between communities summed, weights inside them
// become the loop. Sums run in a fixed order, so results do not depend on the standard library.
Level aggregate(const Level& level, const std::vector<Index>& community, std::size_t count) {
  const std::size_t n = level.adjacency.size();
  const Adjacency& adjacency = level.adjacency;
  std::vector<std::vector<Index>> members(count);
  for (Index i = 0; i < n; ++i) members[community[i]].push_back(i);

  Level next;
  next.loop.assign(count, 0.0);
  next.strength.assign(count, 0.0);
  std::vector<WeightedEdge> edges;
  std::vector<double> link(count, 0.0);
  std::vector<char> linked(count, 0);
  std::vector<Index> touched;
  for (Index c = 0; c < count; ++c) {
    touched.clear();
    for (const Index i : members[c]) {
      next.loop[c] += level.loop[i];
      next.strength[c] += level.strength[i];
      for (std::size_t e = adjacency.start[i]; e < adjacency.start[i + 1]; ++e) {
        const Index j = adjacency.neighbour[e];
        const Index d = community[j];
        if (d == c) {
          if (j > i) next.loop[c] += adjacency.weight[e];  // each inside edge once
          continue;
        }
        if (!linked[d]) {
          linked[d] = 1;
          touched.push_back(d);
        }
        link[d] += adjacency.weight[e];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (const Index d : touched) {
      if (d > c) edges.push_back({c, d, link[d]});  // the pair is summed once, from its lower end
      link[d] = 0;
      linked[d] = 0;
    }
  }
  next.adjacency = make_adjacency(count, edges, false);
  return next;
}

// Louvain's method on the edges of weight > 0, with resolution 1. Each level shuffles the
// visiting order; the method stops when a level moves no node. Communities are numbered in order
// of their lowest vertex.
std::vector<Index> louvain(const Adjacency& positive, std::uint64_t seed) {
  const std::size_t n = positive.size();
  Level level;
  level.adjacency = positive;
  level.loop.assign(n, 0.0);
  level.strength.assign(n, 0.0);
  double total_weight = 0;
  for (Index v = 0; v < n; ++v) {
    for (std::size_t e = positive.start[v]; e < positive.start[v + 1]; ++e) {
      level.strength[v] += positive.weight[e];
      if (positive.neighbour[e] > v) total_weight += positive.weight[e];
    }
  }
  std::vector<Index> membership(n);
  std::iota(membership.begin(), membership.end(), Index{0});
  if (!(total_weight > 0)) return membership;

  std::mt19937_64 engine(seed);
  std::vector<Index> order;
  std::vector<Index> community;
  for (;;) {
    order.resize(level.adjacency.size());
    std::iota(order.begin(), order.end(), Index{0});
    shuffle(order, engine);
    if (!move_nodes(level, total_weight, order, community)) break;
    const std::size_t count = renumber(community);
    for (Index& m : membership) m = community[m];
    level = aggregate(level, community, count);
  }
  renumber(membership);
  return membership;
}

// community holds labels 0..count-1.
double partition_modularity(const std::vector<WeightedEdge>& edges, const std::vector<Index>& community,
                            std::size_t count) {
  double total_weight = 0;
  std::vector<double> inside(count, 0.0);
  std::vector<double> degree(count, 0.0);
  for (const auto& edge : edges) {
    if (!(edge.weight > 0)) continue;
    total_weight += edge.weight;
    const Index cu = community[edge.u];
    const Index cv = community[edge.v];
    degree[cu] += edge.weight;
    degree[cv] += edge.weight;
    if (cu == cv) inside[cu] += edge.weight;
  }
  if (!(total_weight > 0)) return 0.0;
  double q = 0;
  for (Index c = 0; c < count; ++c) {
    const double share = degree[c] / (2 * total_weight);
    q += inside[c] / total_weight - share * share;
  }
  return q;
}

}  // namespace

std::vector<double> count_weights(const Graph& graph) {
  std::vector<double> weights;
  weights.reserve(boost::num_edges(graph));
  for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
    weights.push_back(static_cast<double>(graph[e].count));
  }
  return weights;
}

std::vector<double> measure_weights(const Graph& graph) {
  std::vector<double> weights;
  weights.reserve(boost::num_edges(graph));
  for (const auto e : boost::make_iterator_range(boost::edges(graph))) weights.push_back(graph[e].weight);
  return weights;
}

Metrics compute_metrics(const Graph& graph, const std::vector<double>& edge_weights,
                        const MetricsOptions& options) {
  if (!(options.pagerank_damping >= 0 && options.pagerank_damping < 1)) {
    throw std::invalid_argument("metrics: pagerank_damping must be in [0, 1)");
  }
  const std::vector<WeightedEdge> edges = checked_edges(graph, edge_weights);
  const std::size_t n = boost::num_vertices(graph);
  const Adjacency all = make_adjacency(n, edges, false);
  const Adjacency positive = make_adjacency(n, edges, true);

  std::future<std::vector<double>> weighted;
  if (options.threads > 1) {
    try {
      weighted = std::async(std::launch::async, [n, &edges] { return weighted_betweenness(n, edges); });
    } catch (const std::system_error&) {
      // No thread to be had: computed below on this one, to the same result.
    }
  }
  const std::vector<double> plain_betweenness = betweenness(graph);
  const std::vector<double> rank = pagerank(positive, options.pagerank_damping);
  const std::vector<double> coefficient = clustering(all);
  const std::vector<std::uint32_t> core = core_numbers(all);
  const std::vector<Index> community = louvain(positive, options.seed);
  const std::vector<double> length_betweenness =
      weighted.valid() ? weighted.get() : weighted_betweenness(n, edges);

  Metrics metrics;
  metrics.nodes.resize(n);
  std::size_t communities = 0;
  for (Index v = 0; v < n; ++v) {
    NodeMetrics& node = metrics.nodes[v];
    node.betweenness = plain_betweenness[v];
    node.weighted_betweenness = length_betweenness[v];
    node.pagerank = rank[v];
    node.clustering = coefficient[v];
    node.core = core[v];
    node.community = static_cast<std::uint32_t>(community[v]);
    communities = std::max(communities, community[v] + 1);
  }

  std::vector<std::uint32_t> component(n);
  const auto components = boost::connected_components(graph, component.data());

  GraphMetrics& summary = metrics.graph;
  summary.nodes = n;
  summary.edges = edges.size();
  summary.density = n < 2 ? 0.0
                          : 2.0 * static_cast<double>(edges.size()) /
                                (static_cast<double>(n) * static_cast<double>(n - 1));
  summary.components = static_cast<std::uint32_t>(components);
  summary.communities = static_cast<std::uint32_t>(communities);
  summary.modularity = partition_modularity(edges, community, communities);
  return metrics;
}

double modularity(const Graph& graph, const std::vector<double>& edge_weights,
                  const std::vector<std::uint32_t>& community) {
  const std::vector<WeightedEdge> edges = checked_edges(graph, edge_weights);
  if (community.size() != boost::num_vertices(graph)) {
    throw std::invalid_argument("metrics: " + std::to_string(community.size()) +
                                " community labels for " +
                                std::to_string(boost::num_vertices(graph)) + " vertices");
  }
  std::vector<std::uint32_t> labels(community);
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  std::vector<Index> compact(community.size());
  for (std::size_t v = 0; v < community.size(); ++v) {
    compact[v] = static_cast<Index>(std::lower_bound(labels.begin(), labels.end(), community[v]) -
                                    labels.begin());
  }
  return partition_modularity(edges, compact, labels.size());
}

void measure_graph(CoMentionGraph& result, const MetricsOptions& options) {
  Graph& graph = result.graph;
  Metrics metrics = compute_metrics(graph, measure_weights(graph), options);
  for (std::size_t v = 0; v < metrics.nodes.size(); ++v) graph[v].measures = metrics.nodes[v];
  result.info.measured = true;
  result.info.measures = metrics.graph;
}

}  // namespace comention
