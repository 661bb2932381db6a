// Writers for the co-mention graph. Each format is a sibling that reads the same CoMentionGraph.
//
//   comention::write_graph(graph, comention::OutputFormat::dot, std::cout);
//
// DOT is produced through Graphviz's cgraph (never by pasting strings), and SVG, PNG and PDF are
// laid out and rendered in-process by Graphviz's gvc. cgraph and gvc are not thread-safe: every
// writer that uses them holds one process-wide lock. All writers are deterministic: the same
// graph and options give the same bytes (but for the creation date cairo writes into a PDF).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "comention/backbone.hpp"
#include "comention/graph.hpp"

namespace comention {

enum class OutputFormat { dot, json, graphml, gexf, cytoscape, jgf, graphology, csv, svg, png, pdf, html };
std::string_view to_string(OutputFormat format) noexcept;
std::optional<OutputFormat> parse_output_format(std::string_view name) noexcept;
// The format a file name implies by its extension (.dot, .gv, .json, .graphml, .gexf, .cyjs,
// .jgf.json, .graphology.json, .csv, .svg, .png, .pdf, .html, .htm), if any.
std::optional<OutputFormat> format_for_path(std::string_view path) noexcept;

// Graphviz layout engines comention offers (--layout).
enum class LayoutEngine { neato, fdp, sfdp, circo, dot };
std::string_view to_string(LayoutEngine engine) noexcept;
std::optional<LayoutEngine> parse_layout_engine(std::string_view name) noexcept;

// What a node's fill colour tells (--color-by): its category (country, organization, former
// state), its world region, or its Louvain community (the default once measured).
enum class ColorBy { category, region, community };
std::string_view to_string(ColorBy color_by) noexcept;
std::optional<ColorBy> parse_color_by(std::string_view name) noexcept;

// Which table a CSV output holds: one row a node, or one row an edge.
enum class CsvTable { nodes, edges };

// Which key node-link JSON gives the edge list: networkx up to 3.5 and d3 read "links",
// networkx 3.6 and later "edges"; "both" writes the list under each key.
enum class LinkKey { links, edges, both };
std::optional<LinkKey> parse_link_key(std::string_view name) noexcept;

// GEXF: 1.3 (Gephi's current), or 1.2draft, the version networkx 2.8 reads.
enum class GexfVersion { v1_3, v1_2draft };

// How the drawings route edges (--splines). Curves routed around every node are what make a
// large drawing slow (seconds for a hundred ties among a hundred entities, minutes for
// thousands), so `automatic` curves them only while the graph is small (kCurvedEdgeLimit ties
// and kCurvedNodeLimit entities or fewer) and draws straight lines above; `curved` always routes
// curves, `straight` never does.
enum class Splines { automatic, curved, straight };
std::string_view to_string(Splines splines) noexcept;
std::optional<Splines> parse_splines(std::string_view name) noexcept;
inline constexpr std::size_t kCurvedEdgeLimit = 150;
inline constexpr std::size_t kCurvedNodeLimit = 60;

// GraphML's drawing markup: none (x, y, size and colour as plain attributes, which Gephi reads) or
// yed as well (yFiles ShapeNode and PolyLineEdge graphics, which yEd draws as it opens the file;
// readers that know only plain attributes may show them as one more attribute).
enum class GraphmlGraphics { none, yed };

struct ExportOptions {
  LinkKey link_key = LinkKey::links;            // node-link JSON
  GexfVersion gexf = GexfVersion::v1_3;         // GEXF
  CsvTable csv_table = CsvTable::edges;         // CSV
  LayoutEngine layout = LayoutEngine::neato;    // DOT's hint, and the drawing formats' layout
  bool geo = false;                             // countries at their latitude and longitude
  std::optional<ColorBy> color_by;              // unset: community once measured, else category
  BackboneOptions backbone;                     // what part of a large graph the pictures show
  Splines splines = Splines::automatic;         // edge routing of the drawings, and DOT's hint
  GraphmlGraphics graphml_graphics = GraphmlGraphics::none;  // GraphML: yEd's own markup too
};

// Whether the drawings of this graph route edges as curves: options.splines settled for its size.
bool curved_edges(const CoMentionGraph& graph, const ExportOptions& options) noexcept;

// Graphviz DOT, styled for a readable diagram: node size by mentions, fill colour by
// options.color_by with a legend as the graph label, countries as ellipses and organizations as
// boxes, pen width and (for neato and fdp) edge length by weight, tooltips with the counts, and
// the layout engine as the `layout` attribute and the edge routing as `splines`. With options.geo, countries get `pos` in points
// from their latitude and longitude (`neato -n`; the file says layout=nop) and organizations a
// row beneath the map.
void write_dot(const CoMentionGraph& graph, std::ostream& out, const ExportOptions& options = {});

// A graph laid out once, for every output of a run that shows it: where each node is, how big
// and in which colour, and the pictures Graphviz rendered from that one layout. Laying out is
// the costly step of drawing (seconds to minutes for a large graph), so a run lays out once and
// hands the same Drawing to each writer below; they then agree on every position and colour.
//
//   const auto drawing = comention::draw_graph(graph, options, {OutputFormat::svg});
//   comention::write_diagram(drawing, OutputFormat::svg, svg_file);
//   comention::write_html(graph, drawing, html_file);
//   comention::write_graphology(graph, drawing, graphology_file);
//
// A plain value: no Graphviz type in it, copyable, and usable from any thread.
struct DrawnNode {
  double x = 0;          // centre, in points, y upwards, rounded to a hundredth
  double y = 0;
  double width = 0;      // in points, as drawn
  double height = 0;
  std::string fill;      // "#rrggbb"
  std::string border;    // "#rrggbb", a darker shade of the fill
  std::string group;     // the legend entry it belongs to ("with China", "Asia", "country")
  double size = 0;       // 0 for the least mentioned node, 1 for the most, by square root
};

struct DrawnEdge {
  double strength = 0;   // 0..1: the weight relative to the others, as the pen width shows it
};

struct LegendItem {
  std::string color;
  std::string text;
};

struct Drawing {
  LayoutEngine layout = LayoutEngine::neato;
  bool geo = false;
  ColorBy color_by = ColorBy::category;
  bool curved = false;                // edges routed as curves (see Splines)
  double left = 0;                    // the bounding box, in points, y upwards
  double bottom = 0;
  double right = 0;
  double top = 0;
  std::vector<DrawnNode> nodes;       // by vertex index
  std::vector<DrawnEdge> edges;       // in boost::edges order
  std::vector<LegendItem> legend;     // in the order drawn
  // What Graphviz rendered: the file's bytes for svg, png and pdf.
  std::map<OutputFormat, std::string> rendered;
};

// Lays the graph out once with options.layout (or options.geo's map) and renders each of
// `renders` (svg, png, pdf; others need no rendering and are ignored) from that layout.
// Holds the process-wide Graphviz lock while it works; throws std::runtime_error if Graphviz fails.
Drawing draw_graph(const CoMentionGraph& graph, const ExportOptions& options = {},
                   const std::vector<OutputFormat>& renders = {});

// Whether a format shows the layout (positions or a picture), so a run needs draw_graph for it.
bool needs_drawing(OutputFormat format) noexcept;

// SVG, PNG or PDF: the picture draw_graph rendered (std::invalid_argument if it was not asked for).
void write_diagram(const Drawing& drawing, OutputFormat format, std::ostream& out);
// The same, laid out for this one picture.
void write_diagram(const CoMentionGraph& graph, OutputFormat format, std::ostream& out,
                   const ExportOptions& options = {});

// Where the layout puts each node, in points with y upwards, by vertex index.
struct NodePosition {
  double x = 0;
  double y = 0;
};
std::vector<NodePosition> layout_graph(const CoMentionGraph& graph, const ExportOptions& options = {});

// Node-link JSON: {"directed": false, "multigraph": false, "graph": {...}, "nodes": [...],
// "links": [...]}, read by networkx's node_link_graph and by d3-force.
void write_json(const CoMentionGraph& graph, std::ostream& out, LinkKey key = LinkKey::links);

// GraphML, with descriptive key ids ("label", "weight") and declared types. With a drawing,
// nodes also get x and y (points, y upwards), size (the drawn width), color ("#rrggbb") and its
// r, g and b, the keys Gephi's GraphML import reads as position, size and colour; with
// GraphmlGraphics::yed, also yEd's node and edge graphics from the same drawing (y downwards, as
// yEd has it), so yEd shows the picture comention drew, labels and colours included.
void write_graphml(const CoMentionGraph& graph, std::ostream& out);
void write_graphml(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out,
                   GraphmlGraphics graphics = GraphmlGraphics::none);

// GEXF for Gephi. With a drawing, each node gets viz:position, viz:color and viz:size (half the
// drawn width, in the positions' points) and each edge viz:thickness, so Gephi opens the picture
// comention drew. With --slice (graph.info.periods), a dynamic GEXF, timeformat="date": nodes and
// edges get spells for the periods they are mentioned in and period_mentions / period_count as
// dynamic attributes, which Gephi's timeline plays.
void write_gexf(const CoMentionGraph& graph, std::ostream& out, GexfVersion version = GexfVersion::v1_3);
void write_gexf(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out,
                GexfVersion version = GexfVersion::v1_3);

// Cytoscape.js elements: {"data": {...}, "directed": false, "multigraph": false,
// "elements": {"nodes": [{"data": {"id", "value", "name", ...}}], "edges": [...]}}. With a
// drawing, each node also gets "position": {"x", "y"} (y downwards, as Cytoscape draws) and data
// "color", "width" and "height" (points), the drawing's.
void write_cytoscape(const CoMentionGraph& graph, std::ostream& out);
void write_cytoscape(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out);

// JSON Graph Format v2: {"graph": {"directed": false, "nodes": {ID: {"label", "metadata"}},
// "edges": [{"source", "target", "metadata": {"weight", "count", "documents"}}]}}.
void write_jgf(const CoMentionGraph& graph, std::ostream& out);

// graphology's serialisation, which sigma.js draws: {"attributes", "options": {"type":
// "undirected", "multi": false, "allowSelfLoops": false}, "nodes": [{"key", "attributes": {"label",
// "x", "y", "size", "color", "category", ...}}], "edges": [{"key", "source", "target",
// "undirected": true, "attributes": {"weight", "size", "color", ...}}]}. x and y come from
// layout_graph; no attribute is called "type", which sigma.js reserves for its renderers.
void write_graphology(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out);
void write_graphology(const CoMentionGraph& graph, std::ostream& out, const ExportOptions& options = {});

// CSV (RFC 4180, a header row, CRLF line ends) for spreadsheets and pandas: the node table (id,
// label, category, codes, counts, measures) or the edge table (source, target, their labels,
// weight, count, documents, and evidence when kept).
void write_csv(const CoMentionGraph& graph, std::ostream& out, CsvTable table);

// One self-contained HTML page: the graph's data with a small script of comention's own that
// draws it on a canvas (zoom, pan, labels by importance), shows a node's details and an edge's
// evidence, highlights neighbours, searches names and filters ties by weight, category, region,
// community and period. Nothing is fetched when it is viewed. Positions, colours and sizes come
// from the drawing.
void write_html(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out,
                const ExportOptions& options = {});
void write_html(const CoMentionGraph& graph, std::ostream& out, const ExportOptions& options = {});

// Writes `graph` in `format`. The pictures (DOT, SVG, PNG, PDF) show the part of a large graph
// that options.backbone asks for (backbone.hpp: by default the disparity filter's backbone),
// with a legend saying what is shown; every other format holds the whole graph, with positions
// from the layout of the whole graph. `drawing` is the whole graph's layout and `pictures` the
// backbone's (the same when nothing is left out); each holds the renderings its formats need.
// write_dot and write_diagram, called directly, draw the graph they are given.
void write_graph(const CoMentionGraph& graph, const Drawing& drawing, const Drawing& pictures, OutputFormat format,
                 std::ostream& out, const ExportOptions& options = {});
void write_graph(const CoMentionGraph& graph, OutputFormat format, std::ostream& out,
                 const ExportOptions& options = {});

// "comention 0.1.0": recorded in outputs.
std::string_view generator_name() noexcept;

}  // namespace comention
