// Internal: how a diagram shows the graph, decided once for every drawing format (DOT, SVG,
// graphology, the HTML viewer): each node's colour, legend group and relative size, and each
// edge's relative strength. No Graphviz types here.
#pragma once

#include <string>
#include <vector>

#include "comention/export.hpp"
#include "comention/graph.hpp"

namespace comention::detail {

struct NodeStyle {
  std::string fill;    // "#rrggbb"
  std::string border;  // a darker shade of the fill
  std::string group;   // the legend entry it belongs to
  double size = 0;     // 0 for the least mentioned node, 1 for the most, by square root
};

struct LegendEntry {
  std::string color;
  std::string text;
};

struct DiagramStyle {
  ColorBy color_by = ColorBy::category;
  std::string color_heading;          // "Colour: region"
  std::vector<NodeStyle> nodes;       // by vertex index
  std::vector<double> edge_strength;  // 0..1, in boost::edges order
  std::vector<LegendEntry> legend;    // in the order drawn
};

DiagramStyle style_diagram(const CoMentionGraph& graph, const ExportOptions& options);

// What colouring a run gets when none is asked for: communities once they are measured.
ColorBy effective_color_by(const CoMentionGraph& graph, const ExportOptions& options);

}  // namespace comention::detail
