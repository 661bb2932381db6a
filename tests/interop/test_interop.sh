#!/usr/bin/env bash
# The graph opens in the real tools it is meant for: Debian's networkx reads the JSON with
# node_link_graph, and Graphviz renders the DOT with dot, neato and sfdp.
set -euo pipefail
comention=$1
samples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$comention" build "$samples" -o "$work/graph.json" -o "$work/graph.dot" -o "$work/graph.graphml" \
  -o "$work/graph.cyjs" -o "$work/graph.jgf.json" -o "$work/graph.gexf" 2>/dev/null
"$comention" build "$samples" --gexf-version 1.2draft -o "$work/draft.gexf" 2>/dev/null
"$comention" build "$samples" --graphml-graphics yed -o "$work/yed.graphml" 2>/dev/null

# Debian's python3-networkx (2.8.8 on Debian 12) lives with /usr/bin/python3; a python3 earlier
# on PATH may be another installation without it.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
# A dynamic GEXF (--slice): three dated documents, one month without any.
printf '%s\n' '{"id": "a", "date": "2026-01-05", "text": "China and Iran met. Chile too."}' \
  '{"id": "b", "date": "2026-03-20", "text": "China and Iran again."}' \
  '{"id": "c", "date": "2026-03-21", "text": "Chile and Peru."}' >"$work/dated.jsonl"
"$comention" build "$work/dated.jsonl" --date-field date --slice month --gexf-version 1.2draft \
  -o "$work/dynamic.gexf" -o "$work/dynamic.json" 2>/dev/null
"$python" - "$work/dynamic.gexf" "$work/dynamic.json" <<'PY'
import json, sys
import networkx as nx
graph = nx.read_gexf(sys.argv[1])
reference = json.load(open(sys.argv[2]))
assert reference["graph"]["periods"] == ["2026-01", "2026-02", "2026-03"], reference["graph"]["periods"]
china = graph.nodes["CHN"]
assert china["spells"] == [("2026-01-01", "2026-01-31"), ("2026-03-01", "2026-03-31")], china["spells"]
assert china["period_mentions"] == [(1, "2026-01-01", "2026-01-31"), (1, "2026-03-01", "2026-03-31")], china
assert graph.edges["CHL", "PER"]["spells"] == [("2026-03-01", "2026-03-31")]
assert graph.edges["CHN", "IRN"]["count"] == 2
print(f"dynamic GEXF (--slice month): networkx {nx.__version__} reads spells and per-period values; "
      "graph.periods lists the empty month too")
PY
"$python" - "$work/graph.json" <<'PY'
import json, sys
import networkx as nx

data = json.load(open(sys.argv[1]))
graph = nx.node_link_graph(data)
assert not graph.is_directed() and not graph.is_multigraph()
assert graph.number_of_nodes() == len(data["nodes"]) > 5, graph.number_of_nodes()
assert graph.number_of_edges() == len(data["links"]) > 5, graph.number_of_edges()
for node, attrs in graph.nodes(data=True):
    assert attrs["category"] in ("country", "organization"), attrs
    assert "type" not in attrs
    assert graph.degree(node) == attrs["degree"], (node, graph.degree(node), attrs["degree"])
    strength = graph.degree(node, weight="weight")
    assert strength == attrs["strength"], (node, strength, attrs["strength"])
components = list(nx.connected_components(graph))
assert len(components) == data["graph"]["components"], (len(components), data["graph"])

# The network measures agree with networkx's own on the same graph.
def close(a, b, what, node=None):
    assert abs(a - b) <= 1e-9 * max(1.0, abs(b)), (what, node, a, b)

for u, v, attrs in graph.edges(data=True):
    attrs["distance"] = 1.0 / attrs["weight"]
expected = {
    "betweenness": nx.betweenness_centrality(graph),
    "weighted_betweenness": nx.betweenness_centrality(graph, weight="distance"),
    "pagerank": nx.pagerank(graph, weight="weight", tol=1e-13, max_iter=10000),
    "clustering": nx.clustering(graph),
    "core": nx.core_number(graph),
}
for name, values in expected.items():
    for node, attrs in graph.nodes(data=True):
        close(attrs[name], values[node], name, node)
parts = {}
for node, attrs in graph.nodes(data=True):
    parts.setdefault(attrs["community"], set()).add(node)
close(data["graph"]["modularity"], nx.algorithms.community.modularity(graph, parts.values(), weight="weight"), "modularity")
close(data["graph"]["density"], nx.density(graph), "density")
# The other formats hold the same graph: GraphML and Cytoscape JSON through networkx's readers,
# JSON Graph Format by its structure.
def summary(g):
    return (sorted(g.nodes()), sorted((min(u, v), max(u, v), d["weight"], d["count"]) for u, v, d in g.edges(data=True)))

reference = summary(graph)
graphml = nx.read_graphml(sys.argv[1].replace(".json", ".graphml"))
assert summary(graphml) == reference, "GraphML differs from the node-link JSON"
for node, attrs in graphml.nodes(data=True):
    assert attrs["label"] == graph.nodes[node]["label"], node
# With yEd's graphics (--graphml-graphics yed), networkx, which reads yFiles markup, finds the
# same graph, labels and positions; each node's yFiles box is centred on its x and y, y turned down.
import xml.etree.ElementTree as ElementTree
yed = nx.read_graphml(sys.argv[1].replace("graph.json", "yed.graphml"))
assert summary(yed) == reference, "GraphML with yEd graphics differs from the node-link JSON"
namespaces = {"g": "http://graphml.graphdrawing.org/xmlns", "y": "http://www.yworks.com/xml/graphml"}
boxes = 0
for element in ElementTree.parse(sys.argv[1].replace("graph.json", "yed.graphml")).getroot().iterfind(".//g:node", namespaces):
    node = element.get("id")
    assert yed.nodes[node]["label"] == graph.nodes[node]["label"], node
    assert (yed.nodes[node]["x"], yed.nodes[node]["y"]) == (graphml.nodes[node]["x"], graphml.nodes[node]["y"]), node
    box = element.find("g:data/y:ShapeNode/y:Geometry", namespaces)
    centre = (float(box.get("x")) + float(box.get("width")) / 2, float(box.get("y")) + float(box.get("height")) / 2)
    assert abs(centre[0] - graphml.nodes[node]["x"]) < 0.01 and abs(centre[1] + graphml.nodes[node]["y"]) < 0.01, (node, centre)
    assert element.find("g:data/y:ShapeNode/y:Fill", namespaces).get("color") == graphml.nodes[node]["color"], node
    boxes += 1
assert boxes == len(reference[0]), boxes
print(f"GraphML with yEd graphics: networkx reads the same graph; {boxes} yFiles boxes centred on x, y")
cytoscape = nx.cytoscape_graph(json.load(open(sys.argv[1].replace(".json", ".cyjs"))))
assert summary(cytoscape) == reference, "Cytoscape JSON differs from the node-link JSON"
jgf = json.load(open(sys.argv[1].replace(".json", ".jgf.json")))["graph"]
assert jgf["directed"] is False
assert sorted(jgf["nodes"]) == reference[0]
assert all(set(node) == {"label", "metadata"} for node in jgf["nodes"].values())
assert sorted((e["source"], e["target"], e["metadata"]["weight"], e["metadata"]["count"]) for e in jgf["edges"]) == reference[1]
gexf = nx.read_gexf(sys.argv[1].replace("graph.json", "draft.gexf"))  # networkx 2.8 reads 1.2draft
assert summary(gexf) == reference, "GEXF 1.2draft differs from the node-link JSON"
import xml.etree.ElementTree as ElementTree
current = ElementTree.parse(sys.argv[1].replace(".json", ".gexf")).getroot()
namespace = {"g": "http://gexf.net/1.3"}
assert current.get("version") == "1.3"
assert len(current.findall("g:graph/g:nodes/g:node", namespace)) == len(reference[0])
assert len(current.findall("g:graph/g:edges/g:edge", namespace)) == len(reference[1])
# Issue 12: the formats Gephi and Cytoscape open carry the layout and colours of the drawings,
# and all the same layout: GEXF's viz, GraphML's x, y, size and color, Cytoscape's positions.
viz = {node: attrs["viz"] for node, attrs in gexf.nodes(data=True)}
cyjs = {item["data"]["id"]: item for item in json.load(open(sys.argv[1].replace(".json", ".cyjs")))["elements"]["nodes"]}
flip = set()
for node, attrs in graphml.nodes(data=True):
    place = viz[node]["position"]
    assert (attrs["x"], attrs["y"]) == (place["x"], place["y"]), (node, attrs["x"], attrs["y"], place)
    rgb = viz[node]["color"]
    assert attrs["color"] == "#%02x%02x%02x" % (rgb["r"], rgb["g"], rgb["b"]), (node, attrs["color"], rgb)
    assert (attrs["r"], attrs["g"], attrs["b"]) == (rgb["r"], rgb["g"], rgb["b"]), node
    assert attrs["size"] == 2 * viz[node]["size"] > 0, node
    assert cyjs[node]["position"]["x"] == attrs["x"], node
    assert cyjs[node]["data"]["color"] == attrs["color"], node
    flip.add(round(cyjs[node]["position"]["y"] + attrs["y"], 6))  # Cytoscape's y points down
assert len(flip) == 1, f"Cytoscape's y is not Graphviz's turned over: {flip}"
assert len({(v["position"]["x"], v["position"]["y"]) for v in viz.values()}) == len(viz), "two nodes in one place"
print(f"GEXF viz (networkx), GraphML x/y/size/color and Cytoscape positions agree for {len(viz)} nodes")
print("GraphML, GEXF (1.2draft read by networkx, 1.3 well formed), Cytoscape JSON and JSON Graph Format "
      "hold the same nodes, edges and weights")

print(f"networkx {nx.__version__}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
      f"{len(components)} components; degrees, strengths, components, betweenness, pagerank, "
      f"clustering, cores, modularity and density agree")
PY

# networkx 3.6 and later read the edge list under "edges" by default. Debian 12 has 2.8; when a
# newer networkx is installed elsewhere, check that it reads --json-links edges as it is.
if python3 -c 'import sys, networkx; sys.exit(0 if tuple(map(int, networkx.__version__.split(".")[:2])) >= (3, 6) else 1)' 2>/dev/null; then
  "$comention" build "$samples" --json-links edges -o "$work/edges.json" 2>/dev/null
  python3 - "$work/edges.json" "$work/graph.json" <<'PY'
import json, sys
import networkx as nx
graph = nx.node_link_graph(json.load(open(sys.argv[1])))
expected = json.load(open(sys.argv[2]))
assert graph.number_of_edges() == len(expected["links"]), graph.number_of_edges()
print(f"networkx {nx.__version__} reads --json-links edges: {graph.number_of_edges()} edges")
PY
else
  echo "no networkx 3.6 or later here: --json-links edges is checked by the CLI test only"
fi

for engine in dot neato sfdp; do
  "$engine" -Tsvg "$work/graph.dot" -o "$work/graph-$engine.svg"
  grep -q "<svg" "$work/graph-$engine.svg"
  grep -q "class=\"node\"" "$work/graph-$engine.svg"
  echo "$engine -Tsvg: rendered $(grep -c 'class="node"' "$work/graph-$engine.svg") nodes"
done
