// GEXF writer, for Gephi: 1.3 by default, or 1.2draft, the version networkx 2.8 reads.
#include <boost/range/iterator_range.hpp>
#include <map>

#include "attributes.hpp"
#include "comention/export.hpp"

namespace comention {

namespace {

void write(const CoMentionGraph& result, const Drawing* drawing, std::ostream& out, GexfVersion version) {
  const Graph& g = result.graph;
  const bool draft = version == GexfVersion::v1_2draft;
  // Each version has its own viz namespace; Gephi and networkx look for the one that matches.
  const char* viz = drawing == nullptr ? ""
                    : draft            ? " xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""
                                       : " xmlns:viz=\"http://gexf.net/1.3/viz\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << (draft ? "<gexf xmlns=\"http://www.gexf.net/1.2draft\"" : "<gexf xmlns=\"http://gexf.net/1.3\"") << viz
      << (draft ? " version=\"1.2\">\n" : " version=\"1.3\">\n")
      << "  <meta>\n    <creator>" << detail::escape_xml(generator_name()) << "</creator>\n  </meta>\n"
      << "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";

  // Declared attributes: every node attribute but the label (an XML attribute of its own), and
  // the edge counts beside the weight (also an XML attribute).
  std::map<std::string, std::string> node_types;
  std::vector<std::string> node_order;
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    for (const auto& attribute : detail::node_attributes(result, v)) {
      if (attribute.key == "label") continue;
      if (node_types.emplace(attribute.key, std::string(detail::xml_type(attribute.value))).second) {
        node_order.push_back(attribute.key);
      }
    }
  }
  out << "    <attributes class=\"node\">\n";
  for (const std::string& name : node_order) {
    out << "      <attribute id=\"" << name << "\" title=\"" << name << "\" type=\"" << node_types[name] << "\"/>\n";
  }
  out << "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"count\" title=\"count\" type=\"long\"/>\n"
         "      <attribute id=\"documents\" title=\"documents\" type=\"long\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    out << "      <node id=\"" << detail::escape_xml(g[v].id) << "\" label=\"" << detail::escape_xml(g[v].label)
        << "\">\n        <attvalues>\n";
    for (const auto& attribute : detail::node_attributes(result, v)) {
      if (attribute.key == "label") continue;
      out << "          <attvalue for=\"" << attribute.key << "\" value=\"" << detail::xml_text(attribute.value)
          << "\"/>\n";
    }
    out << "        </attvalues>\n";
    if (drawing) {
      const DrawnNode& drawn = drawing->nodes[v];
      const detail::Rgb rgb = detail::parse_hex_color(drawn.fill);
      out << "        <viz:color r=\"" << rgb.red << "\" g=\"" << rgb.green << "\" b=\"" << rgb.blue << "\"/>\n"
          << "        <viz:position x=\"" << detail::format_double(drawn.x) << "\" y=\""
          << detail::format_double(drawn.y) << "\" z=\"0\"/>\n"
          << "        <viz:size value=\"" << detail::format_double(drawn.width / 2) << "\"/>\n";
    }
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t number = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    out << "      <edge id=\"e" << number++ << "\" source=\"" << detail::escape_xml(g[boost::source(e, g)].id)
        << "\" target=\"" << detail::escape_xml(g[boost::target(e, g)].id) << "\" weight=\""
        << detail::format_double(g[e].weight) << "\">\n        <attvalues>\n"
        << "          <attvalue for=\"count\" value=\"" << g[e].count << "\"/>\n"
        << "          <attvalue for=\"documents\" value=\"" << g[e].documents << "\"/>\n"
        << "        </attvalues>\n";
    if (drawing) {
      // The pen width of the pictures: 1 to 6 points.
      out << "        <viz:thickness value=\"" << detail::format_double(1.0 + 5.0 * drawing->edges[number - 1].strength)
          << "\"/>\n";
    }
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace

void write_gexf(const CoMentionGraph& graph, std::ostream& out, GexfVersion version) {
  write(graph, nullptr, out, version);
}

void write_gexf(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out, GexfVersion version) {
  write(graph, &drawing, out, version);
}

}  // namespace comention
