// Unit tests for export.hpp: node-link JSON, Graphviz DOT, and output format names.
#include "comention/export.hpp"

#include <doctest/doctest.h>

#include <boost/range/iterator_range.hpp>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "comention/gazetteer.hpp"
#include "comention/graph.hpp"
#include "test_support.hpp"

namespace {

using comention::CoMentionGraph;
using comention::Counts;
using comention::OutputFormat;
using Json = nlohmann::json;

const comention::Gazetteer& gazetteer() {
  static const comention::Gazetteer instance = [] {
    comention::GazetteerBuilder builder;
    builder.add_text(
        "entity\tCHN\tcountry\tChina\tiso2=CN\tiso3=CHN\tregion=Asia\tlat=35\tlon=105\n"
        "entity\tIRN\tcountry\tIran\tiso2=IR\tiso3=IRN\tregion=Asia\tlat=32\tlon=53\n"
        "entity\tNER\tcountry\tNiger, \"the\" Republic\tiso2=NE\tiso3=NER\tregion=Africa\tlat=16\tlon=8\n"
        "entity\tWHO\torganization\tWorld Health Organization\n",
        "export_test.tsv");
    return builder.build();
  }();
  return instance;
}

// CHN -3- IRN, CHN -1- WHO, and NER alone:
//
//        3              1
//   IRN ---- CHN ------------ WHO        NER
CoMentionGraph small_graph(comention::Window window = comention::Window::paragraph) {
  const auto& g = gazetteer();
  Counts counts;
  counts.nodes.resize(g.entities().size());
  counts.nodes[*g.find("CHN")] = {5, 3};
  counts.nodes[*g.find("IRN")] = {3, 2};
  counts.nodes[*g.find("NER")] = {1, 1};
  counts.nodes[*g.find("WHO")] = {2, 1};
  counts.edges[comention::edge_key(*g.find("CHN"), *g.find("IRN"))] = {3, 2};
  counts.edges[comention::edge_key(*g.find("WHO"), *g.find("CHN"))] = {1, 1};
  counts.documents = 4;
  counts.paragraphs = 9;
  counts.sentences = 17;
  counts.mentions = 11;
  return comention::build_graph(counts, g, window);
}

std::string json_text(const CoMentionGraph& graph) {
  std::ostringstream out;
  comention::write_json(graph, out);
  return out.str();
}

std::string dot_text(const CoMentionGraph& graph) {
  std::ostringstream out;
  comention::write_dot(graph, out);
  return out.str();
}

bool has_key_anywhere(const Json& value, std::string_view key) {
  if (value.is_object()) {
    for (const auto& [name, child] : value.items()) {
      if (name == key || has_key_anywhere(child, key)) return true;
    }
  } else if (value.is_array()) {
    for (const auto& child : value) {
      if (has_key_anywhere(child, key)) return true;
    }
  }
  return false;
}

const Json& node_named(const Json& document, std::string_view id) {
  for (const auto& node : document.at("nodes")) {
    if (node.at("id") == id) return node;
  }
  FAIL("no node " << std::string(id));
  throw;  // unreachable: FAIL throws
}

}  // namespace

namespace comention::detail_for_tests {
// The shortest text that reads back as the same double, as the XML writers print numbers.
std::string shortest(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}
}  // namespace comention::detail_for_tests

namespace {

using comention::testing::contains;

// The line of a DOT text that declares node `id` (its attribute list may span lines).
std::string dot_statement(const std::string& dot, const std::string& start) {
  const auto begin = dot.find("\t" + start + "\t");
  if (begin == std::string::npos) return {};
  const auto end = dot.find("];", begin);
  return dot.substr(begin, end == std::string::npos ? std::string::npos : end - begin + 2);
}

}  // namespace

TEST_SUITE("export") {

TEST_CASE("write_json writes an undirected, simple node-link graph") {
  const Json document = Json::parse(json_text(small_graph()));
  CHECK(document.at("directed") == false);
  CHECK(document.at("multigraph") == false);
  REQUIRE(document.at("graph").is_object());
  REQUIRE(document.at("nodes").is_array());
  REQUIRE(document.at("links").is_array());
}

TEST_CASE("write_json records the window and totals as graph metadata") {
  const Json meta = Json::parse(json_text(small_graph(comention::Window::paragraph))).at("graph");
  CHECK(meta.at("window") == "paragraph");
  CHECK(meta.at("documents") == 4);
  CHECK(meta.at("paragraphs") == 9);
  CHECK(meta.at("sentences") == 17);
  CHECK(meta.at("mentions") == 11);
  CHECK(meta.at("nodes") == 4);
  CHECK(meta.at("edges") == 2);
  CHECK(meta.at("components") == 2);
  CHECK(meta.at("generator") == std::string(comention::generator_name()));

  const Json sentence = Json::parse(json_text(small_graph(comention::Window::sentence))).at("graph");
  CHECK(sentence.at("window") == "sentence");
}

TEST_CASE("write_json nodes carry id, label, category, codes, counts and measures") {
  const Json document = Json::parse(json_text(small_graph()));
  const Json& nodes = document.at("nodes");
  REQUIRE(nodes.size() == 4);
  CHECK(nodes[0].at("id") == "CHN");
  CHECK(nodes[1].at("id") == "IRN");
  CHECK(nodes[2].at("id") == "NER");
  CHECK(nodes[3].at("id") == "WHO");
  for (const auto& node : nodes) {
    CAPTURE(node.dump());
    for (const char* key : {"id", "label", "category", "mentions", "documents", "degree", "strength", "component"}) {
      CAPTURE(key);
      CHECK(node.contains(key));
    }
  }

  const Json& china = node_named(document, "CHN");
  CHECK(china.at("label") == "China");
  CHECK(china.at("category") == "country");
  CHECK(china.at("iso2") == "CN");
  CHECK(china.at("iso3") == "CHN");
  CHECK(china.at("mentions") == 5);
  CHECK(china.at("documents") == 3);
  CHECK(china.at("degree") == 2);
  CHECK(china.at("strength") == 4);
  CHECK(china.at("component") == 0);

  const Json& niger = node_named(document, "NER");
  CHECK(niger.at("iso2") == "NE");
  CHECK(niger.at("degree") == 0);
  CHECK(niger.at("component") == 1);

  const Json& who = node_named(document, "WHO");
  CHECK(who.at("label") == "World Health Organization");
  CHECK(who.at("category") == "organization");
  CHECK(who.at("strength") == 1);
  CHECK(who.at("component") == 0);
}

TEST_CASE("write_json never writes a type key, which sigma.js reserves") {
  const Json document = Json::parse(json_text(small_graph()));
  CHECK_FALSE(has_key_anywhere(document, "type"));
  CHECK(has_key_anywhere(document, "category"));  // the check above can find keys
}

TEST_CASE("write_json links carry source, target, weight and documents") {
  const Json links = Json::parse(json_text(small_graph())).at("links");
  REQUIRE(links.size() == 2);
  CHECK(links[0].at("source") == "CHN");
  CHECK(links[0].at("target") == "IRN");
  CHECK(links[0].at("weight") == 3);
  CHECK(links[0].at("documents") == 2);
  CHECK(links[1].at("source") == "CHN");
  CHECK(links[1].at("target") == "WHO");
  CHECK(links[1].at("weight") == 1);
  CHECK(links[1].at("documents") == 1);
}

TEST_CASE("write_json is deterministic") {
  const CoMentionGraph graph = small_graph();
  const std::string first = json_text(graph);
  CHECK(first == json_text(graph));
  CHECK(first == json_text(small_graph()));
  CHECK(first.back() == '\n');
}

TEST_CASE("write_json of an empty graph has empty node and link lists") {
  Counts counts;
  counts.nodes.resize(gazetteer().entities().size());
  const Json document =
      Json::parse(json_text(comention::build_graph(counts, gazetteer(), comention::Window::sentence)));
  CHECK(document.at("nodes").empty());
  CHECK(document.at("links").empty());
  CHECK(document.at("graph").at("components") == 0);
}

TEST_CASE("write_dot writes a strict undirected graph with the edges") {
  const std::string dot = dot_text(small_graph());
  CHECK(dot.starts_with("strict graph"));
  CHECK(contains(dot, "CHN -- IRN"));
  CHECK(contains(dot, "CHN -- WHO"));
  CHECK_FALSE(contains(dot, "IRN -- WHO"));
  CHECK_FALSE(contains(dot, "->"));
}

TEST_CASE("write_dot gives edges a weight, a pen width and a tooltip") {
  const std::string dot = dot_text(small_graph());
  CHECK(contains(dot, "penwidth"));
  CHECK(contains(dot, "tooltip"));
  const std::string heavy = dot_statement(dot, "CHN -- IRN");
  CAPTURE(heavy);
  CHECK(contains(heavy, "weight=3"));
  CHECK(contains(heavy, "penwidth=6.00"));  // the heaviest edge gets the widest pen
  const std::string light = dot_statement(dot, "CHN -- WHO");
  CAPTURE(light);
  CHECK(contains(light, "penwidth=1.00"));
}

TEST_CASE("write_dot draws organizations as boxes and labels nodes from the gazetteer") {
  const std::string dot = dot_text(small_graph());
  const std::string who = dot_statement(dot, "WHO");
  CAPTURE(who);
  CHECK(contains(who, "shape=box"));
  CHECK(contains(who, "World Health Organization"));
  const std::string china = dot_statement(dot, "CHN");
  CAPTURE(china);
  CHECK(contains(china, "label=China"));
  CHECK_FALSE(contains(china, "shape=box"));
  CHECK(contains(dot, "NER"));  // isolated nodes are written too
}

TEST_CASE("write_dot tooltips give the counts and the window") {
  const std::string dot = dot_text(small_graph(comention::Window::paragraph));
  const std::string china = dot_statement(dot, "CHN");
  CAPTURE(china);
  CHECK(contains(china, "5 mentions in 3 documents"));
  const std::string edge = dot_statement(dot, "CHN -- IRN");
  CAPTURE(edge);
  CHECK(contains(edge, "together in 3 paragraphs in 2 documents"));
  const std::string light = dot_statement(dot, "CHN -- WHO");
  CAPTURE(light);
  CHECK(contains(light, "together in 1 paragraph in 1 document\""));
}

TEST_CASE("write_dot is deterministic") {
  const CoMentionGraph graph = small_graph();
  CHECK(dot_text(graph) == dot_text(graph));
  CHECK(dot_text(graph) == dot_text(small_graph()));
}

TEST_CASE("write_graph writes the format asked for") {
  const CoMentionGraph graph = small_graph();
  std::ostringstream json;
  comention::write_graph(graph, OutputFormat::json, json);
  CHECK(json.str() == json_text(graph));
  std::ostringstream dot;
  comention::write_graph(graph, OutputFormat::dot, dot);
  CHECK(dot.str() == dot_text(graph));
}

TEST_CASE("format_for_path picks the format from the file extension") {
  CHECK(comention::format_for_path("graph.dot") == OutputFormat::dot);
  CHECK(comention::format_for_path("out/graph.gv") == OutputFormat::dot);
  CHECK(comention::format_for_path("graph.json") == OutputFormat::json);
  CHECK(comention::format_for_path("/tmp/x.y/graph.json") == OutputFormat::json);
  CHECK_FALSE(comention::format_for_path("graph").has_value());
  CHECK_FALSE(comention::format_for_path("graph.txt").has_value());
  CHECK_FALSE(comention::format_for_path("dir.json/graph").has_value());
  CHECK_FALSE(comention::format_for_path("").has_value());
}

TEST_CASE("parse_output_format reads format names and to_string writes them") {
  CHECK(comention::parse_output_format("dot") == OutputFormat::dot);
  CHECK(comention::parse_output_format("gv") == OutputFormat::dot);
  CHECK(comention::parse_output_format("json") == OutputFormat::json);
  CHECK_FALSE(comention::parse_output_format("gml").has_value());
  CHECK_FALSE(comention::parse_output_format("").has_value());
  for (const OutputFormat format : {OutputFormat::dot, OutputFormat::json, OutputFormat::graphml,
                                    OutputFormat::gexf, OutputFormat::cytoscape, OutputFormat::jgf}) {
    CHECK(comention::parse_output_format(comention::to_string(format)) == format);
  }
}

TEST_CASE("generator_name names comention and its version") {
  CHECK(std::string_view(comention::generator_name()).starts_with("comention "));
  CHECK(comention::generator_name().size() > std::string_view("comention ").size());
}


TEST_CASE("GraphML declares descriptive, typed keys and holds every node and edge") {
  std::ostringstream out;
  comention::write_graphml(small_graph(), out);
  const std::string text = out.str();
  CHECK(text.find("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>") != std::string::npos);
  CHECK(text.find("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>") != std::string::npos);
  CHECK(text.find("id=\"d0\"") == std::string::npos);
  CHECK(text.find("edgedefault=\"undirected\"") != std::string::npos);
  CHECK(text.find("<node id=\"CHN\">") != std::string::npos);
}

TEST_CASE("Cytoscape JSON gives each node the value networkx needs, JGF only label and metadata") {
  std::ostringstream cytoscape;
  comention::write_cytoscape(small_graph(), cytoscape);
  const Json elements = Json::parse(cytoscape.str());
  CHECK(elements.at("data").is_object());
  for (const Json& node : elements.at("elements").at("nodes")) {
    CHECK(node.at("data").at("value") == node.at("data").at("id"));
    CHECK_FALSE(node.at("data").contains("type"));
  }
  std::ostringstream jgf;
  comention::write_jgf(small_graph(), jgf);
  const Json graph = Json::parse(jgf.str()).at("graph");
  CHECK(graph.at("directed") == false);
  for (const auto& [id, node] : graph.at("nodes").items()) {
    CAPTURE(id);
    CHECK(node.size() == 2);
    CHECK(node.contains("label"));
    CHECK(node.contains("metadata"));
  }
  CHECK(graph.at("edges").at(0).at("metadata").contains("weight"));
}

TEST_CASE("the new formats are chosen by extension") {
  CHECK(comention::format_for_path("g.graphml") == comention::OutputFormat::graphml);
  CHECK(comention::format_for_path("g.gexf") == comention::OutputFormat::gexf);
  CHECK(comention::format_for_path("g.cyjs") == comention::OutputFormat::cytoscape);
  CHECK(comention::format_for_path("g.jgf.json") == comention::OutputFormat::jgf);
  CHECK(comention::format_for_path("g.json") == comention::OutputFormat::json);
}


TEST_CASE("GEXF declares its attributes and names its version") {
  std::ostringstream current;
  comention::write_gexf(small_graph(), current);
  CHECK(current.str().find("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">") != std::string::npos);
  CHECK(current.str().find("<attribute id=\"mentions\" title=\"mentions\" type=\"long\"/>") != std::string::npos);
  CHECK(current.str().find("defaultedgetype=\"undirected\"") != std::string::npos);
  std::ostringstream draft;
  comention::write_gexf(small_graph(), draft, comention::GexfVersion::v1_2draft);
  CHECK(draft.str().find("http://www.gexf.net/1.2draft") != std::string::npos);
}


std::string written(const CoMentionGraph& graph, OutputFormat format, const comention::ExportOptions& options = {}) {
  std::ostringstream out;
  comention::write_graph(graph, format, out, options);
  return out.str();
}

TEST_CASE("the drawing formats render in-process, again and again in one process") {
  const CoMentionGraph graph = small_graph();
  // Several renderings in one process: Graphviz keeps state between them (its font cache).
  for (int round = 0; round < 3; ++round) {
    const std::string svg = written(graph, OutputFormat::svg);
    CHECK(svg.starts_with("<?xml"));
    CHECK(contains(svg, "<title>CHN</title>"));
    CHECK(contains(svg, "class=\"node\""));
    CHECK(written(graph, OutputFormat::png).starts_with("\x89PNG\r\n\x1a\n"));
    CHECK(written(graph, OutputFormat::pdf).starts_with("%PDF-"));
  }
  CHECK(written(graph, OutputFormat::svg) == written(small_graph(), OutputFormat::svg));
}

TEST_CASE("one drawing serves every drawn output: the pictures, the viewer and graphology") {
  const CoMentionGraph graph = small_graph();
  const comention::Drawing drawing = comention::draw_graph(
      graph, {}, {OutputFormat::svg, OutputFormat::png, OutputFormat::html, OutputFormat::graphology});
  REQUIRE(drawing.nodes.size() == 4);
  REQUIRE(drawing.edges.size() == 2);
  // Only the pictures are rendered: the viewer and graphology need positions.
  CHECK(drawing.rendered.size() == 2);
  CHECK(drawing.right > drawing.left);
  CHECK(drawing.top > drawing.bottom);
  for (const comention::DrawnNode& node : drawing.nodes) {
    CHECK(node.width > 0);
    CHECK(node.height > 0);
    CHECK(node.fill.starts_with("#"));
    CHECK(node.x >= drawing.left);
    CHECK(node.x <= drawing.right);
  }

  std::ostringstream svg;
  comention::write_diagram(drawing, OutputFormat::svg, svg);
  CHECK(svg.str().starts_with("<?xml"));
  CHECK(contains(svg.str(), "xlink:title=\"China (CHN)"));

  std::ostringstream graphology;
  comention::write_graphology(graph, drawing, graphology);
  const Json document = Json::parse(graphology.str());
  for (std::size_t v = 0; v < 4; ++v) {
    CHECK(document["nodes"][v]["attributes"]["x"].get<double>() == drawing.nodes[v].x);
    CHECK(document["nodes"][v]["attributes"]["y"].get<double>() == drawing.nodes[v].y);
    CHECK(document["nodes"][v]["attributes"]["color"] == drawing.nodes[v].fill);
  }

  // The viewer places each entity where the drawing does: one layout, not two.
  std::ostringstream page;
  comention::write_html(graph, drawing, page);
  const std::string opening = "<script type=\"application/json\" id=\"comention-data\">";
  const auto start = page.str().find(opening);
  REQUIRE(start != std::string::npos);
  const auto data_start = start + opening.size();
  const Json data = Json::parse(page.str().substr(data_start, page.str().find("</script>", data_start) - data_start));
  REQUIRE(data["nodes"].size() == 4);
  for (std::size_t v = 0; v < 4; ++v) {
    CHECK(data["nodes"][v]["x"].get<double>() == drawing.nodes[v].x);
    CHECK(data["nodes"][v]["y"].get<double>() == drawing.nodes[v].y);
  }
}

TEST_CASE("GEXF, GraphML and Cytoscape carry the drawing's positions, colours and sizes") {
  const CoMentionGraph graph = small_graph();
  const comention::Drawing drawing = comention::draw_graph(graph);
  const comention::DrawnNode& china = drawing.nodes[0];  // CHN: vertices are in id order
  REQUIRE(graph.graph[0].id == "CHN");
  const std::string x = comention::detail_for_tests::shortest(china.x);
  const std::string y = comention::detail_for_tests::shortest(china.y);

  std::ostringstream gexf;
  comention::write_gexf(graph, drawing, gexf);
  CHECK(contains(gexf.str(), "xmlns:viz=\"http://gexf.net/1.3/viz\""));
  CHECK(contains(gexf.str(), "<viz:position x=\"" + x + "\" y=\"" + y + "\" z=\"0\"/>"));
  CHECK(contains(gexf.str(), "<viz:thickness value="));
  std::ostringstream draft;
  comention::write_gexf(graph, drawing, draft, comention::GexfVersion::v1_2draft);
  CHECK(contains(draft.str(), "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""));
  // Without a drawing, no viz at all: the file stays what it was.
  std::ostringstream plain;
  comention::write_gexf(graph, plain);
  CHECK_FALSE(contains(plain.str(), "viz"));

  std::ostringstream graphml;
  comention::write_graphml(graph, drawing, graphml);
  CHECK(contains(graphml.str(), "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>"));
  CHECK(contains(graphml.str(), "<data key=\"x\">" + x + "</data>"));
  CHECK(contains(graphml.str(), "<data key=\"color\">" + china.fill + "</data>"));

  std::ostringstream cyjs;
  comention::write_cytoscape(graph, drawing, cyjs);
  const Json document = Json::parse(cyjs.str());
  const Json& node = document["elements"]["nodes"][0];
  CHECK(node["position"]["x"].get<double>() == china.x);
  CHECK(node["position"]["y"].get<double>() == doctest::Approx(drawing.top + drawing.bottom - china.y));
  CHECK(node["data"]["color"] == china.fill);
  CHECK(node["data"]["width"].get<double>() == china.width);
}

TEST_CASE("GraphML carries yEd's graphics only when asked, from the same drawing") {
  const CoMentionGraph graph = small_graph();
  const comention::Drawing drawing = comention::draw_graph(graph);
  const comention::DrawnNode& china = drawing.nodes[0];
  REQUIRE(graph.graph[0].id == "CHN");

  std::ostringstream plain;
  comention::write_graphml(graph, drawing, plain);
  CHECK_FALSE(contains(plain.str(), "yfiles"));
  CHECK_FALSE(contains(plain.str(), "xmlns:y="));

  std::ostringstream yed;
  comention::write_graphml(graph, drawing, yed, comention::GraphmlGraphics::yed);
  const std::string text = yed.str();
  CHECK(contains(text, "xmlns:y=\"http://www.yworks.com/xml/graphml\""));
  CHECK(contains(text, "<key id=\"yed_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>"));
  CHECK(contains(text, "<key id=\"yed_edge\" for=\"edge\" yfiles.type=\"edgegraphics\"/>"));
  // The box's top-left corner with y turned down, as yEd places a node.
  const std::string geometry = "<y:Geometry x=\"" + comention::detail_for_tests::shortest(china.x - china.width / 2) +
                               "\" y=\"" + comention::detail_for_tests::shortest(-china.y - china.height / 2) + "\"";
  CHECK(contains(text, geometry));
  CHECK(contains(text, "<y:Fill color=\"" + china.fill + "\" transparent=\"false\"/>"));
  CHECK(contains(text, ">" + graph.graph[0].label + "</y:NodeLabel><y:Shape type=\"ellipse\"/>"));
  // One graphics element a node and an edge, and the plain attributes are all still there.
  const auto occurrences = [&](std::string_view needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
    return count;
  };
  CHECK(occurrences("<y:ShapeNode>") == boost::num_vertices(graph.graph));
  CHECK(occurrences("<y:PolyLineEdge>") == boost::num_edges(graph.graph));
  CHECK(occurrences("<data key=\"x\">") == boost::num_vertices(graph.graph));
}

TEST_CASE("a writer asked for a picture the drawing lacks says so") {
  const CoMentionGraph graph = small_graph();
  const comention::Drawing drawing = comention::draw_graph(graph, {}, {OutputFormat::svg});
  std::ostringstream out;
  CHECK_THROWS_AS(comention::write_diagram(drawing, OutputFormat::png, out), std::invalid_argument);
  CHECK_THROWS_AS(comention::write_diagram(drawing, OutputFormat::json, out), std::invalid_argument);
}

TEST_CASE("edges are curved while the graph is small, straight above, or as asked") {
  const CoMentionGraph small = small_graph();
  comention::ExportOptions options;
  CHECK(comention::curved_edges(small, options));
  CHECK(contains(written(small, OutputFormat::dot, options), "splines=true"));
  options.splines = comention::Splines::straight;
  CHECK_FALSE(comention::curved_edges(small, options));
  CHECK(contains(written(small, OutputFormat::dot, options), "splines=line"));
  CHECK_FALSE(comention::draw_graph(small, options).curved);

  // A ring of kCurvedNodeLimit + 1 entities is past the limit: straight unless asked for curves.
  comention::GazetteerBuilder builder;
  std::string table;
  const std::size_t n = comention::kCurvedNodeLimit + 1;
  for (std::size_t i = 0; i < n; ++i) table += "entity\tE" + std::to_string(i) + "\torganization\tE" + std::to_string(i) + "\n";
  builder.add_text(table, "ring.tsv");
  const comention::Gazetteer ring_gazetteer = builder.build();
  Counts counts;
  counts.nodes.assign(n, {1, 1});
  for (std::uint32_t i = 0; i < n; ++i) {
    counts.edges[comention::edge_key(i, static_cast<std::uint32_t>((i + 1) % n))] = {1, 1};
  }
  counts.documents = 1;
  const CoMentionGraph ring = comention::build_graph(counts, ring_gazetteer, comention::Window::sentence);
  REQUIRE(boost::num_vertices(ring.graph) == n);
  options.splines = comention::Splines::automatic;
  CHECK_FALSE(comention::curved_edges(ring, options));
  options.splines = comention::Splines::curved;
  CHECK(comention::curved_edges(ring, options));

  CHECK(comention::parse_splines("auto") == comention::Splines::automatic);
  CHECK(comention::parse_splines("curved") == comention::Splines::curved);
  CHECK(comention::parse_splines("straight") == comention::Splines::straight);
  CHECK_FALSE(comention::parse_splines("true"));
  CHECK(comention::to_string(comention::Splines::automatic) == "auto");
}

TEST_CASE("layout_graph places every node, apart, for every engine") {
  const CoMentionGraph graph = small_graph();
  for (const auto engine : {comention::LayoutEngine::neato, comention::LayoutEngine::fdp, comention::LayoutEngine::sfdp,
                            comention::LayoutEngine::circo, comention::LayoutEngine::dot}) {
    CAPTURE(comention::to_string(engine));
    comention::ExportOptions options;
    options.layout = engine;
    const auto positions = comention::layout_graph(graph, options);
    REQUIRE(positions.size() == 4);
    for (std::size_t i = 0; i < positions.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        CHECK((positions[i].x != positions[j].x || positions[i].y != positions[j].y));
      }
    }
    CHECK(contains(written(graph, OutputFormat::dot, options), "layout=" + std::string(comention::to_string(engine))));
  }
}

TEST_CASE("--geo puts countries where they are on the map and organizations beneath it") {
  comention::ExportOptions options;
  options.geo = true;
  const CoMentionGraph graph = small_graph();
  const auto positions = comention::layout_graph(graph, options);
  std::map<std::string, comention::NodePosition> at;
  for (const auto v : boost::make_iterator_range(boost::vertices(graph.graph))) at[graph.graph[v].id] = positions[v];
  CHECK(at["NER"].x < at["IRN"].x);  // 8 E, 53 E, 105 E
  CHECK(at["IRN"].x < at["CHN"].x);
  CHECK(at["NER"].y < at["IRN"].y);  // 16 N, 32 N
  CHECK(at["WHO"].y < at["NER"].y);  // no place on the map: beneath it
  const std::string dot = written(graph, OutputFormat::dot, options);
  CHECK(contains(dot, "layout=nop"));
  CHECK(contains(dot_statement(dot, "CHN"), "pos=\"1710.00,750.00!\""));  // (105 + 180) * 6, (35 + 90) * 6
}

TEST_CASE("the legend and the colours follow --color-by") {
  const CoMentionGraph graph = small_graph();
  comention::ExportOptions options;
  options.color_by = comention::ColorBy::region;
  const std::string by_region = written(graph, OutputFormat::dot, options);
  CHECK(contains(by_region, "Colour: region"));
  CHECK(contains(by_region, "Asia"));
  CHECK(contains(by_region, "Africa"));
  CHECK(dot_statement(by_region, "CHN").find("fillcolor=\"#e88a8a\"") != std::string::npos);
  CHECK(dot_statement(by_region, "IRN").find("fillcolor=\"#e88a8a\"") != std::string::npos);
  options.color_by = comention::ColorBy::category;
  const std::string by_category = written(graph, OutputFormat::dot, options);
  CHECK(contains(by_category, "Colour: category"));
  CHECK(contains(by_category, "organization"));
  // Communities are known only once measured; unmeasured, the default is the category.
  CHECK(contains(written(graph, OutputFormat::dot), "Colour: category"));
}

TEST_CASE("CSV quotes what must be quoted and nothing else") {
  const CoMentionGraph graph = small_graph();
  comention::ExportOptions node_table;
  node_table.csv_table = comention::CsvTable::nodes;
  const std::string nodes = written(graph, OutputFormat::csv, node_table);
  CHECK(nodes.starts_with("id,label,category,iso2,iso3,region,historical,mentions,documents,degree,strength,component\r\n"));
  CHECK(contains(nodes, "\r\nNER,\"Niger, \"\"the\"\" Republic\",country,NE,NER,Africa,false,1,1,0,0,"));
  CHECK(contains(nodes, "\r\nWHO,World Health Organization,organization,,,,false,2,1,1,1,"));
  const std::string edges = written(graph, OutputFormat::csv);  // the edge table by default
  CHECK(edges == "source,target,source_label,target_label,weight,count,documents\r\n"
                 "CHN,IRN,China,Iran,3,3,2\r\n"
                 "CHN,WHO,China,World Health Organization,1,1,1\r\n");
}

TEST_CASE("graphology: undirected, every node placed, no attribute called type") {
  const Json document = Json::parse(written(small_graph(), OutputFormat::graphology));
  CHECK(document["options"] == Json{{"type", "undirected"}, {"multi", false}, {"allowSelfLoops", false}});
  REQUIRE(document["nodes"].size() == 4);
  for (const auto& node : document["nodes"]) {
    CHECK(node["attributes"]["x"].is_number());
    CHECK(node["attributes"]["y"].is_number());
    CHECK(node["attributes"]["size"].get<double>() >= 4.0);
  }
  for (const auto& edge : document["edges"]) CHECK(edge["undirected"] == true);
  CHECK_FALSE(has_key_anywhere(document["nodes"], "type"));
  CHECK_FALSE(has_key_anywhere(document["edges"], "type"));
}

TEST_CASE("the HTML viewer holds the data with positions, its canvas and script, and no markup from the data") {
  const std::string page = written(small_graph(), OutputFormat::html);
  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(contains(page, "id=\"graph-canvas\""));
  CHECK_FALSE(contains(page, "<svg"));  // the script draws the graph; no Graphviz drawing is embedded
  CHECK(contains(page, "id=\"comention-data\""));
  CHECK(contains(page, "\"x\":"));
  CHECK(contains(page, "\"legend\":"));
  CHECK(contains(page, "Niger, \\\"the\\\" Republic"));  // inside the JSON data, escaped as JSON
  CHECK_FALSE(contains(page, "@DATA@"));
  CHECK_FALSE(contains(page, "@SCRIPT@"));
}

}
