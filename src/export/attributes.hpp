// Internal: the attributes every graph format writes for a node or an edge, in one order, so that
// the formats agree with each other and with the node-link JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "comention/graph.hpp"

namespace comention::detail {

using AttributeValue = std::variant<std::string, std::uint64_t, double>;

struct Attribute {
  std::string key;
  AttributeValue value;
};

// The node's attributes (id excluded): label, category, codes for countries, counts, measures.
std::vector<Attribute> node_attributes(const CoMentionGraph& graph, Graph::vertex_descriptor v);
// The edge's attributes (ends excluded): weight, count, documents.
std::vector<Attribute> edge_attributes(const CoMentionGraph& graph, Graph::edge_descriptor e);
// The graph's attributes: generator, window, weight measure, totals.
std::vector<Attribute> graph_attributes(const CoMentionGraph& graph);

// Shortest decimal text that reads back as the same double ("0.25", "3").
std::string format_double(double value);

// Text escaped for XML content and attribute values.
std::string escape_xml(std::string_view text);

// "string", "long" or "double": the XML schema type names GraphML and GEXF both use.
std::string_view xml_type(const AttributeValue& value);

// "#7fb8e6" -> {127, 184, 230}: GEXF's viz:color and Gephi's GraphML r, g, b.
struct Rgb {
  unsigned red = 0;
  unsigned green = 0;
  unsigned blue = 0;
};
Rgb parse_hex_color(std::string_view hex);

// The value as XML text: escaped strings, integers, shortest doubles.
std::string xml_text(const AttributeValue& value);

}  // namespace comention::detail
