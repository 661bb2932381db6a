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
    case OutputFormat::graphology: return "graphology";
    case OutputFormat::csv: return "csv";
    case OutputFormat::svg: return "svg";
    case OutputFormat::png: return "png";
    case OutputFormat::pdf: return "pdf";
    case OutputFormat::html: return "html";
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
  if (name == "graphology") return OutputFormat::graphology;
  if (name == "csv") return OutputFormat::csv;
  if (name == "svg") return OutputFormat::svg;
  if (name == "png") return OutputFormat::png;
  if (name == "pdf") return OutputFormat::pdf;
  if (name == "html" || name == "htm") return OutputFormat::html;
  return std::nullopt;
}

std::optional<OutputFormat> format_for_path(std::string_view path) noexcept {
  if (path.ends_with(".jgf.json")) return OutputFormat::jgf;
  if (path.ends_with(".graphology.json")) return OutputFormat::graphology;
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  return parse_output_format(path.substr(dot + 1));
}

std::string_view generator_name() noexcept { return "comention " COMENTION_VERSION; }

std::string_view to_string(LayoutEngine engine) noexcept {
  switch (engine) {
    case LayoutEngine::neato: return "neato";
    case LayoutEngine::fdp: return "fdp";
    case LayoutEngine::sfdp: return "sfdp";
    case LayoutEngine::circo: return "circo";
    case LayoutEngine::dot: return "dot";
  }
  return "neato";
}

std::optional<LayoutEngine> parse_layout_engine(std::string_view name) noexcept {
  for (const LayoutEngine engine :
       {LayoutEngine::neato, LayoutEngine::fdp, LayoutEngine::sfdp, LayoutEngine::circo, LayoutEngine::dot}) {
    if (name == to_string(engine)) return engine;
  }
  return std::nullopt;
}

std::string_view to_string(ColorBy color_by) noexcept {
  switch (color_by) {
    case ColorBy::category: return "category";
    case ColorBy::region: return "region";
    case ColorBy::community: return "community";
  }
  return "category";
}

std::optional<ColorBy> parse_color_by(std::string_view name) noexcept {
  for (const ColorBy color_by : {ColorBy::category, ColorBy::region, ColorBy::community}) {
    if (name == to_string(color_by)) return color_by;
  }
  return std::nullopt;
}

std::string_view to_string(Splines splines) noexcept {
  switch (splines) {
    case Splines::automatic: return "auto";
    case Splines::curved: return "curved";
    case Splines::straight: return "straight";
  }
  return "auto";
}

std::optional<Splines> parse_splines(std::string_view name) noexcept {
  for (const Splines splines : {Splines::automatic, Splines::curved, Splines::straight}) {
    if (name == to_string(splines)) return splines;
  }
  return std::nullopt;
}

bool curved_edges(const CoMentionGraph& graph, const ExportOptions& options) noexcept {
  switch (options.splines) {
    case Splines::curved: return true;
    case Splines::straight: return false;
    case Splines::automatic: break;
  }
  return boost::num_edges(graph.graph) <= kCurvedEdgeLimit && boost::num_vertices(graph.graph) <= kCurvedNodeLimit;
}

std::optional<LinkKey> parse_link_key(std::string_view name) noexcept {
  if (name == "links") return LinkKey::links;
  if (name == "edges") return LinkKey::edges;
  if (name == "both") return LinkKey::both;
  return std::nullopt;
}

bool needs_drawing(OutputFormat format) noexcept {
  switch (format) {
    case OutputFormat::svg:
    case OutputFormat::png:
    case OutputFormat::pdf:
    case OutputFormat::html:
    case OutputFormat::graphology:
    case OutputFormat::graphml:
    case OutputFormat::gexf:
    case OutputFormat::cytoscape: return true;
    default: return false;
  }
}

void write_graph(const CoMentionGraph& graph, const Drawing& drawing, const Drawing& pictures, OutputFormat format,
                 std::ostream& out, const ExportOptions& options) {
  switch (format) {
    case OutputFormat::dot: write_dot(extract_backbone(graph, options.backbone).graph, out, options); break;
    case OutputFormat::json: write_json(graph, out, options.link_key); break;
    case OutputFormat::graphml: write_graphml(graph, drawing, out, options.graphml_graphics); break;
    case OutputFormat::gexf: write_gexf(graph, drawing, out, options.gexf); break;
    case OutputFormat::cytoscape: write_cytoscape(graph, drawing, out); break;
    case OutputFormat::jgf: write_jgf(graph, out); break;
    case OutputFormat::graphology: write_graphology(graph, drawing, out); break;
    case OutputFormat::csv: write_csv(graph, out, options.csv_table); break;
    case OutputFormat::svg:
    case OutputFormat::png:
    case OutputFormat::pdf: write_diagram(pictures, format, out); break;
    case OutputFormat::html: write_html(graph, drawing, out, options); break;
  }
}

void write_graph(const CoMentionGraph& graph, OutputFormat format, std::ostream& out,
                 const ExportOptions& options) {
  if (format == OutputFormat::svg || format == OutputFormat::png || format == OutputFormat::pdf) {
    const Drawing pictures = draw_graph(extract_backbone(graph, options.backbone).graph, options, {format});
    write_graph(graph, Drawing{}, pictures, format, out, options);
    return;
  }
  const Drawing drawing = needs_drawing(format) ? draw_graph(graph, options) : Drawing{};
  write_graph(graph, drawing, drawing, format, out, options);
}

}  // namespace comention
