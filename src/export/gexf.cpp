// GEXF writer, for Gephi: 1.3 by default, or 1.2draft, the version networkx 2.8 reads.
#include <boost/range/iterator_range.hpp>
#include <map>

#include "attributes.hpp"
#include "comention/export.hpp"

namespace comention {

void write_gexf(const CoMentionGraph& result, std::ostream& out, GexfVersion version) {
  const Graph& g = result.graph;
  const bool draft = version == GexfVersion::v1_2draft;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << (draft ? "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
                : "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n")
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
    out << "        </attvalues>\n      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t number = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    out << "      <edge id=\"e" << number++ << "\" source=\"" << detail::escape_xml(g[boost::source(e, g)].id)
        << "\" target=\"" << detail::escape_xml(g[boost::target(e, g)].id) << "\" weight=\""
        << detail::format_double(g[e].weight) << "\">\n        <attvalues>\n"
        << "          <attvalue for=\"count\" value=\"" << g[e].count << "\"/>\n"
        << "          <attvalue for=\"documents\" value=\"" << g[e].documents << "\"/>\n"
        << "        </attvalues>\n      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace comention
