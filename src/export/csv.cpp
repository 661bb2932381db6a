// CSV tables for spreadsheets and pandas: RFC 4180, one header row, CRLF line ends.
#include <boost/range/iterator_range.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

#include "attributes.hpp"
#include "comention/export.hpp"

namespace comention {
namespace {

// A field is quoted only when it must be: when it holds a comma, a quote or a line break.
void put_field(std::ostream& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << field;
    return;
  }
  out << '"';
  for (const char c : field) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

class CsvRow {
 public:
  explicit CsvRow(std::ostream& out) : out_(out) {}
  CsvRow& operator<<(std::string_view field) {
    if (!first_) out_ << ',';
    first_ = false;
    put_field(out_, field);
    return *this;
  }
  CsvRow& operator<<(std::uint64_t number) { return *this << std::string_view(std::to_string(number)); }
  CsvRow& operator<<(double number) { return *this << std::string_view(detail::format_double(number)); }
  ~CsvRow() { out_ << "\r\n"; }

 private:
  std::ostream& out_;
  bool first_ = true;
};

void write_nodes(const CoMentionGraph& graph, std::ostream& out) {
  const Graph& g = graph.graph;
  const bool measured = graph.info.measured;
  {
    CsvRow header(out);
    for (const char* name : {"id", "label", "category", "iso2", "iso3", "region", "historical", "mentions",
                             "documents", "degree", "strength", "component"}) {
      header << name;
    }
    if (measured) {
      for (const char* name : {"betweenness", "weighted_betweenness", "pagerank", "clustering", "core", "community"}) {
        header << name;
      }
    }
  }
  for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProperties& node = g[v];
    CsvRow row(out);
    row << node.id << node.label << to_string(node.category) << node.iso2 << node.iso3 << node.region
        << (node.historical ? "true" : "false") << node.mentions << node.documents << node.degree
        << node.strength << std::uint64_t{node.component};
    if (measured) {
      const NodeMetrics& m = node.measures;
      row << m.betweenness << m.weighted_betweenness << m.pagerank << m.clustering << std::uint64_t{m.core}
          << std::uint64_t{m.community};
    }
  }
}

void write_edges(const CoMentionGraph& graph, std::ostream& out) {
  const Graph& g = graph.graph;
  bool evidence = false;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) evidence = evidence || !g[e].evidence.empty();
  {
    CsvRow header(out);
    for (const char* name : {"source", "target", "source_label", "target_label", "weight", "count", "documents"}) {
      header << name;
    }
    if (evidence) header << "evidence";
  }
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const NodeProperties& source = g[boost::source(e, g)];
    const NodeProperties& target = g[boost::target(e, g)];
    const EdgeProperties& edge = g[e];
    CsvRow row(out);
    row << source.id << target.id << source.label << target.label;
    // A count is an integer in every other format; so it is here.
    if (graph.info.measure == WeightMeasure::count) {
      row << edge.count;
    } else {
      row << edge.weight;
    }
    row << edge.count << edge.documents;
    if (evidence) {
      // One window a line, each led by its document: readable in a spreadsheet cell.
      std::string text;
      for (const Evidence& window : edge.evidence) {
        if (!text.empty()) text += '\n';
        text += window.document + ": " + window.text;
      }
      row << text;
    }
  }
}

}  // namespace

void write_csv(const CoMentionGraph& graph, std::ostream& out, CsvTable table) {
  if (table == CsvTable::nodes) {
    write_nodes(graph, out);
  } else {
    write_edges(graph, out);
  }
}

}  // namespace comention
