#include <string>

#include "comention/export.hpp"
#include "comention/version.hpp"

namespace comention {

std::string_view to_string(OutputFormat format) noexcept {
  switch (format) {
    case OutputFormat::dot: return "dot";
    case OutputFormat::json: return "json";
    case OutputFormat::graphml: return "graphml";
    case OutputFormat::gexf: return "gexf";
    case OutputFormat::cytoscape: return "cyjs";
    case OutputFormat::jgf: return "jgf";
  }
  return "json";
}

std::optional<OutputFormat> parse_output_format(std::string_view name) noexcept {
  if (name == "dot" || name == "gv") return OutputFormat::dot;
  if (name == "json") return OutputFormat::json;
  if (name == "graphml") return OutputFormat::graphml;
  if (name == "gexf") return OutputFormat::gexf;
  if (name == "cyjs") return OutputFormat::cytoscape;
  if (name == "jgf") return OutputFormat::jgf;
  return std::nullopt;
}

std::optional<OutputFormat> format_for_path(std::string_view path) noexcept {
  if (path.ends_with(".jgf.json")) return OutputFormat::jgf;
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  return parse_output_format(path.substr(dot + 1));
}

std::string_view generator_name() noexcept { return "comention " COMENTION_VERSION; }

std::optional<LinkKey> parse_link_key(std::string_view name) noexcept {
  if (name == "links") return LinkKey::links;
  if (name == "edges") return LinkKey::edges;
  if (name == "both") return LinkKey::both;
  return std::nullopt;
}

void write_graph(const CoMentionGraph& graph, OutputFormat format, std::ostream& out,
                 const ExportOptions& options) {
  switch (format) {
    case OutputFormat::dot: write_dot(graph, out); break;
    case OutputFormat::json: write_json(graph, out, options.link_key); break;
    case OutputFormat::graphml: write_graphml(graph, out); break;
    case OutputFormat::gexf: write_gexf(graph, out, options.gexf); break;
    case OutputFormat::cytoscape: write_cytoscape(graph, out); break;
    case OutputFormat::jgf: write_jgf(graph, out); break;
  }
}

}  // namespace comention
