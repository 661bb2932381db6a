// Internal: the one room where Graphviz lives. Every cgraph and gvc call is in graphviz.cpp,
// behind one process-wide lock, since neither library is thread-safe.
#pragma once

#include <string>

#include "comention/export.hpp"
#include "comention/graph.hpp"

namespace comention::detail {

// The diagram as an SVG element for the HTML viewer: laid out like write_diagram's SVG, with
// node i's group given the id "node-i" and edge j's "edge-j" (in boost::vertices and
// boost::edges order), no tooltips, and the XML prolog removed so it can sit inside HTML.
std::string render_viewer_svg(const CoMentionGraph& graph, const ExportOptions& options);

}  // namespace comention::detail
