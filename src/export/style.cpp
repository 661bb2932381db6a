#include "style.hpp"

#include <algorithm>
#include <array>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <map>
#include <numeric>
#include <string_view>

namespace comention::detail {
namespace {

// Light fills that keep black labels readable, distinct enough side by side for the ten
// largest communities; smaller ones share the neutral grey.
constexpr std::array<std::string_view, 10> kGroupColors = {
    "#7fb8e6", "#f2a65a", "#8fd18b", "#e88a8a", "#b79fe0",
    "#e0c068", "#6fcfc7", "#f0a3cf", "#b0b86a", "#c9a27e"};
constexpr std::string_view kCountryColor = "#cfe2f3";
constexpr std::string_view kOrganizationColor = "#fde9c9";
constexpr std::string_view kHistoricalColor = "#e6e6e6";
constexpr std::string_view kOtherColor = "#d9d9d9";

struct RegionColor {
  std::string_view region;
  std::string_view color;
};
constexpr std::array<RegionColor, 6> kRegionColors = {{{"Africa", "#e0c068"},
                                                        {"Americas", "#f2a65a"},
                                                        {"Asia", "#e88a8a"},
                                                        {"Europe", "#7fb8e6"},
                                                        {"Oceania", "#6fcfc7"},
                                                        {"Antarctic", "#c9c9f0"}}};

// The border: the fill at 60% brightness, so each node keeps a visible outline.
std::string darker(std::string_view fill) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::string out = "#";
  for (std::size_t i = 1; i + 1 < fill.size(); i += 2) {
    const int channel = (digit(fill[i]) * 16 + digit(fill[i + 1])) * 3 / 5;
    out += kHex[channel / 16];
    out += kHex[channel % 16];
  }
  return out;
}

void color_by_category(const Graph& g, DiagramStyle& style) {
  bool seen[3] = {false, false, false};
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& node = g[v];
    NodeStyle& out = style.nodes[v];
    if (node.category == Category::organization) {
      out.fill = kOrganizationColor;
      out.group = "organization";
      seen[1] = true;
    } else if (node.historical) {
      out.fill = kHistoricalColor;
      out.group = "former state";
      seen[2] = true;
    } else {
      out.fill = kCountryColor;
      out.group = "country";
      seen[0] = true;
    }
  }
  if (seen[0]) style.legend.push_back({std::string(kCountryColor), "country"});
  if (seen[1]) style.legend.push_back({std::string(kOrganizationColor), "organization"});
  if (seen[2]) style.legend.push_back({std::string(kHistoricalColor), "former state"});
}

void color_by_region(const Graph& g, DiagramStyle& style) {
  std::vector<bool> region_seen(kRegionColors.size(), false);
  bool organizations = false;
  bool unknown = false;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& node = g[v];
    NodeStyle& out = style.nodes[v];
    if (node.category == Category::organization) {
      out.fill = kOrganizationColor;
      out.group = "organization";
      organizations = true;
      continue;
    }
    const auto found = std::find_if(kRegionColors.begin(), kRegionColors.end(),
                                    [&](const RegionColor& entry) { return entry.region == node.region; });
    if (found == kRegionColors.end()) {
      out.fill = kOtherColor;
      out.group = "region unknown";
      unknown = true;
    } else {
      out.fill = found->color;
      out.group = found->region;
      region_seen[static_cast<std::size_t>(found - kRegionColors.begin())] = true;
    }
  }
  for (std::size_t i = 0; i < kRegionColors.size(); ++i) {
    if (region_seen[i]) style.legend.push_back({std::string(kRegionColors[i].color), std::string(kRegionColors[i].region)});
  }
  if (organizations) style.legend.push_back({std::string(kOrganizationColor), "organization"});
  if (unknown) style.legend.push_back({std::string(kOtherColor), "region unknown"});
}

// Communities are ranked by the mentions of their members, and each is named after its most
// mentioned member, so the legend reads "with China" rather than "community 3".
void color_by_community(const Graph& g, DiagramStyle& style) {
  struct Community {
    std::uint64_t mentions = 0;
    std::size_t members = 0;
    Graph::vertex_descriptor leader = 0;
  };
  std::map<std::uint32_t, Community> communities;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    Community& c = communities[g[v].measures.community];
    if (c.members == 0 || g[v].mentions > g[c.leader].mentions) c.leader = v;
    c.mentions += g[v].mentions;
    c.members += 1;
  }
  std::vector<std::uint32_t> ranked;
  for (const auto& [id, community] : communities) ranked.push_back(id);
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
    return communities[a].mentions > communities[b].mentions;
  });
  std::map<std::uint32_t, std::size_t> rank_of;
  for (std::size_t i = 0; i < ranked.size(); ++i) rank_of[ranked[i]] = i;

  bool others = false;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const std::size_t rank = rank_of[g[v].measures.community];
    const Community& community = communities[g[v].measures.community];
    NodeStyle& out = style.nodes[v];
    // A community of one is no grouping worth a colour of its own.
    if (rank < kGroupColors.size() && community.members > 1) {
      out.fill = kGroupColors[rank];
      out.group = "with " + g[community.leader].label;
    } else {
      out.fill = kOtherColor;
      out.group = "smaller communities";
      others = true;
    }
  }
  for (std::size_t rank = 0; rank < ranked.size() && rank < kGroupColors.size(); ++rank) {
    const Community& community = communities[ranked[rank]];
    if (community.members < 2) continue;
    style.legend.push_back({std::string(kGroupColors[rank]),
                            "with " + g[community.leader].label + " (" + std::to_string(community.members) + ")"});
  }
  if (others) style.legend.push_back({std::string(kOtherColor), "smaller communities"});
}

}  // namespace

ColorBy effective_color_by(const CoMentionGraph& graph, const ExportOptions& options) {
  if (options.color_by) {
    // Communities exist only once measured; without them the request falls back to category.
    if (*options.color_by == ColorBy::community && !graph.info.measured) return ColorBy::category;
    return *options.color_by;
  }
  return graph.info.measured ? ColorBy::community : ColorBy::category;
}

DiagramStyle style_diagram(const CoMentionGraph& graph, const ExportOptions& options) {
  const Graph& g = graph.graph;
  DiagramStyle style;
  style.color_by = effective_color_by(graph, options);
  style.nodes.resize(boost::num_vertices(g));
  switch (style.color_by) {
    case ColorBy::category: color_by_category(g, style); break;
    case ColorBy::region: color_by_region(g, style); break;
    case ColorBy::community: color_by_community(g, style); break;
  }
  style.color_heading = "Colour: " + std::string(to_string(style.color_by));
  for (NodeStyle& node : style.nodes) node.border = darker(node.fill);

  // Sizes by the square root of mentions, so that area, not width, follows the count.
  std::uint64_t most = 0;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) most = std::max(most, g[v].mentions);
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    style.nodes[v].size = most == 0 ? 0.0 : std::sqrt(static_cast<double>(g[v].mentions) / static_cast<double>(most));
  }

  // Edge strength: by the logarithm of a count, so that one dominant pair does not make every
  // other line a hairline; linearly between the lowest and the highest value of any other
  // measure (PMI may be negative).
  const bool by_count = graph.info.measure == WeightMeasure::count;
  auto value_of = [&](const EdgeProperties& edge) {
    return by_count ? std::log(static_cast<double>(edge.count)) : edge.weight;
  };
  double low = 0;
  double high = 0;
  bool first = true;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const double value = value_of(g[e]);
    low = first ? value : std::min(low, value);
    high = first ? value : std::max(high, value);
    first = false;
  }
  if (by_count) low = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    style.edge_strength.push_back(high > low ? (value_of(g[e]) - low) / (high - low) : 0.0);
  }
  return style;
}

}  // namespace comention::detail
