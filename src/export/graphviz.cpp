// Graphviz: the DOT writer (cgraph), and layout and rendering (gvc). Graphviz's types stay inside
// this file; neither library is thread-safe, so every use of them here holds one lock.
#include "comention/export.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "attributes.hpp"
#include "style.hpp"

namespace comention {
namespace {

std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

// cgraph writes through this discipline, straight into the caller's stream.
int put_string(void* channel, const char* text) {
  auto* out = static_cast<std::ostream*>(channel);
  *out << text;
  return out->good() ? 0 : EOF;
}

int flush_stream(void* channel) {
  static_cast<std::ostream*>(channel)->flush();
  return 0;
}

Agiodisc_t stream_io = {nullptr, put_string, flush_stream};

// cgraph's C interface takes char* for strings it only reads.
char* c_str(const std::string& text) { return const_cast<char*>(text.c_str()); }
char* c_str(const char* text) { return const_cast<char*>(text); }

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}


// --geo: an equirectangular map, 6 points a degree (2160 x 1080 points for the world).
constexpr double kPointsPerDegree = 6.0;
constexpr double kOrganizationRowGap = 72.0;
constexpr double kOrganizationSpacing = 120.0;

// One Graphviz context for the whole process, never freed: Graphviz 2.42's pango plug-in keeps
// a pointer to the last font name, which lives in the context's font table, so a second context
// after the first is freed reads freed memory. Callers hold graphviz_mutex().
GVC_t* graphviz_context() {
  static GVC_t* const context = gvContext();
  return context;
}

// Graphviz's warnings (a font substituted, a layout nudged) are not the user's concern; its
// errors are collected and reported with the failure they cause.
std::string& graphviz_errors() {
  static std::string errors;
  return errors;
}

int collect_error(char* message) {
  graphviz_errors() += message;
  return 0;
}

class Diagram {
 public:
  // The lock must be held for the Diagram's whole life.
  Diagram(const CoMentionGraph& graph, const ExportOptions& options)
      : options_(options) {
    previous_level_ = agseterr(AGERR);
    previous_handler_ = agseterrf(collect_error);
    graphviz_errors().clear();
    Agdisc_t discipline = {&AgMemDisc, &AgIdDisc, &stream_io};
    root_ = agopen(c_str("comention"), Agstrictundirected, &discipline);
    if (!root_) throw std::runtime_error("Graphviz could not create a graph");
    build(graph);
  }

  ~Diagram() {
    if (laid_out_) gvFreeLayout(context_, root_);
    agclose(root_);
    agseterrf(previous_handler_);
    agseterr(previous_level_);
  }

  Diagram(const Diagram&) = delete;
  Diagram& operator=(const Diagram&) = delete;

  void write(std::ostream& out) {
    if (agwrite(root_, &out) != 0 || !out) throw std::runtime_error("cannot write DOT output");
  }

  std::string render(const char* format) {
    lay_out();
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(context_, root_, c_str(format), &data, &length) != 0 || !data) {
      if (data) gvFreeRenderData(data);
      throw std::runtime_error(std::string("Graphviz could not render ") + format + failure_detail());
    }
    std::string rendered(data, length);
    gvFreeRenderData(data);
    return rendered;
  }

  // Positions, sizes and the bounding box, read once the graph is laid out.
  void measure(Drawing& drawing) {
    lay_out();
    // Rounded to a hundredth of a point, as the SVG has them: neato's last bits vary from run
    // to run, and outputs must not.
    auto round = [](double value) { return std::round(value * 100.0) / 100.0; };
    for (std::size_t v = 0; v < nodes_.size(); ++v) {
      DrawnNode& node = drawing.nodes[v];
      node.x = round(ND_coord(nodes_[v]).x);
      node.y = round(ND_coord(nodes_[v]).y);
      node.width = round(ND_width(nodes_[v]) * 72.0);  // Graphviz keeps sizes in inches
      node.height = round(ND_height(nodes_[v]) * 72.0);
    }
    const boxf box = GD_bb(root_);
    drawing.left = round(box.LL.x);
    drawing.bottom = round(box.LL.y);
    drawing.right = round(box.UR.x);
    drawing.top = round(box.UR.y);
  }

  const detail::DiagramStyle& style() const { return style_; }

 private:
  void lay_out() {
    if (laid_out_) return;
    context_ = graphviz_context();
    if (!context_) throw std::runtime_error("Graphviz could not start");
    const std::string engine = options_.geo ? "nop" : std::string(to_string(options_.layout));
    if (gvLayout(context_, root_, c_str(engine)) != 0) {
      throw std::runtime_error("Graphviz could not lay out the graph with " + engine + failure_detail());
    }
    laid_out_ = true;
  }

  static std::string failure_detail() {
    std::string errors = graphviz_errors();
    while (!errors.empty() && (errors.back() == '\n' || errors.back() == ' ')) errors.pop_back();
    return errors.empty() ? std::string() : ": " + errors;
  }

  void graph_attribute(const char* name, const std::string& value) {
    agattr(root_, AGRAPH, c_str(name), c_str(value));
  }

  void build(const CoMentionGraph& graph);
  void add_legend(const detail::DiagramStyle& style, const CoMentionGraph& graph);

  ExportOptions options_;
  agerrlevel_t previous_level_ = AGWARN;
  agusererrf previous_handler_ = nullptr;
  Agraph_t* root_ = nullptr;
  GVC_t* context_ = nullptr;
  bool laid_out_ = false;
  detail::DiagramStyle style_;
  std::vector<Agnode_t*> nodes_;
  std::vector<Agedge_t*> edges_;
};

void Diagram::build(const CoMentionGraph& graph) {
  const Graph& g = graph.graph;
  const GraphInfo& info = graph.info;
  style_ = detail::style_diagram(graph, options_);
  const detail::DiagramStyle& style = style_;

  graph_attribute("comment", std::string(generator_name()) + "; window=" +
                                 window_label(info.window, info.token_distance) + "; weight=" +
                                 std::string(to_string(info.measure)) + "; " +
                                 count_of(info.documents, "document") +
                                 (options_.geo ? "; positions in points: render with neato -n" : ""));
  // The hint tells `dot -Tsvg file.dot` which engine to use; nop keeps --geo's positions.
  graph_attribute("layout", options_.geo ? "nop" : std::string(to_string(options_.layout)));
  graph_attribute("overlap", "false");
  // Straight lines cost next to nothing; curves routed around the nodes cost minutes on a
  // large graph (see Splines).
  graph_attribute("splines", curved_edges(graph, options_) ? "true" : "line");
  graph_attribute("outputorder", "edgesfirst");
  graph_attribute("fontname", "Helvetica");
  graph_attribute("bgcolor", "white");
  graph_attribute("pad", "0.3");

  // Declaring every attribute with its default keeps agwrite's output uniform.
  auto node_attribute = [&](const char* name, const char* fallback) {
    return agattr(root_, AGNODE, c_str(name), c_str(fallback));
  };
  Agsym_t* label = node_attribute("label", "\\N");
  Agsym_t* shape = node_attribute("shape", "ellipse");
  Agsym_t* style_attribute = node_attribute("style", "filled");
  Agsym_t* fill = node_attribute("fillcolor", "#cfe2f3");
  Agsym_t* border = node_attribute("color", "#3d85c6");
  Agsym_t* width = node_attribute("width", "0.75");
  Agsym_t* height = node_attribute("height", "0.5");
  Agsym_t* fontsize = node_attribute("fontsize", "14");
  Agsym_t* tooltip = node_attribute("tooltip", "");
  Agsym_t* category = node_attribute("category", "country");
  Agsym_t* mentions = node_attribute("mentions", "0");
  Agsym_t* documents = node_attribute("documents", "0");
  Agsym_t* position = options_.geo ? node_attribute("pos", "") : nullptr;
  node_attribute("fontname", "Helvetica");

  auto edge_attribute = [&](const char* name, const char* fallback) {
    return agattr(root_, AGEDGE, c_str(name), c_str(fallback));
  };
  Agsym_t* weight = edge_attribute("weight", "1");
  Agsym_t* penwidth = edge_attribute("penwidth", "1");
  Agsym_t* length = edge_attribute("len", "1");
  Agsym_t* edge_tooltip = edge_attribute("tooltip", "");
  Agsym_t* edge_documents = edge_attribute("documents", "0");
  edge_attribute("color", "#00000060");

  // --geo: countries where they are on a map, organizations in rows beneath it.
  std::size_t organizations_placed = 0;
  const auto per_row = static_cast<std::size_t>(360.0 * kPointsPerDegree / kOrganizationSpacing);
  auto geo_position = [&](const NodeProperties& node) {
    double x = 0;
    double y = 0;
    if (node.location) {
      x = (node.location->longitude + 180.0) * kPointsPerDegree;
      y = (node.location->latitude + 90.0) * kPointsPerDegree;
    } else {
      const std::size_t slot = organizations_placed++;
      x = kOrganizationSpacing / 2 + static_cast<double>(slot % per_row) * kOrganizationSpacing;
      y = -kOrganizationRowGap * static_cast<double>(1 + slot / per_row);
    }
    return format_number(x) + "," + format_number(y) + "!";
  };

  nodes_.reserve(boost::num_vertices(g));
  edges_.reserve(boost::num_edges(g));
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& node = g[v];
    const detail::NodeStyle& look = style.nodes[v];
    Agnode_t* n = agnode(root_, c_str(node.id), 1);
    agxset(n, label, c_str(node.label));
    if (node.category == Category::organization) {
      agxset(n, shape, c_str("box"));
      agxset(n, style_attribute, c_str("filled,rounded"));
      agxset(n, category, c_str("organization"));
    } else if (node.historical) {
      agxset(n, style_attribute, c_str("filled,dashed"));
    }
    agxset(n, fill, c_str(look.fill));
    agxset(n, border, c_str(look.border));
    agxset(n, width, c_str(format_number(0.75 + 1.25 * look.size)));
    agxset(n, height, c_str(format_number(0.5 + 0.5 * look.size)));
    agxset(n, fontsize, c_str(format_number(11.0 + 11.0 * look.size)));
    {
      agxset(n, tooltip, c_str(node.label + " (" + node.id + "): " + count_of(node.mentions, "mention") +
                               " in " + count_of(node.documents, "document")));
    }
    agxset(n, mentions, c_str(std::to_string(node.mentions)));
    agxset(n, documents, c_str(std::to_string(node.documents)));
    if (position) agxset(n, position, c_str(geo_position(node)));
    nodes_.push_back(n);
  }

  const bool by_count = info.measure == WeightMeasure::count;
  const std::string measure_name(to_string(info.measure));
  std::size_t index = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto s = boost::source(e, g);
    const auto t = boost::target(e, g);
    const EdgeProperties& data = g[e];
    const double strength = style.edge_strength[index];
    Agedge_t* edge = agedge(root_, nodes_[s], nodes_[t], nullptr, 1);
    // Layout engines want an integer weight: the count, whatever the measure.
    agxset(edge, weight, c_str(std::to_string(data.count)));
    agxset(edge, penwidth, c_str(format_number(1.0 + 5.0 * strength)));
    // Strong ties pull their ends together in neato and fdp.
    agxset(edge, length, c_str(format_number(2.5 - 1.5 * strength)));
    if (!by_count) agsafeset(edge, c_str("score"), c_str(format_number(data.weight)), c_str(""));
    {
      std::string text = g[s].label + " – " + g[t].label + ": together " +
                         describe_count(info.window, info.token_distance, data.count) + " in " +
                         count_of(data.documents, "document");
      if (!by_count) text += "; " + measure_name + " " + format_number(data.weight);
      for (const Evidence& window : data.evidence) text += "\n\xE2\x80\xA2 " + window.text;  // "• "
      agxset(edge, edge_tooltip, c_str(text));
    }
    agxset(edge, edge_documents, c_str(std::to_string(data.documents)));
    edges_.push_back(edge);
    ++index;
  }
  // An empty selection still gets its legend: it says why nothing is drawn.
  if (!nodes_.empty() || !info.selection.empty()) add_legend(style, graph);
}

// The legend is the graph's label, an HTML-like table beneath the drawing, so it adds no node
// that a program reading the DOT would take for an entity.
void Diagram::add_legend(const detail::DiagramStyle& style, const CoMentionGraph& graph) {
  // Each entry is one left-aligned cell, a coloured square (U+25A0) then its text: table columns would
  // share out the footer's width and push the squares away from their texts.
  std::string table = "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\">";
  // A drawing of part of the graph says so first, before any reader draws conclusions from it;
  // a row a line keeps the legend no wider than the drawing needs.
  std::string_view selection = graph.info.selection;
  for (std::string_view heading = "Shown: "; !selection.empty(); heading = "") {
    const std::string_view line = selection.substr(0, selection.find('\n'));
    selection.remove_prefix(std::min(selection.size(), line.size() + 1));
    table += "<tr><td align=\"left\">" + (heading.empty() ? "" : "<b>" + std::string(heading) + "</b>") +
             detail::escape_xml(std::string(line)) + "</td></tr>";
  }
  table += "<tr><td align=\"left\"><b>" + detail::escape_xml(style.color_heading) + "</b></td></tr>";
  for (const detail::LegendEntry& entry : style.legend) {
    table += "<tr><td align=\"left\"><font color=\"" + entry.color + "\" point-size=\"16\">\xE2\x96\xA0</font> " +
             detail::escape_xml(entry.text) + "</td></tr>";
  }
  const std::string measure(to_string(graph.info.measure));
  table += "<tr><td align=\"left\">Size: mentions. Line width: " + detail::escape_xml(measure) + " (" +
           detail::escape_xml(window_label(graph.info.window, graph.info.token_distance)) +
           " window). Boxes: organizations.</td></tr></table>";
  char* html = agstrdup_html(root_, c_str(table));
  agattr(root_, AGRAPH, c_str("label"), html);
  agstrfree(root_, html);
  graph_attribute("labelloc", "b");
  graph_attribute("labeljust", "l");
  graph_attribute("fontsize", "12");
}

const char* render_name(OutputFormat format) {
  switch (format) {
    case OutputFormat::svg: return "svg";
    case OutputFormat::png: return "png";
    case OutputFormat::pdf: return "pdf";
    default: break;
  }
  throw std::invalid_argument("not a drawing format: " + std::string(to_string(format)));
}

}  // namespace

void write_dot(const CoMentionGraph& graph, std::ostream& out, const ExportOptions& options) {
  std::lock_guard lock(graphviz_mutex());
  Diagram diagram(graph, options);
  diagram.write(out);
}

Drawing draw_graph(const CoMentionGraph& graph, const ExportOptions& options,
                   const std::vector<OutputFormat>& renders) {
  Drawing drawing;
  drawing.layout = options.layout;
  drawing.geo = options.geo;
  drawing.curved = curved_edges(graph, options);
  drawing.nodes.resize(boost::num_vertices(graph.graph));
  std::lock_guard lock(graphviz_mutex());
  Diagram diagram(graph, options);
  diagram.measure(drawing);

  const detail::DiagramStyle& style = diagram.style();
  drawing.color_by = style.color_by;
  for (std::size_t v = 0; v < drawing.nodes.size(); ++v) {
    drawing.nodes[v].fill = style.nodes[v].fill;
    drawing.nodes[v].border = style.nodes[v].border;
    drawing.nodes[v].group = style.nodes[v].group;
    drawing.nodes[v].size = style.nodes[v].size;
  }
  for (const double strength : style.edge_strength) drawing.edges.push_back({strength});
  for (const detail::LegendEntry& entry : style.legend) drawing.legend.push_back({entry.color, entry.text});

  for (const OutputFormat format : {OutputFormat::svg, OutputFormat::png, OutputFormat::pdf}) {
    if (std::find(renders.begin(), renders.end(), format) != renders.end()) {
      drawing.rendered[format] = diagram.render(render_name(format));
    }
  }
  return drawing;
}

void write_diagram(const Drawing& drawing, OutputFormat format, std::ostream& out) {
  render_name(format);  // throws for a format that is no picture
  const auto found = drawing.rendered.find(format);
  if (found == drawing.rendered.end()) {
    throw std::invalid_argument("the drawing holds no " + std::string(to_string(format)) +
                                " rendering: ask draw_graph for it");
  }
  out.write(found->second.data(), static_cast<std::streamsize>(found->second.size()));
}

void write_diagram(const CoMentionGraph& graph, OutputFormat format, std::ostream& out,
                   const ExportOptions& options) {
  render_name(format);
  write_diagram(draw_graph(graph, options, {format}), format, out);
}

std::vector<NodePosition> layout_graph(const CoMentionGraph& graph, const ExportOptions& options) {
  const Drawing drawing = draw_graph(graph, options);
  std::vector<NodePosition> positions;
  positions.reserve(drawing.nodes.size());
  for (const DrawnNode& node : drawing.nodes) positions.push_back({node.x, node.y});
  return positions;
}

}  // namespace comention
