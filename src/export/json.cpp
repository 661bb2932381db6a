// JSON node-link writer. nlohmann's types stay inside this file.
#include <boost/range/iterator_range.hpp>
#include <nlohmann/json.hpp>

#include "comention/export.hpp"

namespace comention {

namespace {

using Json = nlohmann::ordered_json;  // keeps fields in the order written: stable bytes

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

}  // namespace

void write_json(const CoMentionGraph& graph, std::ostream& out, LinkKey key) {
  const Graph& g = graph.graph;
  const GraphInfo& info = graph.info;
  const bool integral = info.measure == WeightMeasure::count;

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

  Json nodes = Json::array();
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& node = g[v];
    Json item = Json::object();
    item["id"] = node.id;
    item["label"] = node.label;
    item["category"] = to_string(node.category);  // never "type": sigma.js reserves it
    if (node.category == Category::country) {
      item["iso2"] = node.iso2;
      item["iso3"] = node.iso3;
      item["region"] = node.region;
      if (node.historical) item["historical"] = true;
    }
    item["mentions"] = node.mentions;
    item["documents"] = node.documents;
    item["degree"] = node.degree;
    item["strength"] = number(node.strength, integral);
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
    nodes.push_back(std::move(item));
  }

  Json links = Json::array();
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    Json item = Json::object();
    item["source"] = g[boost::source(e, g)].id;
    item["target"] = g[boost::target(e, g)].id;
    item["weight"] = number(g[e].weight, integral);
    item["count"] = g[e].count;
    item["documents"] = g[e].documents;
    if (!info.slice.empty()) item["periods"] = periods_object(g[e].periods);
    if (!g[e].evidence.empty()) {
      Json evidence = Json::array();
      for (const Evidence& window : g[e].evidence) {
        evidence.push_back(Json{{"doc", window.document}, {"start", window.start}, {"end", window.end},
                                {"text", window.text}});
      }
      item["evidence"] = std::move(evidence);
    }
    links.push_back(std::move(item));
  }

  Json document = Json::object();
  document["directed"] = false;
  document["multigraph"] = false;
  document["graph"] = std::move(meta);
  document["nodes"] = std::move(nodes);
  if (key == LinkKey::links || key == LinkKey::both) document["links"] = links;
  if (key == LinkKey::edges || key == LinkKey::both) document["edges"] = std::move(links);
  // Document ids in evidence are paths as given for text files, and paths need not be UTF-8.
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace comention
