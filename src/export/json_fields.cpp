#include "json_fields.hpp"

#include <boost/range/iterator_range.hpp>

#include "comention/dates.hpp"
#include "comention/export.hpp"

namespace comention::detail {
namespace {

// Counts are written as integers ("weight": 3); other measures as numbers with a fraction.
Json number(double value, bool integral) {
  if (integral) return static_cast<std::uint64_t>(value);
  return value;
}

// {"2026-03": 4, "2026-04": 1}: counts by period, in time order.
Json periods_object(const std::vector<std::pair<std::string, std::uint64_t>>& periods) {
  Json object = Json::object();
  for (const auto& [label, count] : periods) object[label] = count;
  return object;
}

bool integral_weights(const CoMentionGraph& graph) { return graph.info.measure == WeightMeasure::count; }

}  // namespace

Json graph_fields(const CoMentionGraph& graph) {
  const Graph& g = graph.graph;
  const GraphInfo& info = graph.info;
  Json meta = Json::object();
  meta["generator"] = generator_name();
  meta["window"] = window_label(info.window, info.token_distance);
  meta["weight"] = to_string(info.measure);
  meta["documents"] = info.documents;
  meta["paragraphs"] = info.paragraphs;
  meta["sentences"] = info.sentences;
  meta["mentions"] = info.mentions;
  meta["nodes"] = boost::num_vertices(g);
  meta["edges"] = boost::num_edges(g);
  meta["components"] = info.components;
  if (info.measured) {
    meta["density"] = info.measures.density;
    meta["communities"] = info.measures.communities;
    meta["modularity"] = info.measures.modularity;
  }
  if (!info.slice.empty()) {
    meta["slice"] = info.slice;
    meta["periods"] = info.periods;
  }
  if (!info.slice.empty() || info.undated > 0 || info.outside_range > 0) {
    meta["undated"] = info.undated;
    meta["outside_range"] = info.outside_range;
  }
  return meta;
}

Json node_fields(const CoMentionGraph& graph, Graph::vertex_descriptor v) {
  const NodeProperties& node = graph.graph[v];
  const GraphInfo& info = graph.info;
  Json item = Json::object();
  item["label"] = node.label;
  item["category"] = to_string(node.category);
  if (node.category == Category::country) {
    item["iso2"] = node.iso2;
    item["iso3"] = node.iso3;
    item["region"] = node.region;
    if (node.historical) item["historical"] = true;
  }
  item["mentions"] = node.mentions;
  item["documents"] = node.documents;
  item["degree"] = node.degree;
  item["strength"] = number(node.strength, integral_weights(graph));
  item["component"] = node.component;
  if (info.measured) {
    const NodeMetrics& measures = node.measures;
    item["betweenness"] = measures.betweenness;
    item["weighted_betweenness"] = measures.weighted_betweenness;
    item["pagerank"] = measures.pagerank;
    item["clustering"] = measures.clustering;
    item["core"] = measures.core;
    item["community"] = measures.community;
  }
  if (!info.slice.empty()) item["periods"] = periods_object(node.periods);
  return item;
}

Json edge_fields(const CoMentionGraph& graph, Graph::edge_descriptor e) {
  const EdgeProperties& edge = graph.graph[e];
  Json item = Json::object();
  item["weight"] = number(edge.weight, integral_weights(graph));
  item["count"] = edge.count;
  item["documents"] = edge.documents;
  if (!graph.info.slice.empty()) item["periods"] = periods_object(edge.periods);
  if (!edge.evidence.empty()) {
    Json evidence = Json::array();
    for (const Evidence& window : edge.evidence) {
      Json item_json{{"doc", window.document}, {"start", window.start}, {"end", window.end}, {"text", window.text}};
      if (window.date) item_json["date"] = period_label(*window.date, Slice::day);
      if (!window.title.empty()) item_json["title"] = window.title;
      // Where the source's and the target's names are, to mark them in the text.
      item_json["names"] = Json::array({Json::array({window.source_name.start, window.source_name.end}),
                                        Json::array({window.target_name.start, window.target_name.end})});
      evidence.push_back(std::move(item_json));
    }
    item["evidence"] = std::move(evidence);
  }
  return item;
}

std::string dump_json(const Json& document, int indent) {
  return document.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace comention::detail
