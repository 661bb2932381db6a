// Loads comention's output with the JavaScript readers people actually use (graphology and its
// GEXF and GraphML parsers, Cytoscape.js, d3-force) and checks that each one sees the same graph
// as the node-link JSON, which is the reference.
//
//   node tests/interop/npm_readers.mjs DIR
//
// DIR holds graph.json, graph.gexf (GEXF 1.3), draft.gexf (GEXF 1.2draft), graph.graphml,
// graph.cyjs and graph.graphology.json. Every reader is tried even after one fails, so a single run
// shows every disagreement; the exit status is non-zero when any failed.
//
// COMENTION_ALLOW_MISSING_GRAPHOLOGY=1 lets graph.graphology.json be absent (skipped, not failed)
// while its writer is being written.

import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {inspect} from 'node:util';

import cytoscape from 'cytoscape';
import {forceCenter, forceLink, forceManyBody, forceSimulation} from 'd3-force';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';

const show = value => inspect(value, {breakLength: Infinity, maxArrayLength: 10});

// An undirected edge is an unordered pair; this key is the same whichever end a format puts first.
const pairKey = (a, b) => (a < b ? `${a} -- ${b}` : `${b} -- ${a}`);

// ---------------------------------------------------------------------------------------------
// The reference: the node-link JSON.

function readReference(dir) {
  const data = JSON.parse(readFileSync(path.join(dir, 'graph.json'), 'utf8'));
  assert.equal(data.directed, false, 'graph.json: "directed" should be false');
  assert.ok(Array.isArray(data.nodes), 'graph.json: no "nodes" array');
  assert.ok(Array.isArray(data.links), 'graph.json: no "links" array (written with --json-links edges?)');

  const nodes = new Map();
  for (const node of data.nodes) {
    assert.equal(typeof node.id, 'string', `graph.json: node id ${show(node.id)} is not a string`);
    assert.ok(!nodes.has(node.id), `graph.json: node ${node.id} appears twice`);
    nodes.set(node.id, node);
  }
  const edges = new Map();
  for (const link of data.links) {
    const key = pairKey(link.source, link.target);
    assert.ok(nodes.has(link.source) && nodes.has(link.target), `graph.json: link ${key} names an unknown node`);
    assert.ok(!edges.has(key), `graph.json: link ${key} appears twice`);
    edges.set(key, link);
  }
  // Guards against a vacuous pass on an empty or truncated graph.
  assert.ok(nodes.size > 5 && edges.size > 5, `graph.json: only ${nodes.size} nodes, ${edges.size} links`);
  return {graph: data.graph ?? {}, nodes, edges, raw: data};
}

// ---------------------------------------------------------------------------------------------
// Comparisons shared by the readers. `where` names the reader and file in every message.

function assertSameKeys(where, what, actualKeys, expectedKeys) {
  const actual = new Set(actualKeys);
  const expected = new Set(expectedKeys);
  const missing = [...expected].filter(key => !actual.has(key));
  const extra = [...actual].filter(key => !expected.has(key));
  assert.ok(
    missing.length === 0 && extra.length === 0,
    `${where}: ${what} differ from graph.json: missing ${show(missing)}, unexpected ${show(extra)}`
  );
}

// Every attribute graph.json gives the item (other than the listed ones) must come through with
// the same value and the same JavaScript type: 4 and '4' differ, which is how a format's declared
// attribute types are checked. `allowedExtras` are keys the format adds on purpose.
function assertSameAttributes(where, what, actual, expected, {skip = [], allowedExtras = []} = {}) {
  for (const [key, value] of Object.entries(expected)) {
    if (skip.includes(key)) continue;
    // Nested values (--evidence lists, --slice "periods" objects) exist only in the JSON: GEXF and
    // GraphML have no attribute type for them. They are compared where a format does carry them.
    if (typeof value === 'object' && value !== null && !(key in actual)) continue;
    assert.ok(key in actual, `${where}: ${what} has no attribute "${key}" (graph.json: ${show(value)})`);
    assert.deepEqual(
      actual[key],
      value,
      `${where}: ${what} attribute "${key}" is ${show(actual[key])}, graph.json has ${show(value)}`
    );
  }
  for (const key of Object.keys(actual)) {
    assert.ok(
      key in expected || allowedExtras.includes(key) || skip.includes(key),
      `${where}: ${what} has attribute "${key}" = ${show(actual[key])}, which graph.json does not have`
    );
  }
}

// Graph-level attributes: formats carry a subset of graph.json's "graph" object, so only the ones
// a reader does see are compared, and those must agree.
function assertGraphAttributesAgree(where, actual, reference) {
  for (const [key, value] of Object.entries(actual)) {
    if (!(key in reference.graph)) continue;
    assert.deepEqual(value, reference.graph[key], `${where}: graph attribute "${key}" is ${show(value)}, graph.json has ${show(reference.graph[key])}`);
  }
}

// sigma.js treats a node or edge attribute named "type" as its renderer name and fails on an
// unknown one, so a graph meant for graphology must not have it.
function assertNoTypeAttribute(where, what, attributes) {
  assert.ok(!('type' in attributes), `${where}: ${what} has an attribute named "type" (${show(attributes.type)}), which breaks sigma.js`);
}

// A graphology Graph built by any reader: an undirected simple graph whose nodes and edges carry
// graph.json's attributes. `nodeOptions`/`edgeOptions` say what the format leaves out or adds.
function checkGraphologyGraph(where, graph, reference, {nodeOptions, edgeOptions, extraNodeCheck}) {
  assert.equal(graph.type, 'undirected', `${where}: graph type is "${graph.type}", expected "undirected"`);
  assert.equal(graph.multi, false, `${where}: the reader made a multigraph, so some pair has two edges`);
  assertSameKeys(where, 'node ids', graph.nodes(), reference.nodes.keys());

  graph.forEachNode((id, attributes) => {
    const what = `node ${id}`;
    assertNoTypeAttribute(where, what, attributes);
    assertSameAttributes(where, what, attributes, reference.nodes.get(id), {skip: ['id'], ...nodeOptions});
    extraNodeCheck?.(id, attributes);
  });

  const seen = [];
  graph.forEachEdge((key, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const pair = pairKey(source, target);
    const what = `edge ${pair}`;
    assert.ok(undirected, `${where}: ${what} is directed`);
    assertNoTypeAttribute(where, what, attributes);
    const expected = reference.edges.get(pair);
    if (expected) assertSameAttributes(where, what, attributes, expected, {skip: ['source', 'target'], ...edgeOptions});
    seen.push(pair);
  });
  assertSameKeys(where, 'edges (unordered pairs)', seen, reference.edges.keys());
  assert.equal(seen.length, reference.edges.size, `${where}: ${seen.length} edges for ${reference.edges.size} pairs`);
  return `${graph.order} nodes, ${graph.size} edges match`;
}

// ---------------------------------------------------------------------------------------------
// The readers. Each returns the summary printed after its name.

function checkGexf(dir, file, reference) {
  const where = `graphology-gexf (${file})`;
  const text = readFileSync(path.join(dir, file), 'utf8');
  // Without respectInputGraphType the parser picks the graph type from the file, which is what is
  // under test: defaultedgetype="undirected" has to give an undirected graph.
  const graph = gexf.parse(Graph, text);
  assertGraphAttributesAgree(where, graph.getAttributes(), reference);
  // GEXF puts the node label in the label attribute and the edge weight in the weight attribute,
  // and graphology-gexf maps both to attributes of those names; everything else is <attvalue>s
  // read with their declared types. GEXF edge ids are the graphology edge keys; graph.json has
  // none, so they are not compared.
  // viz:position, viz:color, viz:size and viz:thickness (issue 12) become x, y, z, color, size
  // and thickness: the drawing's layout and colours, the same as graphology's.
  const drawn = readDrawn(dir);
  const summary = checkGraphologyGraph(where, graph, reference, {
    nodeOptions: {allowedExtras: ['x', 'y', 'z', 'size', 'color']},
    edgeOptions: {allowedExtras: ['thickness']},
    extraNodeCheck(id, attributes) {
      assertSamePlace(where, id, attributes.x, attributes.y, drawn.get(id));
      assert.equal(attributes.color, rgbOf(drawn.get(id).color), `${where}: node ${id} colour`);
      assert.ok(attributes.size > 0, `${where}: node ${id} size is ${show(attributes.size)}`);
    },
  });
  graph.forEachEdge((key, attributes) => {
    assert.ok(attributes.thickness >= 1 && attributes.thickness <= 6, `${where}: edge ${key} thickness ${show(attributes.thickness)}`);
  });
  return `${summary}; viz positions and colours are graphology's`;
}

// The layout as graph.graphology.json has it: the reference every other positioned format of the
// same run (and of a run with the same options: layouts are deterministic) must agree with.
function readDrawn(dir) {
  const data = JSON.parse(readFileSync(path.join(dir, 'graph.graphology.json'), 'utf8'));
  return new Map(data.nodes.map(node => [node.key, node.attributes]));
}

function assertSamePlace(where, id, x, y, expected) {
  assert.ok(expected, `${where}: node ${id} is not in graph.graphology.json`);
  assert.ok(x === expected.x && y === expected.y,
    `${where}: node ${id} is at (${x}, ${y}), graphology has (${expected.x}, ${expected.y})`);
}

const rgbOf = hex => `rgb(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)})`;

function checkGraphml(dir, reference) {
  const where = 'graphology-graphml (graph.graphml)';
  const graph = graphml.parse(Graph, readFileSync(path.join(dir, 'graph.graphml'), 'utf8'));
  // The reader adds the <graph id="..."> as an "id" graph attribute; graph.json has no such key.
  assertGraphAttributesAgree(where, graph.getAttributes(), reference);
  const drawn = readDrawn(dir);
  const summary = checkGraphologyGraph(where, graph, reference, {
    nodeOptions: {allowedExtras: ['x', 'y', 'size', 'color', 'r', 'g', 'b']},
    extraNodeCheck(id, attributes) {
      assertSamePlace(where, id, attributes.x, attributes.y, drawn.get(id));
      // graphology-graphml folds Gephi's r, g, b into color, which comention also gives as hex.
      assert.equal(attributes.color, drawn.get(id).color, `${where}: node ${id} colour`);
    },
  });
  return `${summary}; x, y and colours are graphology's`;
}

function checkCytoscape(dir, reference) {
  const where = 'cytoscape (graph.cyjs)';
  const document = JSON.parse(readFileSync(path.join(dir, 'graph.cyjs'), 'utf8'));
  assert.ok(document.elements?.nodes && document.elements?.edges, `${where}: no elements.nodes / elements.edges`);
  // The preset layout keeps the positions the file gives, as Cytoscape does when it opens one.
  const cy = cytoscape({headless: true, elements: document.elements, data: document.data, layout: {name: 'preset'}});
  assertGraphAttributesAgree(where, cy.data(), reference);

  const nodes = cy.nodes();
  assertSameKeys(where, 'node ids', nodes.map(node => node.id()), reference.nodes.keys());
  nodes.forEach(node => {
    const data = node.data();
    // "name" and "value" are what networkx's cytoscape_data writes and reads back; Cytoscape.js
    // styles usually show data(label) or data(name), so both must be the label.
    assert.equal(data.name, reference.nodes.get(node.id()).label, `${where}: node ${node.id()} name`);
    assert.equal(data.value, node.id(), `${where}: node ${node.id()} value`);
    assertSameAttributes(where, `node ${node.id()}`, data, reference.nodes.get(node.id()),
      {allowedExtras: ['name', 'value', 'color', 'width', 'height']});
  });
  // Positions and colours from the drawing (issue 12): x as graphology's, y turned over (Cytoscape
  // draws y downwards), so y + graphology's y is one constant.
  const drawn = readDrawn(dir);
  const flips = new Set();
  nodes.forEach(node => {
    const expected = drawn.get(node.id());
    assert.equal(node.position('x'), expected.x, `${where}: node ${node.id()} x`);
    flips.add(Math.round((node.position('y') + expected.y) * 1e6));
    assert.equal(node.data('color'), expected.color, `${where}: node ${node.id()} colour`);
    assert.ok(node.data('width') > 0 && node.data('height') > 0, `${where}: node ${node.id()} size`);
  });
  assert.equal(flips.size, 1, `${where}: y is not graphology's y turned over`);

  const seen = [];
  cy.edges().forEach(edge => {
    const pair = pairKey(edge.data('source'), edge.data('target'));
    const expected = reference.edges.get(pair);
    // Cytoscape.js makes up an id for an edge that has none; graph.json has no edge ids to compare.
    if (expected) assertSameAttributes(where, `edge ${pair}`, edge.data(), expected, {allowedExtras: ['id']});
    seen.push(pair);
  });
  assertSameKeys(where, 'edges (unordered pairs)', seen, reference.edges.keys());
  assert.equal(seen.length, reference.edges.size, `${where}: ${seen.length} edges for ${reference.edges.size} pairs`);

  // Algorithms on the loaded graph. Weighted degree centrality with alpha = 1 is the sum of the
  // incident edge weights, so it only matches comention's strength when weights are numbers on
  // the right edges; the connected components must match comention's count.
  const weight = edge => edge.data('weight');
  nodes.forEach(node => {
    const {degree} = cy.elements().degreeCentrality({root: node, weight, alpha: 1});
    const expected = reference.nodes.get(node.id()).strength;
    assert.ok(Math.abs(degree - expected) <= 1e-9 * Math.max(1, expected),
      `${where}: weighted degree of ${node.id()} is ${degree}, graph.json strength ${expected}`);
  });
  const components = cy.elements().components().length;
  if ('components' in reference.graph) {
    assert.equal(components, reference.graph.components, `${where}: ${components} connected components, graph.json says ${reference.graph.components}`);
  }
  return `${nodes.length} nodes, ${cy.edges().length} edges match; weighted degree = strength, ${components} components; positions and colours are graphology's`;
}

function checkD3Force(reference) {
  const where = 'd3-force (graph.json)';
  // d3 writes x, y, vx, vy into the nodes and replaces link ends by node objects: work on copies.
  const nodes = reference.raw.nodes.map(node => ({...node}));
  const links = reference.raw.links.map(link => ({...link}));
  // forceLink throws "node not found" for a link end that is no node id: that is the check that
  // every link resolves.
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).id(node => node.id))
    .force('charge', forceManyBody())
    .force('center', forceCenter(0, 0));
  // The simulation starts a timer when created; stop it and run the layout synchronously.
  simulation.stop();
  simulation.tick(300);

  const byId = new Map(nodes.map(node => [node.id, node]));
  for (const node of nodes) {
    assert.ok(Number.isFinite(node.x) && Number.isFinite(node.y), `${where}: node ${node.id} ended at (${node.x}, ${node.y})`);
  }
  links.forEach((link, index) => {
    const original = reference.raw.links[index];
    assert.equal(link.source, byId.get(original.source), `${where}: link ${index} source did not resolve to node ${original.source}`);
    assert.equal(link.target, byId.get(original.target), `${where}: link ${index} target did not resolve to node ${original.target}`);
  });
  return `${nodes.length} nodes laid out at finite positions, ${links.length} links resolved`;
}

function checkGraphologySerialisation(dir, reference) {
  const where = 'graphology (graph.graphology.json)';
  const data = JSON.parse(readFileSync(path.join(dir, 'graph.graphology.json'), 'utf8'));
  assert.equal(data.options?.type, 'undirected', `${where}: options.type is ${show(data.options?.type)}`);
  assert.equal(data.options?.multi, false, `${where}: options.multi is ${show(data.options?.multi)}`);
  // Graph.from builds the graph with the options the file declares, as sigma.js users do.
  const graph = Graph.from(data);
  assertGraphAttributesAgree(where, graph.getAttributes(), reference);

  // The serialisation adds what a renderer needs (positions, sizes, colours, the colour group)
  // on top of graph.json's attributes; positions must be usable numbers rather than equal to
  // anything. A new renderer attribute has to be added to these lists on purpose.
  const summary = checkGraphologyGraph(where, graph, reference, {
    nodeOptions: {allowedExtras: ['x', 'y', 'size', 'color', 'group']},
    edgeOptions: {allowedExtras: ['size', 'color']},
    extraNodeCheck(id, attributes) {
      for (const key of ['x', 'y']) {
        assert.ok(typeof attributes[key] === 'number' && Number.isFinite(attributes[key]),
          `${where}: node ${id} ${key} is ${show(attributes[key])}, expected a finite number`);
      }
      if ('size' in attributes) {
        assert.ok(Number.isFinite(attributes.size) && attributes.size > 0, `${where}: node ${id} size is ${show(attributes.size)}`);
      }
    },
  });
  for (const edge of data.edges) {
    assert.equal(edge.undirected, true, `${where}: edge ${edge.key ?? pairKey(edge.source, edge.target)} is not marked undirected`);
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------

const dir = process.argv[2];
if (!dir || process.argv.length > 3) {
  console.error('usage: node npm_readers.mjs DIR   (DIR holds graph.json, graph.gexf, draft.gexf, graph.graphml, graph.cyjs, graph.graphology.json)');
  process.exit(2);
}

let failures = 0;
function run(name, check) {
  try {
    console.log(`${name}: ${check()}`);
  } catch (error) {
    failures += 1;
    // An AssertionError's or a missing file's message is the whole story; anything else (a parser
    // throwing) needs its stack.
    const brief = error instanceof assert.AssertionError || error.code === 'ENOENT';
    console.error(`FAIL ${name}: ${brief ? error.message : error.stack}`);
  }
}

let reference;
try {
  reference = readReference(dir);
} catch (error) {
  console.error(`FAIL graph.json: ${error.message}`);
  process.exit(1);
}

run('graphology-gexf', () => checkGexf(dir, 'graph.gexf', reference));
run('graphology-gexf 1.2draft', () => checkGexf(dir, 'draft.gexf', reference));
run('graphology-graphml', () => checkGraphml(dir, reference));
run('cytoscape', () => checkCytoscape(dir, reference));
run('d3-force', () => checkD3Force(reference));
if (!existsSync(path.join(dir, 'graph.graphology.json'))) {
  if (process.env.COMENTION_ALLOW_MISSING_GRAPHOLOGY === '1') {
    console.log('graphology: skipped: graph.graphology.json missing');
  } else {
    failures += 1;
    console.error(`FAIL graphology: ${path.join(dir, 'graph.graphology.json')} is missing`);
  }
} else {
  run('graphology', () => checkGraphologySerialisation(dir, reference));
}

if (failures > 0) {
  console.error(`${failures} JavaScript reader(s) disagree with graph.json`);
  process.exit(1);
}
