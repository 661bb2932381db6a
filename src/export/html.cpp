// The HTML viewer: comention's own page template, stylesheet and script (src/export/viewer/,
// compiled in), filled with the graph's data and its layout's positions; the script draws it on a
// canvas, which stays smooth with tens of thousands of ties where an SVG of them would not.
// Nothing is fetched at view time, and no third-party script is involved.
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include <set>
#include <utility>

#include "attributes.hpp"
#include "comention/backbone.hpp"
#include "comention/dates.hpp"
#include "comention/export.hpp"
#include "embedded_data.hpp"
#include "json_fields.hpp"
#include "style.hpp"

namespace comention {
namespace {

std::string_view viewer_file(std::string_view name) {
  for (const detail::EmbeddedFile& file : detail::embedded_viewer_files()) {
    if (file.name == name) return file.content;
  }
  throw std::logic_error("viewer file not compiled in: " + std::string(name));
}

// JSON inside <script> must never hold "</script" nor "<!--", which change how HTML reads a
// script's end; writing every "<" as the JSON escape \u003c (it appears only inside strings)
// rules out both and keeps the data's meaning.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// Positions come from the run's one layout (the drawing), so the viewer and the other outputs
// of a run agree on where each entity is.
detail::Json viewer_data(const CoMentionGraph& graph, const Drawing& drawing, const ExportOptions& options) {
  using detail::Json;
  const Graph& g = graph.graph;
  const detail::DiagramStyle style = detail::style_diagram(graph, options);
  // The page opens on the same backbone as the drawings, so a large graph is readable at first
  // sight; the whole graph is one click away. Entities and ties are matched by id, since the
  // backbone is a graph of its own.
  const Backbone backbone = extract_backbone(graph, options.backbone);
  const std::string backbone_legend = describe(backbone.summary);
  const bool partial = !backbone_legend.empty();
  std::set<std::string> backbone_nodes;
  std::set<std::pair<std::string, std::string>> backbone_ties;
  if (partial) {
    const Graph& shown = backbone.graph.graph;
    for (const auto v : boost::make_iterator_range(boost::vertices(shown))) backbone_nodes.insert(shown[v].id);
    for (const auto e : boost::make_iterator_range(boost::edges(shown))) {
      backbone_ties.emplace(shown[boost::source(e, shown)].id, shown[boost::target(e, shown)].id);
    }
  }

  Json nodes = Json::array();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    Json item = Json::object();
    item["id"] = g[v].id;
    item["color"] = style.nodes[v].fill;
    item["border"] = style.nodes[v].border;
    item["group"] = style.nodes[v].group;
    item["size"] = style.nodes[v].size;
    // Layout points, y upwards as Graphviz has them; the page fits them to its pane.
    item["x"] = drawing.nodes.at(v).x;
    item["y"] = drawing.nodes.at(v).y;
    // With --slice, "periods" holds the mentions by period, which the time control shows.
    item.update(detail::node_fields(graph, v));
    if (partial) item["backbone"] = backbone_nodes.contains(g[v].id);
    nodes.push_back(std::move(item));
  }

  Json edges = Json::array();
  double low = 0;
  double high = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProperties& edge = g[e];
    Json item = Json::object();
    item["source"] = boost::source(e, g);
    item["target"] = boost::target(e, g);
    Json fields = detail::edge_fields(graph, e);
    item["weight"] = fields["weight"];
    item["count"] = edge.count;
    item["documents"] = edge.documents;
    item["strength"] = style.edge_strength[edges.size()];
    if (partial) {
      const std::string& source = g[boost::source(e, g)].id;
      const std::string& target = g[boost::target(e, g)].id;
      item["backbone"] = backbone_ties.contains({source, target}) || backbone_ties.contains({target, source});
    }
    if (fields.contains("periods")) item["periods"] = std::move(fields["periods"]);
    Json evidence = Json::array();
    for (const Evidence& window : edge.evidence) {
      Json piece{{"document", window.document}, {"text", window.text}};
      if (!window.title.empty()) piece["title"] = window.title;
      if (window.date) piece["date"] = period_label(*window.date, Slice::day);
      // The two names as byte spans of the shown text, which the page marks; a name past the
      // cut of a long window is not shown, so it gets no mark.
      Json marks = Json::array();
      for (const Span& name : {window.source_name, window.target_name}) {
        if (name.start >= window.start && name.end > name.start && name.end - window.start <= window.text.size()) {
          marks.push_back(Json::array({name.start - window.start, name.end - window.start}));
        }
      }
      piece["marks"] = std::move(marks);
      evidence.push_back(std::move(piece));
    }
    item["evidence"] = std::move(evidence);
    low = edges.empty() ? edge.weight : std::min(low, edge.weight);
    high = edges.empty() ? edge.weight : std::max(high, edge.weight);
    edges.push_back(std::move(item));
  }

  Json meta = detail::graph_fields(graph);
  meta["color_by"] = to_string(style.color_by);
  Json data = Json::object();
  data["graph"] = std::move(meta);
  data["nodes"] = std::move(nodes);
  data["edges"] = std::move(edges);
  data["weight"] = Json{{"measure", to_string(graph.info.measure)}, {"min", low}, {"max", high}};
  Json legend = Json::array();
  for (const detail::LegendEntry& entry : style.legend) {
    legend.push_back(Json{{"color", entry.color}, {"text", entry.text}});
  }
  data["legend"] = Json{{"heading", style.color_heading}, {"entries", std::move(legend)}};
  if (partial) {
    data["backbone"] = Json{{"description", backbone_legend.substr(0, backbone_legend.find('\n'))},
                            {"entities", backbone.summary.nodes_shown},
                            {"ties", backbone.summary.edges_shown}};
  }
  return data;
}

}  // namespace

void write_html(const CoMentionGraph& graph, std::ostream& out, const ExportOptions& options) {
  write_html(graph, draw_graph(graph, options), out, options);
}

void write_html(const CoMentionGraph& graph, const Drawing& drawing, std::ostream& out, const ExportOptions& options) {
  const std::size_t entities = boost::num_vertices(graph.graph);
  const std::string title = "comention: " + std::to_string(entities) + (entities == 1 ? " entity, " : " entities, ") +
                            count_of(boost::num_edges(graph.graph), "tie");
  const std::string data = script_safe(detail::dump_json(viewer_data(graph, drawing, options), -1));

  // One pass over the template: text put in is never searched for placeholders again.
  const std::string_view page = viewer_file("viewer.html");
  std::size_t done = 0;
  while (done < page.size()) {
    const std::size_t at = page.find('@', done);
    if (at == std::string_view::npos) break;
    const std::size_t end = page.find('@', at + 1);
    if (end == std::string_view::npos) break;
    const std::string_view name = page.substr(at + 1, end - at - 1);
    std::string_view replacement;
    if (name == "TITLE") {
      replacement = title;
    } else if (name == "STYLE") {
      replacement = viewer_file("viewer.css");
    } else if (name == "DATA") {
      replacement = data;
    } else if (name == "SCRIPT") {
      replacement = viewer_file("viewer.js");
    } else {
      out << page.substr(done, end - done);  // an @ that starts no placeholder
      done = end;
      continue;
    }
    out << page.substr(done, at - done) << replacement;
    done = end + 1;
  }
  out << page.substr(done);
}

}  // namespace comention
