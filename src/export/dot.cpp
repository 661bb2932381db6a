// Graphviz DOT writer. cgraph's types stay inside this file; cgraph is not thread-safe, so every
// use of it here holds one lock.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "comention/export.hpp"

namespace comention {
namespace {

std::mutex& cgraph_mutex() {
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

struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};

// cgraph's C interface takes char* for strings it only reads.
char* c_str(const std::string& text) { return const_cast<char*>(text.c_str()); }

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}


}  // namespace

void write_dot(const CoMentionGraph& graph, std::ostream& out) {
  std::lock_guard lock(cgraph_mutex());
  const Graph& g = graph.graph;
  const GraphInfo& info = graph.info;

  Agdisc_t discipline = {&AgMemDisc, &AgIdDisc, &stream_io};
  std::unique_ptr<Agraph_t, GraphCloser> dot(
      agopen(c_str("comention"), Agstrictundirected, &discipline));
  if (!dot) throw std::runtime_error("cgraph could not create a graph");
  Agraph_t* root = dot.get();

  auto graph_attribute = [&](const std::string& name, const std::string& value) {
    agattr(root, AGRAPH, c_str(name), c_str(value));
  };
  graph_attribute("comment", std::string(generator_name()) + "; window=" +
                                 window_label(info.window, info.token_distance) + "; weight=" +
                                 std::string(to_string(info.measure)) + "; " +
                                 count_of(info.documents, "document"));
  graph_attribute("overlap", "false");
  graph_attribute("splines", "true");
  graph_attribute("outputorder", "edgesfirst");
  graph_attribute("fontname", "Helvetica");

  // Declaring every attribute with its default keeps agwrite's output uniform.
  auto node_attribute = [&](const char* name, const char* fallback) {
    return agattr(root, AGNODE, c_str(name), c_str(fallback));
  };
  Agsym_t* label = node_attribute("label", "\\N");
  Agsym_t* shape = node_attribute("shape", "ellipse");
  Agsym_t* style = node_attribute("style", "filled");
  Agsym_t* fill = node_attribute("fillcolor", "#cfe2f3");
  Agsym_t* border = node_attribute("color", "#3d85c6");
  Agsym_t* tooltip = node_attribute("tooltip", "");
  Agsym_t* category = node_attribute("category", "country");
  Agsym_t* mentions = node_attribute("mentions", "0");
  Agsym_t* documents = node_attribute("documents", "0");
  node_attribute("fontname", "Helvetica");

  auto edge_attribute = [&](const char* name, const char* fallback) {
    return agattr(root, AGEDGE, c_str(name), c_str(fallback));
  };
  Agsym_t* weight = edge_attribute("weight", "1");
  Agsym_t* penwidth = edge_attribute("penwidth", "1");
  Agsym_t* edge_tooltip = edge_attribute("tooltip", "");
  Agsym_t* edge_documents = edge_attribute("documents", "0");
  edge_attribute("color", "#00000080");

  std::vector<Agnode_t*> nodes;
  nodes.reserve(boost::num_vertices(g));
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& node = g[v];
    Agnode_t* n = agnode(root, c_str(node.id), 1);
    agxset(n, label, c_str(node.label));
    if (node.category == Category::organization) {
      agxset(n, shape, c_str("box"));
      agxset(n, style, c_str("filled,rounded"));
      agxset(n, fill, c_str("#fde9c9"));
      agxset(n, border, c_str("#e69138"));
      agxset(n, category, c_str("organization"));
    } else if (node.historical) {
      agxset(n, style, c_str("filled,dashed"));
      agxset(n, fill, c_str("#eeeeee"));
    }
    agxset(n, tooltip, c_str(node.label + " (" + node.id + "): " + count_of(node.mentions, "mention") +
                             " in " + count_of(node.documents, "document")));
    agxset(n, mentions, c_str(std::to_string(node.mentions)));
    agxset(n, documents, c_str(std::to_string(node.documents)));
    nodes.push_back(n);
  }

  // Pen width grows from 1 to 6 points with the weight: with the logarithm of a count, so that
  // one dominant pair does not make every other line a hairline; linearly between the lowest and
  // the highest value of any other measure (PMI may be negative).
  const bool by_count = info.measure == WeightMeasure::count;
  double low = 0;
  double high = 0;
  bool first = true;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const double value = by_count ? std::log(static_cast<double>(g[e].count)) : g[e].weight;
    low = first ? value : std::min(low, value);
    high = first ? value : std::max(high, value);
    first = false;
  }
  if (by_count) low = 0;
  const std::string measure_name(to_string(info.measure));
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto s = boost::source(e, g);
    const auto t = boost::target(e, g);
    const EdgeProperties& data = g[e];
    Agedge_t* edge = agedge(root, nodes[s], nodes[t], nullptr, 1);
    const double value = by_count ? std::log(static_cast<double>(data.count)) : data.weight;
    const double scale = high > low ? (value - low) / (high - low) : 0.0;
    // Layout engines want an integer weight: the count, whatever the measure.
    agxset(edge, weight, c_str(std::to_string(data.count)));
    agxset(edge, penwidth, c_str(format_number(1.0 + 5.0 * scale)));
    std::string text = g[s].label + " – " + g[t].label + ": together " +
                       describe_count(info.window, info.token_distance, data.count) + " in " +
                       count_of(data.documents, "document");
    if (!by_count) {
      agsafeset(edge, c_str("score"), c_str(format_number(data.weight)), c_str(""));
      text += "; " + measure_name + " " + format_number(data.weight);
    }
    for (const Evidence& window : data.evidence) text += "\n\xE2\x80\xA2 " + window.text;  // "• "
    agxset(edge, edge_tooltip, c_str(text));
    agxset(edge, edge_documents, c_str(std::to_string(data.documents)));
  }

  if (agwrite(root, &out) != 0 || !out) throw std::runtime_error("cannot write DOT output");
}

}  // namespace comention
