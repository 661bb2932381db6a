#include "attributes.hpp"

#include <charconv>

#include "comention/export.hpp"

namespace comention::detail {

std::vector<Attribute> node_attributes(const CoMentionGraph& result, Graph::vertex_descriptor v) {
  const NodeProperties& node = result.graph[v];
  std::vector<Attribute> attributes{{"label", node.label}, {"category", std::string(to_string(node.category))}};
  if (node.category == Category::country) {
    attributes.push_back({"iso2", node.iso2});
    attributes.push_back({"iso3", node.iso3});
    attributes.push_back({"region", node.region});
  }
  attributes.push_back({"mentions", node.mentions});
  attributes.push_back({"documents", node.documents});
  attributes.push_back({"degree", node.degree});
  attributes.push_back({"strength", node.strength});
  attributes.push_back({"component", std::uint64_t{node.component}});
  if (result.info.measured) {
    const NodeMetrics& m = node.measures;
    attributes.push_back({"betweenness", m.betweenness});
    attributes.push_back({"weighted_betweenness", m.weighted_betweenness});
    attributes.push_back({"pagerank", m.pagerank});
    attributes.push_back({"clustering", m.clustering});
    attributes.push_back({"core", std::uint64_t{m.core}});
    attributes.push_back({"community", std::uint64_t{m.community}});
  }
  return attributes;
}

std::vector<Attribute> edge_attributes(const CoMentionGraph& result, Graph::edge_descriptor e) {
  const EdgeProperties& edge = result.graph[e];
  return {{"weight", edge.weight}, {"count", edge.count}, {"documents", edge.documents}};
}

std::vector<Attribute> graph_attributes(const CoMentionGraph& result) {
  const GraphInfo& info = result.info;
  std::vector<Attribute> attributes{{"generator", std::string(generator_name())},
                                    {"window", window_label(info.window, info.token_distance)},
                                    {"weight", std::string(to_string(info.measure))},
                                    {"documents", info.documents},
                                    {"paragraphs", info.paragraphs},
                                    {"sentences", info.sentences},
                                    {"mentions", info.mentions},
                                    {"nodes", std::uint64_t{boost::num_vertices(result.graph)}},
                                    {"edges", std::uint64_t{boost::num_edges(result.graph)}},
                                    {"components", std::uint64_t{info.components}}};
  if (info.measured) {
    attributes.push_back({"density", info.measures.density});
    attributes.push_back({"communities", std::uint64_t{info.measures.communities}});
    attributes.push_back({"modularity", info.measures.modularity});
  }
  return attributes;
}

std::string format_double(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view xml_type(const AttributeValue& value) {
  if (std::holds_alternative<std::string>(value)) return "string";
  if (std::holds_alternative<std::uint64_t>(value)) return "long";
  return "double";
}

Rgb parse_hex_color(std::string_view hex) {
  auto channel = [&](std::size_t at) {
    unsigned value = 0;
    if (hex.size() >= at + 2) std::from_chars(hex.data() + at, hex.data() + at + 2, value, 16);
    return value;
  };
  return {channel(1), channel(3), channel(5)};
}

std::string xml_text(const AttributeValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return escape_xml(*text);
  if (const auto* number = std::get_if<std::uint64_t>(&value)) return std::to_string(*number);
  return format_double(std::get<double>(value));
}

}  // namespace comention::detail
