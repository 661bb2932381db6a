// Internal: the JSON fields that node-link JSON, graphology and the HTML viewer share, so the
// three say the same thing about a node, an edge and the run. nlohmann's types stay in src/export.
#pragma once

#include <nlohmann/json.hpp>

#include "comention/graph.hpp"

namespace comention::detail {

using Json = nlohmann::ordered_json;  // keeps fields in the order written: stable bytes

// The run: generator, window, weight measure, totals, measures, time slices.
Json graph_fields(const CoMentionGraph& graph);
// A node without its id: label, category (never "type": sigma.js reserves it), codes, counts,
// measures, periods.
Json node_fields(const CoMentionGraph& graph, Graph::vertex_descriptor v);
// An edge without its ends: weight, count, documents, periods, evidence.
Json edge_fields(const CoMentionGraph& graph, Graph::edge_descriptor e);

// Serialises with invalid UTF-8 replaced: document ids are paths as given, and paths need not
// be UTF-8.
std::string dump_json(const Json& document, int indent);

}  // namespace comention::detail
