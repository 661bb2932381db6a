// Writers for the co-mention graph. Each format is a sibling that reads the same CoMentionGraph.
//
//   comention::write_graph(graph, comention::OutputFormat::dot, std::cout);
//
// DOT is produced through Graphviz's cgraph (never by pasting strings), JSON is networkx's
// node-link form. Both are deterministic: the same graph gives the same bytes.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "comention/graph.hpp"

namespace comention {

enum class OutputFormat { dot, json, graphml, gexf, cytoscape, jgf };
std::string_view to_string(OutputFormat format) noexcept;
std::optional<OutputFormat> parse_output_format(std::string_view name) noexcept;
// The format a file name implies by its extension (.dot, .gv, .json, .graphml, .gexf, .cyjs,
// .jgf.json), if any.
std::optional<OutputFormat> format_for_path(std::string_view path) noexcept;

// Graphviz DOT: `strict graph`, countries as ellipses and organizations as boxes, labels from
// the gazetteer, edge weight, penwidth scaled from the weight, and tooltips with the counts.
// cgraph is not thread-safe: call this from one thread at a time.
void write_dot(const CoMentionGraph& graph, std::ostream& out);

// Which key node-link JSON gives the edge list: networkx up to 3.5 and d3 read "links",
// networkx 3.6 and later "edges"; "both" writes the list under each key.
enum class LinkKey { links, edges, both };
std::optional<LinkKey> parse_link_key(std::string_view name) noexcept;

// Node-link JSON: {"directed": false, "multigraph": false, "graph": {...}, "nodes": [...],
// "links": [...]}, read by networkx's node_link_graph and by d3-force.
void write_json(const CoMentionGraph& graph, std::ostream& out, LinkKey key = LinkKey::links);

// GraphML, with descriptive key ids ("label", "weight") and declared types.
void write_graphml(const CoMentionGraph& graph, std::ostream& out);

// GEXF: 1.3 (Gephi's current), or 1.2draft, the version networkx 2.8 reads.
enum class GexfVersion { v1_3, v1_2draft };
void write_gexf(const CoMentionGraph& graph, std::ostream& out, GexfVersion version = GexfVersion::v1_3);

// Cytoscape.js elements: {"data": {...}, "directed": false, "multigraph": false,
// "elements": {"nodes": [{"data": {"id", "value", "name", ...}}], "edges": [...]}}.
void write_cytoscape(const CoMentionGraph& graph, std::ostream& out);

// JSON Graph Format v2: {"graph": {"directed": false, "nodes": {ID: {"label", "metadata"}},
// "edges": [{"source", "target", "metadata": {"weight", "count", "documents"}}]}}.
void write_jgf(const CoMentionGraph& graph, std::ostream& out);

struct ExportOptions {
  LinkKey link_key = LinkKey::links;          // node-link JSON only
  GexfVersion gexf = GexfVersion::v1_3;       // GEXF only
};

void write_graph(const CoMentionGraph& graph, OutputFormat format, std::ostream& out,
                 const ExportOptions& options = {});

// "comention 0.1.0": recorded in outputs.
std::string_view generator_name() noexcept;

}  // namespace comention
