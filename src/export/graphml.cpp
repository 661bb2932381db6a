// GraphML writer: descriptive key ids ("label", "weight"), declared types, for networkx, Gephi
// and Cytoscape.
#include <boost/range/iterator_range.hpp>
#include <cstdio>
#include <map>

#include "attributes.hpp"
#include "comention/export.hpp"

namespace comention {

namespace {

// yEd's graphics for a node: its box (top-left corner, y downwards as yEd draws), fill, border,
// label and shape, as the drawings have them. Written before the plain attributes: readers that
// take yFiles geometry as x and y (networkx) then keep comention's x and y, which come after.
void write_yed_node(const NodeProperties& node, const DrawnNode& drawn, std::ostream& out) {
  out << "      <data key=\"yed_node\"><y:ShapeNode>"
      << "<y:Geometry x=\"" << detail::format_double(drawn.x - drawn.width / 2) << "\" y=\""
      << detail::format_double(-drawn.y - drawn.height / 2) << "\" width=\"" << detail::format_double(drawn.width)
      << "\" height=\"" << detail::format_double(drawn.height) << "\"/>"
      << "<y:Fill color=\"" << drawn.fill << "\" transparent=\"false\"/>"
      << "<y:BorderStyle color=\"" << drawn.border << "\" type=\"line\" width=\"1.0\"/>"
      << "<y:NodeLabel modelName=\"sides\" modelPosition=\"s\">" << detail::escape_xml(node.label) << "</y:NodeLabel>"
      << "<y:Shape type=\"" << (node.category == Category::organization ? "rectangle" : "ellipse") << "\"/>"
      << "</y:ShapeNode></data>\n";
}

// A straight line whose width and grey follow the tie's strength, as in the drawings.
void write_yed_edge(const DrawnEdge& drawn, std::ostream& out) {
  const int grey = static_cast<int>(180 - 120 * drawn.strength);
  char colour[8];
  std::snprintf(colour, sizeof colour, "#%02x%02x%02x", grey, grey, grey);
  out << "      <data key=\"yed_edge\"><y:PolyLineEdge>"
      << "<y:LineStyle color=\"" << colour << "\" type=\"line\" width=\"" << detail::format_double(0.5 + 4.5 * drawn.strength)
      << "\"/><y:Arrows source=\"none\" target=\"none\"/></y:PolyLineEdge></data>\n";
}

void write(const CoMentionGraph& result, const Drawing* drawing, GraphmlGraphics graphics, std::ostream& out) {
  const bool yed = drawing && graphics == GraphmlGraphics::yed;
  const Graph& g = result.graph;
  // Keys are declared once per name; node and edge keys that share a name ("documents") get
  // the element as a prefix only for the edge, so ids stay unique and readable.
  std::map<std::string, std::string> node_keys;  // name -> type, in first-seen order below
  std::vector<std::string> node_order;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    for (const auto& attribute : detail::node_attributes(result, v)) {
      if (node_keys.emplace(attribute.key, std::string(detail::xml_type(attribute.value))).second) {
        node_order.push_back(attribute.key);
      }
    }
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      << (yed ? "xmlns:y=\"http://www.yworks.com/xml/graphml\" " : "")
      << "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& attribute : detail::graph_attributes(result)) {
    out << "  <key id=\"graph_" << attribute.key << "\" for=\"graph\" attr.name=\"" << attribute.key
        << "\" attr.type=\"" << detail::xml_type(attribute.value) << "\"/>\n";
  }
  for (const std::string& name : node_order) {
    out << "  <key id=\"" << name << "\" for=\"node\" attr.name=\"" << name << "\" attr.type=\""
        << node_keys[name] << "\"/>\n";
  }
  if (drawing) {
    // The names Gephi's GraphML import takes for position, size and colour.
    out << "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
           "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
           "  <key id=\"size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>\n"
           "  <key id=\"color\" for=\"node\" attr.name=\"color\" attr.type=\"string\"/>\n"
           "  <key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n"
           "  <key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n"
           "  <key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n";
  }
  if (yed) {
    out << "  <key id=\"yed_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
           "  <key id=\"yed_edge\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";
  }
  out << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"long\"/>\n"
         "  <key id=\"edge_documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"long\"/>\n";
  out << "  <graph id=\"comention\" edgedefault=\"undirected\">\n";
  for (const auto& attribute : detail::graph_attributes(result)) {
    out << "    <data key=\"graph_" << attribute.key << "\">" << detail::xml_text(attribute.value) << "</data>\n";
  }
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    out << "    <node id=\"" << detail::escape_xml(g[v].id) << "\">\n";
    if (yed) write_yed_node(g[v], drawing->nodes[v], out);
    for (const auto& attribute : detail::node_attributes(result, v)) {
      out << "      <data key=\"" << attribute.key << "\">" << detail::xml_text(attribute.value) << "</data>\n";
    }
    if (drawing) {
      const DrawnNode& drawn = drawing->nodes[v];
      const detail::Rgb rgb = detail::parse_hex_color(drawn.fill);
      out << "      <data key=\"x\">" << detail::format_double(drawn.x) << "</data>\n"
          << "      <data key=\"y\">" << detail::format_double(drawn.y) << "</data>\n"
          << "      <data key=\"size\">" << detail::format_double(drawn.width) << "</data>\n"
          << "      <data key=\"color\">" << drawn.fill << "</data>\n"
          << "      <data key=\"r\">" << rgb.red << "</data>\n"
          << "      <data key=\"g\">" << rgb.green << "</data>\n"
          << "      <data key=\"b\">" << rgb.blue << "</data>\n";
    }
    out << "    </node>\n";
  }
  std::size_t number = 0;  // edge ids e0, e1 ... as in every other format
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    out << "    <edge id=\"e" << number++ << "\" source=\"" << detail::escape_xml(g[boost::source(e, g)].id) << "\" target=\""
        << detail::escape_xml(g[boost::target(e, g)].id) << "\">\n";
    for (const auto& attribute : detail::edge_attributes(result, e)) {
      const std::string key = attribute.key == "documents" ? "edge_documents" : attribute.key;
      const bool as_double = attribute.key == "weight";
      const std::string value = as_double && std::holds_alternative<double>(attribute.value)
                                    ? detail::format_double(std::get<double>(attribute.value))
                                    : detail::xml_text(attribute.value);
      out << "      <data key=\"" << key << "\">" << value << "</data>\n";
    }
    if (yed) write_yed_edge(drawing->edges[number - 1], out);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace

void write_graphml(const CoMentionGraph& graph, std::ostream& out) {
  write(graph, nullptr, GraphmlGraphics::none, out);
}

void write_graphml(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out, GraphmlGraphics graphics) {
  write(graph, &drawing, graphics, out);
}

}  // namespace comention
