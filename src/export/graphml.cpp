// GraphML writer: descriptive key ids ("label", "weight"), declared types, for networkx, Gephi
// and Cytoscape.
#include <boost/range/iterator_range.hpp>
#include <map>

#include "attributes.hpp"
#include "comention/export.hpp"

namespace comention {

namespace {

void write(const CoMentionGraph& result, const Drawing* drawing, std::ostream& out) {
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
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
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
  out << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"long\"/>\n"
         "  <key id=\"edge_documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"long\"/>\n";
  out << "  <graph id=\"comention\" edgedefault=\"undirected\">\n";
  for (const auto& attribute : detail::graph_attributes(result)) {
    out << "    <data key=\"graph_" << attribute.key << "\">" << detail::xml_text(attribute.value) << "</data>\n";
  }
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    out << "    <node id=\"" << detail::escape_xml(g[v].id) << "\">\n";
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
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace

void write_graphml(const CoMentionGraph& graph, std::ostream& out) { write(graph, nullptr, out); }

void write_graphml(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out) {
  write(graph, &drawing, out);
}

}  // namespace comention
