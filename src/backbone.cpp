// The disparity filter of Serrano, Boguñá and Vespignani (PNAS 106(16), 2009); see backbone.hpp.
#include "comention/backbone.hpp"

#include <algorithm>
#include <array>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <utility>

namespace comention {
namespace {

// Levels the automatic mode tries, loosest first, until few enough ties are left: the round
// values people quote, so the legend's α reads as a choice rather than an artefact.
constexpr std::array<double, 10> kAlphaLadder = {0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 5e-4, 2e-4, 1e-4, 1e-5};

// Degree and strength by count, which the null model needs; NodeProperties::strength is in the
// chosen measure and may count something else.
struct CountStrength {
  std::vector<std::uint64_t> degree;
  std::vector<double> strength;
};

CountStrength count_strength(const Graph& g) {
  CountStrength result{std::vector<std::uint64_t>(boost::num_vertices(g), 0),
                       std::vector<double>(boost::num_vertices(g), 0.0)};
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    if (g[e].count == 0) continue;
    for (const auto v : {boost::source(e, g), boost::target(e, g)}) {
      result.degree[v] += 1;
      result.strength[v] += static_cast<double>(g[e].count);
    }
  }
  return result;
}

// The probability, under the null model, that one of a node's k edges takes a share of at least
// w/s of its strength. A node of degree 1 gives its one edge everything whatever happens, so the
// share tells nothing: 1, and only the other end can find the edge significant.
double end_alpha(double weight, std::uint64_t degree, double strength) {
  if (degree <= 1 || strength <= 0) return 1.0;
  return std::pow(1.0 - weight / strength, static_cast<double>(degree - 1));
}

std::string with_thousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string format_alpha(double alpha) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", alpha);
  return buffer;
}

// The `cap` strongest vertices by count strength, then mentions, then vertex order: the
// entities the whole graph leans on most, which a reader looks for first.
std::vector<bool> strongest(const Graph& g, const CountStrength& counts, std::size_t cap) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<bool> kept(n, true);
  if (cap == 0 || n <= cap) return kept;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (counts.strength[a] != counts.strength[b]) return counts.strength[a] > counts.strength[b];
    return g[a].mentions > g[b].mentions;
  });
  std::fill(kept.begin(), kept.end(), false);
  for (std::size_t i = 0; i < cap; ++i) kept[order[i]] = true;
  return kept;
}

// The edges significant at `alpha` with both ends among `nodes`.
std::vector<bool> edges_at(const std::vector<double>& significance, const std::vector<std::pair<std::size_t, std::size_t>>& ends,
                           const std::vector<bool>& nodes, double alpha) {
  std::vector<bool> kept(significance.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    kept[i] = significance[i] < alpha && nodes[ends[i].first] && nodes[ends[i].second];
  }
  return kept;
}

}  // namespace

std::vector<double> disparity_significance(const Graph& g) {
  const CountStrength counts = count_strength(g);
  std::vector<double> result;
  result.reserve(boost::num_edges(g));
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    if (g[e].count == 0) {
      result.push_back(1.0);
      continue;
    }
    const auto s = boost::source(e, g);
    const auto t = boost::target(e, g);
    const auto w = static_cast<double>(g[e].count);
    result.push_back(std::min(end_alpha(w, counts.degree[s], counts.strength[s]),
                              end_alpha(w, counts.degree[t], counts.strength[t])));
  }
  return result;
}

Backbone extract_backbone(const CoMentionGraph& whole, const BackboneOptions& options) {
  const Graph& g = whole.graph;
  Backbone result;
  BackboneSummary& summary = result.summary;
  summary.alpha = options.alpha;
  summary.nodes = boost::num_vertices(g);
  summary.edges = boost::num_edges(g);
  summary.nodes_shown = summary.nodes;
  summary.edges_shown = summary.edges;
  const bool large = summary.nodes > options.large_nodes || summary.edges > options.large_edges;
  if (options.mode == BackboneMode::off || (options.mode == BackboneMode::automatic && !large)) {
    result.graph = whole;
    return result;
  }

  const CountStrength counts = count_strength(g);
  const std::vector<bool> candidates = strongest(g, counts, options.max_nodes);
  const std::vector<double> significance = disparity_significance(g);
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  ends.reserve(significance.size());
  for (const auto e : boost::make_iterator_range(boost::edges(g))) ends.emplace_back(boost::source(e, g), boost::target(e, g));

  double alpha = options.alpha;
  std::vector<bool> edge_kept = edges_at(significance, ends, candidates, alpha);
  if (options.mode == BackboneMode::automatic) {
    for (const double level : kAlphaLadder) {
      if (static_cast<std::size_t>(std::count(edge_kept.begin(), edge_kept.end(), true)) <= options.max_edges) break;
      if (level >= alpha) continue;
      alpha = level;
      edge_kept = edges_at(significance, ends, candidates, alpha);
    }
  }
  // Where no tie stands out (many entities, each named with the others once or twice), an
  // empty drawing would tell nothing: the automatic mode then draws the strongest entities'
  // ties unfiltered, and says so.
  const bool nothing_significant = std::find(edge_kept.begin(), edge_kept.end(), true) == edge_kept.end();
  const bool filtered = !(options.mode == BackboneMode::automatic && nothing_significant);
  if (!filtered) {
    if (std::find(candidates.begin(), candidates.end(), false) == candidates.end()) {
      result.graph = whole;  // no entity to leave out either
      return result;
    }
    edge_kept = edges_at(significance, ends, candidates, 2.0);
  }

  // An entity without a drawn tie says nothing in the picture but takes a label's room.
  std::vector<bool> node_kept(boost::num_vertices(g), false);
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (edge_kept[i]) node_kept[ends[i].first] = node_kept[ends[i].second] = true;
  }

  CoMentionGraph& part = result.graph;
  part.info = whole.info;
  std::vector<Graph::vertex_descriptor> vertex_of(boost::num_vertices(g), Graph::null_vertex());
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    if (node_kept[v]) vertex_of[v] = boost::add_vertex(g[v], part.graph);
  }
  std::size_t index = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    if (edge_kept[index++]) boost::add_edge(vertex_of[boost::source(e, g)], vertex_of[boost::target(e, g)], g[e], part.graph);
  }

  summary.filtered = filtered;
  summary.alpha = alpha;
  summary.node_cap = std::count(candidates.begin(), candidates.end(), false) > 0 ? options.max_nodes : 0;
  summary.nodes_shown = boost::num_vertices(part.graph);
  summary.edges_shown = boost::num_edges(part.graph);
  part.info.selection = describe(summary);
  return result;
}

std::string describe(const BackboneSummary& summary) {
  if (!summary.filtered && summary.node_cap == 0) return {};
  std::string text = with_thousands(summary.nodes_shown) + " of " + with_thousands(summary.nodes) + " entities, " +
                     with_thousands(summary.edges_shown) + " of " + with_thousands(summary.edges) + " ties: ";
  const std::string alpha = "\xCE\xB1 = " + format_alpha(summary.alpha);  // α
  if (summary.filtered) {
    text += "the backbone by the disparity filter, " + alpha;
    if (summary.node_cap > 0) text += ", among the " + with_thousands(summary.node_cap) + " entities with the most co-mentions";
  } else {
    text += "those of the " + with_thousands(summary.node_cap) +
            " entities with the most co-mentions (no tie stands out by the disparity filter at " + alpha + ")";
  }
  text += ".\nThe data outputs (JSON, GraphML, CSV ...) hold them all; --backbone off draws them all.";
  return text;
}

}  // namespace comention
