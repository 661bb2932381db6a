// GEXF writer, for Gephi: 1.3 by default, or 1.2draft, the version networkx 2.8 reads.
#include <boost/range/iterator_range.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "attributes.hpp"
#include "comention/dates.hpp"
#include "comention/export.hpp"

namespace comention {

namespace {

std::string iso_date(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

void write(const CoMentionGraph& result, const Drawing* drawing, std::ostream& out, GexfVersion version) {
  const Graph& g = result.graph;
  const bool draft = version == GexfVersion::v1_2draft;
  // With --slice, a dynamic graph: each node and edge lives in the periods it is mentioned in
  // (spells), with its mentions or count there as a dynamic attribute, so Gephi's timeline plays
  // the run period by period. Each period is the interval of its first to its last day.
  const bool dynamic = !result.info.slice.empty() && !result.info.periods.empty();
  std::map<std::string, std::pair<std::string, std::string>> period_days;
  for (const std::string& label : result.info.periods) {
    const auto first = period_start(label);
    const auto last = period_end(label);
    if (first && last) period_days[label] = {iso_date(*first), iso_date(*last)};
  }
  auto write_spells = [&](const std::vector<std::pair<std::string, std::uint64_t>>& periods) {
    if (!dynamic) return;
    out << "        <spells>\n";
    for (const auto& [label, value] : periods) {
      const auto& [start, end] = period_days[label];
      out << "          <spell start=\"" << start << "\" end=\"" << end << "\"/>\n";
    }
    out << "        </spells>\n";
  };
  auto write_dynamic_values = [&](const std::vector<std::pair<std::string, std::uint64_t>>& periods,
                                  const char* attribute) {
    if (!dynamic) return;
    for (const auto& [label, value] : periods) {
      const auto& [start, end] = period_days[label];
      out << "          <attvalue for=\"" << attribute << "\" value=\"" << value << "\" start=\"" << start
          << "\" end=\"" << end << "\"/>\n";
    }
  };
  // Each version has its own viz namespace; Gephi and networkx look for the one that matches.
  const char* viz = drawing == nullptr ? ""
                    : draft            ? " xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""
                                       : " xmlns:viz=\"http://gexf.net/1.3/viz\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << (draft ? "<gexf xmlns=\"http://www.gexf.net/1.2draft\"" : "<gexf xmlns=\"http://gexf.net/1.3\"") << viz
      << (draft ? " version=\"1.2\">\n" : " version=\"1.3\">\n")
      << "  <meta>\n    <creator>" << detail::escape_xml(generator_name()) << "</creator>\n  </meta>\n"
      << (dynamic ? (draft ? "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">\n"
                           : "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" "
                             "timerepresentation=\"interval\">\n")
                 : "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n");

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
  if (dynamic) {
    out << "    <attributes class=\"node\" mode=\"dynamic\">\n"
           "      <attribute id=\"period_mentions\" title=\"period_mentions\" type=\"long\"/>\n"
           "    </attributes>\n"
           "    <attributes class=\"edge\" mode=\"dynamic\">\n"
           "      <attribute id=\"period_count\" title=\"period_count\" type=\"long\"/>\n"
           "    </attributes>\n";
  }
  out << (dynamic ? "    <attributes class=\"node\" mode=\"static\">\n" : "    <attributes class=\"node\">\n");
  for (const std::string& name : node_order) {
    out << "      <attribute id=\"" << name << "\" title=\"" << name << "\" type=\"" << node_types[name] << "\"/>\n";
  }
  out << "    </attributes>\n"
      << (dynamic ? "    <attributes class=\"edge\" mode=\"static\">\n" : "    <attributes class=\"edge\">\n")
      << "      <attribute id=\"count\" title=\"count\" type=\"long\"/>\n"
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
    write_dynamic_values(g[v].periods, "period_mentions");
    out << "        </attvalues>\n";
    write_spells(g[v].periods);
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
        << "          <attvalue for=\"documents\" value=\"" << g[e].documents << "\"/>\n";
    write_dynamic_values(g[e].periods, "period_count");
    out << "        </attvalues>\n";
    write_spells(g[e].periods);
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
