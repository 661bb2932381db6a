// comention graph viewer: draws the co-mention graph on a canvas from the layout's positions and
// makes it explorable (zoom, pan, filters, a time control, details). A canvas, not one SVG element
// per tie, because tens of thousands of ties must redraw within a frame or two.
// The page is self-contained and offline; everything shown from the data goes through textContent
// or fillText, because labels and evidence sentences come from untrusted news text.
'use strict';

(() => {
  const data = JSON.parse(document.getElementById('comention-data').textContent);
  const nodes = data.nodes || [];
  const edges = data.edges || [];
  const graphInfo = data.graph || {};
  const weightRange = data.weight || { measure: graphInfo.weight || 'count', min: 0, max: 0 };
  const byCount = weightRange.measure === 'count';
  const periods = Array.isArray(graphInfo.periods) ? graphInfo.periods : [];

  const canvas = document.getElementById('graph-canvas');
  const context = canvas.getContext('2d');
  const pane = document.getElementById('graph');
  const details = document.getElementById('details');
  const searchBox = document.getElementById('search');
  const slider = document.getElementById('min-weight');
  const sliderValue = document.getElementById('min-weight-value');
  const scaleChoice = document.getElementById('weight-scale');
  const edgeCount = document.getElementById('edge-count');
  const regionChoice = document.getElementById('region-filter');
  const communityChoice = document.getElementById('community-filter');
  const categoryBoxes = [...document.querySelectorAll('#category-filter input')];
  const timeControl = document.getElementById('time-control');
  const periodSlider = document.getElementById('period');
  const periodValue = document.getElementById('period-value');
  const tooltip = document.getElementById('tooltip');
  const backboneBox = document.getElementById('backbone-only');
  // A large graph comes with its backbone marked (the ties the drawings show); the page opens
  // on it, since the whole of a dense graph is a dark core until one zooms or filters.
  const backbone = data.backbone && typeof data.backbone === 'object' ? data.backbone : null;

  const incidentEdges = nodes.map(() => []);
  edges.forEach((edge, j) => {
    incidentEdges[edge.source].push(j);
    incidentEdges[edge.target].push(j);
  });
  const otherEnd = (edge, nodeIndex) => (edge.source === nodeIndex ? edge.target : edge.source);

  const state = {
    selected: null,
    hovered: null,
    query: '',
    minWeight: weightRange.min,
    categories: new Set(categoryBoxes.filter((box) => box.checked).map((box) => box.value)),
    region: '',
    community: '',
    period: null,  // a period's label, or null for the whole time
    backboneOnly: Boolean(backbone && backbone.ties > 0),
  };

  // ---- Formatting -------------------------------------------------------------------------

  function formatValue(value) {
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value !== 'number') return String(value);
    if (Number.isInteger(value)) return String(value);
    if (Math.abs(value) >= 1000) return value.toFixed(0);
    return String(Number(value.toPrecision(3)));
  }

  const fieldNames = {
    iso2: 'ISO alpha-2', iso3: 'ISO alpha-3', pagerank: 'PageRank', core: 'k-core',
    group: 'legend group', historical: 'former state',
  };

  const plural = (count, noun) => `${formatValue(count)} ${noun}${count === 1 ? '' : 's'}`;

  // Letters compare without case or accents, so "cote" finds "Côte d'Ivoire".
  const fold = (text) => String(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

  // ---- Small DOM builders (text only, never markup from data) ------------------------------

  function element(tag, className, text) {
    const created = document.createElement(tag);
    if (className) created.className = className;
    if (text !== undefined) created.textContent = text;
    return created;
  }

  function linkButton(text, label, onClick, className = 'link-button') {
    const button = element('button', className, text);
    button.type = 'button';
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', onClick);
    return button;
  }

  // Lists the wanted keys first, in that order, then any other present fields.
  function fieldList(object, firstKeys, skipKeys, names = {}) {
    const fieldName = (key) => names[key] || fieldNames[key] || key.replace(/_/g, ' ');
    const list = element('dl', 'fields');
    const keys = [...firstKeys, ...Object.keys(object).filter((key) => !firstKeys.includes(key))];
    for (const key of keys) {
      const value = object[key];
      if (skipKeys.includes(key) || value === undefined || value === null || value === '') continue;
      if (typeof value === 'object') continue;
      list.append(element('dt', '', fieldName(key)), element('dd', '', formatValue(value)));
    }
    return list;
  }

  // Only a plain hex colour reaches a style or the canvas, whatever the data says.
  const safeColour = (colour, fallback) => (/^#[0-9a-f]{3,8}$/i.test(colour || '') ? colour : fallback);

  function colourSwatch(colour) {
    const swatch = element('span', 'swatch');
    swatch.style.backgroundColor = safeColour(colour, 'transparent');
    return swatch;
  }

  const edgeName = (edge) => `${nodes[edge.source].label} – ${nodes[edge.target].label}`;
  const periodCount = (item, period) => (item.periods && item.periods[period]) || 0;

  // ---- What is shown -----------------------------------------------------------------------

  // Recomputed only when a filter changes, not on every frame.
  let nodeShown = new Uint8Array(nodes.length);
  let edgeShown = new Uint8Array(edges.length);
  let shownEdgeCount = 0;
  let periodMaximum = 1;  // the largest count of a tie in the period shown

  function nodePasses(node) {
    if (state.backboneOnly && node.backbone !== true) return false;
    if (!state.categories.has(node.category)) return false;
    if (state.region !== '' && node.region !== state.region) return false;
    if (state.community !== '' && String(node.community) !== state.community) return false;
    if (state.period !== null && periodCount(node, state.period) === 0) return false;
    return true;
  }

  function edgePasses(edge) {
    if (state.backboneOnly && edge.backbone !== true) return false;
    if (edge.weight < state.minWeight) return false;
    if (state.period !== null && periodCount(edge, state.period) === 0) return false;
    return nodeShown[edge.source] === 1 && nodeShown[edge.target] === 1;
  }

  const isShown = (edge) => edgePasses(edge);

  function refilter() {
    nodeShown = Uint8Array.from(nodes, (node) => (nodePasses(node) ? 1 : 0));
    shownEdgeCount = 0;
    edges.forEach((edge, j) => {
      edgeShown[j] = edgePasses(edge) ? 1 : 0;
      shownEdgeCount += edgeShown[j];
    });
    edgeCount.textContent = `${shownEdgeCount} of ${plural(edges.length, 'tie')}`;
    // In a period, widths follow that period's counts.
    periodMaximum = 1;
    if (state.period !== null) {
      for (const edge of edges) periodMaximum = Math.max(periodMaximum, periodCount(edge, state.period));
    }
    showDetails();
    requestDraw();
  }

  // ---- Details panel -----------------------------------------------------------------------

  // Bars of a count by period, then the numbers, so that how it moves is seen and can be read.
  function periodChart(item, noun) {
    const box = element('div', 'period-chart');
    const counts = periods.map((period) => periodCount(item, period));
    const highest = Math.max(1, ...counts);
    const bars = element('div', 'periods');
    bars.setAttribute('aria-hidden', 'true');
    const table = element('table', 'period-table');
    periods.forEach((period, k) => {
      const bar = element('div', period === state.period ? 'bar current' : 'bar');
      bar.style.height = `${Math.max(counts[k] ? 4 : 0, (100 * counts[k]) / highest)}%`;
      bar.title = `${period}: ${counts[k]}`;
      bars.append(bar);
      const row = element('tr', period === state.period ? 'current' : '');
      row.dataset.period = period;
      row.append(element('td', '', period), element('td', '', String(counts[k])));
      table.append(row);
    });
    box.append(element('h3', '', `${noun} by ${graphInfo.slice || 'period'}`), bars, table);
    return box;
  }

  function topLists() {
    const parts = [];
    const inPeriod = state.period !== null;
    const nodeScore = (i) => (inPeriod ? periodCount(nodes[i], state.period) : nodes[i].mentions || 0);
    const edgeScore = (j) => (inPeriod ? periodCount(edges[j], state.period) : edges[j].weight);
    const topNodes = nodes.map((_, i) => i).filter((i) => nodeShown[i]).sort((a, b) => nodeScore(b) - nodeScore(a))
      .slice(0, 10);
    const topEdges = [];
    edges.forEach((_, j) => { if (edgeShown[j]) topEdges.push(j); });
    topEdges.sort((a, b) => edgeScore(b) - edgeScore(a));
    topEdges.length = Math.min(topEdges.length, 10);

    const suffix = inPeriod ? ` in ${state.period}` : '';
    if (topNodes.length) {
      const list = element('ol', 'top-list top-entities');
      for (const i of topNodes) {
        const item = element('li');
        item.append(linkButton(nodes[i].label, `Select ${nodes[i].label}`, () => select({ kind: 'node', index: i })),
          ` ${formatValue(nodeScore(i))}`);
        list.append(item);
      }
      parts.push(element('h3', '', `Most mentioned${suffix}`), list);
    }
    if (topEdges.length) {
      const list = element('ol', 'top-list top-ties');
      for (const j of topEdges) {
        const item = element('li');
        item.append(linkButton(edgeName(edges[j]), `Show the tie ${edgeName(edges[j])}`,
          () => select({ kind: 'edge', index: j })), ` ${formatValue(edgeScore(j))}`);
        list.append(item);
      }
      parts.push(element('h3', '', `Strongest ties${suffix}`), list);
    }
    return parts;
  }

  function showSummary() {
    const hint = element('p', 'hint', 'Click an entity or a tie to see details.');
    const heading = element('h3', '', 'This graph');
    const counts = { entities: nodes.length, ties: edges.length };
    const summary = fieldList({ ...counts, ...graphInfo }, ['documents', 'window', 'weight', 'entities', 'ties'],
      ['generator', 'nodes', 'edges'], { weight: 'weight measure' });
    const generator = element('p', 'note', graphInfo.generator ? `Made by ${graphInfo.generator}.` : '');
    const keys = element('p', 'note',
      'Keys: + and − zoom, 0 fits, arrows pan, n and p step through entities, [ and ] through periods, / finds, Esc clears.');
    details.replaceChildren(hint, heading, summary, ...topLists(), generator, keys);
  }

  function showNode(index) {
    const node = nodes[index];
    const title = element('h2');
    title.append(colourSwatch(node.color), node.label);
    const subtitle = element('p', 'subtitle', `${node.id} · ${node.category}`);
    // The legend group is worth a line only when it says more than the region.
    const skip = ['id', 'label', 'category', 'color', 'border', 'size', 'x', 'y',
      ...(node.group === node.region ? ['group'] : [])];
    const fields = fieldList(node, ['mentions', 'documents', 'degree', 'strength'], skip);

    const neighbourEdges = [...incidentEdges[index]].sort((a, b) => edges[b].weight - edges[a].weight);
    const heading = element('h3', '', neighbourEdges.length ? `Neighbours (${neighbourEdges.length})` : 'No neighbours');
    const list = element('ul', 'neighbours');
    for (const j of neighbourEdges) {
      const edge = edges[j];
      const neighbour = nodes[otherEnd(edge, index)];
      const inPeriod = state.period !== null ? ` · ${periodCount(edge, state.period)} in ${state.period}` : '';
      const tieText = (byCount ? `count ${formatValue(edge.count)}`
        : `weight ${formatValue(edge.weight)} · count ${formatValue(edge.count)}`) + inPeriod;
      const item = element('li', edgeShown[j] ? '' : 'below-threshold');
      item.append(
        linkButton(neighbour.label, `Select ${neighbour.label}`, () => select({ kind: 'node', index: otherEnd(edge, index) })),
        linkButton(tieText, `Show the tie ${edgeName(edge)}`, () => select({ kind: 'edge', index: j }), 'link-button tie'));
      list.append(item);
    }
    const chart = periods.length ? [periodChart(node, 'Mentions')] : [];
    details.replaceChildren(title, subtitle, fields, ...chart, heading, list);
  }

  // The evidence text with the two names in <mark>: the marks are UTF-8 byte spans, as
  // comention counts, so they are cut from the encoded text, never from JavaScript's UTF-16.
  function markedText(text, marks) {
    const quote = element('blockquote');
    const bytes = new TextEncoder().encode(text);
    const decoder = new TextDecoder();
    let done = 0;
    for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
      if (start < done || end > bytes.length) continue;  // overlapping or past the text: unmarked
      quote.append(decoder.decode(bytes.subarray(done, start)));
      quote.append(element('mark', '', decoder.decode(bytes.subarray(start, end))));
      done = end;
    }
    quote.append(decoder.decode(bytes.subarray(done)));
    return quote;
  }

  function showEdge(index) {
    const edge = edges[index];
    const title = element('h2', '', edgeName(edge));
    const ends = element('p', 'subtitle');
    for (const end of [edge.source, edge.target]) {
      if (ends.childNodes.length) ends.append(' · ');
      ends.append(linkButton(nodes[end].label, `Select ${nodes[end].label}`, () => select({ kind: 'node', index: end })));
    }
    // Under the count measure the weight is the count; otherwise it is named by its measure.
    const fields = fieldList(edge, ['weight', 'count', 'documents'],
      ['source', 'target', 'strength', ...(byCount ? ['weight'] : [])], { weight: `weight (${weightRange.measure})` });

    const heading = element('h3', '', 'Evidence');
    const evidence = edge.evidence || [];
    let body;
    if (evidence.length === 0) {
      body = element('p', 'note',
        'Evidence sentences were not kept for this graph. Run comention with --evidence K to keep up to K per tie.');
    } else {
      body = element('ul', 'evidence');
      for (const window of evidence) {
        const item = element('li');
        const source = [window.title, window.date, window.document].filter(Boolean).join(' · ');
        item.append(markedText(window.text, window.marks || []), element('cite', '', source));
        body.append(item);
      }
    }
    const chart = periods.length ? [periodChart(edge, 'Count')] : [];
    details.replaceChildren(title, ends, fields, ...chart, heading, body);
  }

  function showDetails() {
    const item = state.selected;
    if (!item) showSummary();
    else if (item.kind === 'node') showNode(item.index);
    else showEdge(item.index);
  }

  // ---- Highlighting ------------------------------------------------------------------------

  const sameItem = (a, b) => (a === b) || (a && b && a.kind === b.kind && a.index === b.index);

  function nodeMatches(node) {
    return state.query !== '' && (fold(node.label).includes(state.query) || fold(node.id).includes(state.query));
  }

  // Each node's and tie's role: 'selected', 'neighbour', 'match', 'dimmed' or ''. Hovering shows an
  // item's neighbourhood for a moment; otherwise the selection's stays shown.
  function roles() {
    const focus = state.hovered || state.selected;
    const nodeRoles = new Array(nodes.length).fill('');
    const edgeRoles = new Map();
    if (focus && focus.kind === 'node') {
      nodeRoles[focus.index] = 'selected';
      for (const j of incidentEdges[focus.index]) {
        if (!edgeShown[j]) continue;
        edgeRoles.set(j, 'neighbour');
        nodeRoles[otherEnd(edges[j], focus.index)] = 'neighbour';
      }
    } else if (focus && focus.kind === 'edge') {
      edgeRoles.set(focus.index, 'selected');
      nodeRoles[edges[focus.index].source] = 'neighbour';
      nodeRoles[edges[focus.index].target] = 'neighbour';
    }
    const searching = state.query !== '';
    const dimOthers = focus !== null || searching;
    for (let i = 0; i < nodes.length; i += 1) {
      if (nodeRoles[i] === '' && searching && nodeMatches(nodes[i])) nodeRoles[i] = 'match';
      else if (nodeRoles[i] === '' && dimOthers) nodeRoles[i] = 'dimmed';
    }
    return { nodeRoles, edgeRoles, dimOthers };
  }

  function select(item) {
    state.selected = item;
    showDetails();
    requestDraw();
  }

  // ---- The view: layout points to CSS pixels -------------------------------------------------

  // Graphviz's y grows upwards, the screen's downwards.
  const worldX = Float64Array.from(nodes, (node) => Number(node.x) || 0);
  const worldY = Float64Array.from(nodes, (node) => -(Number(node.y) || 0));
  const view = { scale: 1, x: 0, y: 0, width: 1, height: 1 };
  let fitScale = 1;
  const MIN_ZOOM = 0.5;   // times the fitted scale
  const MAX_ZOOM = 64;

  // Fits the entities in `only`, or else those shown (the backbone of a large graph fills the
  // pane rather than the middle of the whole graph's extent); all when none is shown.
  function fit(only) {
    const indices = nodes.map((_, i) => i).filter((i) => (only ? only[i] : nodeShown[i]));
    if (indices.length === 0) indices.push(...nodes.map((_, i) => i));
    let left = Infinity; let right = -Infinity; let top = Infinity; let bottom = -Infinity;
    for (const i of indices) {
      left = Math.min(left, worldX[i]); right = Math.max(right, worldX[i]);
      top = Math.min(top, worldY[i]); bottom = Math.max(bottom, worldY[i]);
    }
    if (!Number.isFinite(left)) { left = right = top = bottom = 0; }
    // Wider at the sides, where labels centred on an entity reach further than its middle.
    const marginX = Math.min(90, view.width / 6);
    const marginY = Math.min(40, view.height / 6);
    const spanX = Math.max(right - left, 1);
    const spanY = Math.max(bottom - top, 1);
    const scale = Math.min((view.width - 2 * marginX) / spanX, (view.height - 2 * marginY) / spanY);
    view.scale = Number.isFinite(scale) && scale > 0 ? scale : 1;
    if (!only) fitScale = view.scale;
    view.x = view.width / 2 - ((left + right) / 2) * view.scale;
    view.y = view.height / 2 - ((top + bottom) / 2) * view.scale;
    requestDraw();
  }

  // Zooms by a factor keeping the layout point under (px, py) where it is.
  function zoomAt(px, py, factor) {
    const scale = Math.min(fitScale * MAX_ZOOM, Math.max(fitScale * MIN_ZOOM, view.scale * factor));
    const applied = scale / view.scale;
    view.x = px - (px - view.x) * applied;
    view.y = py - (py - view.y) * applied;
    view.scale = scale;
    requestDraw();
  }

  function panBy(dx, dy) {
    view.x += dx;
    view.y += dy;
    requestDraw();
  }

  function resize() {
    const box = pane.getBoundingClientRect();
    const first = view.width === 1 && view.height === 1;
    const oldWidth = view.width; const oldHeight = view.height;
    view.width = Math.max(1, box.width);
    view.height = Math.max(1, box.height);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(view.width * ratio);
    canvas.height = Math.round(view.height * ratio);
    if (first) {
      fit(null);
    } else {
      // Keeps the middle of the view where it was.
      panBy((view.width - oldWidth) / 2, (view.height - oldHeight) / 2);
    }
    drawNow();
  }

  // ---- Drawing -----------------------------------------------------------------------------

  const screenX = new Float64Array(nodes.length);
  const screenY = new Float64Array(nodes.length);
  const screenRadius = new Float64Array(nodes.length);
  const drawOrder = nodes.map((_, i) => i).sort((a, b) => (nodes[a].size || 0) - (nodes[b].size || 0));
  const labelWidths = new Map();  // "size|label" -> width, since measureText is the slow part
  const stats = { draws: 0, lastDrawMs: 0, maxDrawMs: 0, labels: 0, nodesOnScreen: 0, edgesDrawn: 0 };
  let drawPending = false;

  function requestDraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      drawNow();
    });
  }

  function nodeRadius(i) {
    // Grows with zoom, but slower than the layout does, so that zooming in opens gaps.
    const zoom = Math.sqrt(Math.max(view.scale / fitScale, 0.25));
    return Math.min(40, (3 + 9 * (nodes[i].size || 0)) * zoom);
  }

  function edgeWidth(j) {
    const edge = edges[j];
    const strength = state.period !== null ? Math.sqrt(periodCount(edge, state.period) / periodMaximum)
      : (edge.strength || 0);
    return 0.6 + 3.4 * strength;
  }

  const WIDTH_BUCKETS = 6;

  function drawNow() {
    const started = performance.now();
    const ratio = canvas.width / view.width;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);

    for (let i = 0; i < nodes.length; i += 1) {
      screenX[i] = worldX[i] * view.scale + view.x;
      screenY[i] = worldY[i] * view.scale + view.y;
      screenRadius[i] = nodeRadius(i);
    }
    const { nodeRoles, edgeRoles, dimOthers } = roles();
    const onScreen = (x, y, pad) => x >= -pad && y >= -pad && x <= view.width + pad && y <= view.height + pad;

    // Ties: one path per width, since a stroke per tie costs far more than a long path. The
    // fewer ties there are on screen, the more opaque each, so a dense graph stays no black mass.
    const buckets = Array.from({ length: WIDTH_BUCKETS }, () => []);
    let visible = 0;
    for (let j = 0; j < edges.length; j += 1) {
      if (!edgeShown[j] || edgeRoles.has(j)) continue;
      const { source, target } = edges[j];
      const x1 = screenX[source]; const y1 = screenY[source]; const x2 = screenX[target]; const y2 = screenY[target];
      if ((x1 < 0 && x2 < 0) || (y1 < 0 && y2 < 0) || (x1 > view.width && x2 > view.width)
        || (y1 > view.height && y2 > view.height)) continue;
      const bucket = Math.min(WIDTH_BUCKETS - 1, Math.floor(((edgeWidth(j) - 0.6) / 3.4) * WIDTH_BUCKETS));
      buckets[bucket].push(j);
      visible += 1;
    }
    const alpha = Math.max(0.07, Math.min(0.65, 25 / Math.sqrt(visible + 1))) * (dimOthers ? 0.35 : 1);
    context.lineCap = 'round';
    buckets.forEach((list, bucket) => {
      if (!list.length) return;
      // Heavier ties darker as well as wider, so the few strong ones stand out of the many.
      context.strokeStyle = `rgba(95, 99, 104, ${Math.min(0.9, alpha * (1 + (1.5 * bucket) / (WIDTH_BUCKETS - 1)))})`;
      context.lineWidth = 0.6 + (3.4 * (bucket + 0.5)) / WIDTH_BUCKETS;
      context.beginPath();
      for (const j of list) {
        context.moveTo(screenX[edges[j].source], screenY[edges[j].source]);
        context.lineTo(screenX[edges[j].target], screenY[edges[j].target]);
      }
      context.stroke();
    });
    for (const [j, role] of edgeRoles) {
      if (!edgeShown[j] && role !== 'selected') continue;
      context.strokeStyle = role === 'selected' ? '#d93025' : 'rgba(26, 115, 232, 0.75)';
      context.lineWidth = edgeWidth(j) + (role === 'selected' ? 2 : 0.5);
      context.beginPath();
      context.moveTo(screenX[edges[j].source], screenY[edges[j].source]);
      context.lineTo(screenX[edges[j].target], screenY[edges[j].target]);
      context.stroke();
    }

    // Entities, the smaller first so that the big ones stay on top.
    for (const i of drawOrder) {
      const role = nodeRoles[i];
      if (!nodeShown[i] && role !== 'selected') continue;
      const x = screenX[i]; const y = screenY[i]; const r = screenRadius[i];
      if (!onScreen(x, y, r + 2)) continue;
      context.globalAlpha = role === 'dimmed' ? 0.25 : 1;
      context.beginPath();
      if (nodes[i].category === 'organization') context.rect(x - r, y - r, 2 * r, 2 * r);
      else context.arc(x, y, r, 0, 2 * Math.PI);
      context.fillStyle = safeColour(nodes[i].color, '#cfe2f3');
      context.fill();
      context.lineWidth = role === 'selected' ? 3 : role === 'neighbour' ? 2 : role === 'match' ? 3 : 1;
      context.strokeStyle = role === 'selected' ? '#d93025' : role === 'neighbour' ? '#1a73e8'
        : role === 'match' ? '#f9ab00' : safeColour(nodes[i].border, '#3d85c6');
      context.stroke();
    }
    context.globalAlpha = 1;
    stats.labels = drawLabels(nodeRoles);

    stats.edgesDrawn = visible;
    stats.draws += 1;
    stats.lastDrawMs = performance.now() - started;
    stats.maxDrawMs = Math.max(stats.maxDrawMs, stats.lastDrawMs);
  }

  // Labels at a fixed screen size, whatever the zoom: the selection, its neighbours and search
  // matches first, then by mentions, each only where it overlaps no label already placed. Zooming
  // in spreads the entities, so more labels find room.
  const labelPriority = nodes.map((_, i) => i).sort((a, b) => (nodes[b].mentions || 0) - (nodes[a].mentions || 0));
  const LABEL_CELL = 80;

  function drawLabels(nodeRoles) {
    const rank = { selected: 0, neighbour: 1, match: 1, '': 2, dimmed: 3 };
    const order = labelPriority.filter((i) => (nodeShown[i] || nodeRoles[i] === 'selected')
      && screenX[i] > -100 && screenX[i] < view.width + 100 && screenY[i] > -20 && screenY[i] < view.height + 20);
    stats.nodesOnScreen = order.length;  // in or near the pane: the ones that could be labelled
    order.sort((a, b) => rank[nodeRoles[a]] - rank[nodeRoles[b]]);  // stable: mentions order within a rank
    const grid = new Map();
    const placed = [];
    const overlaps = (box) => {
      const cells = [];
      for (let cx = Math.floor(box.left / LABEL_CELL); cx <= Math.floor(box.right / LABEL_CELL); cx += 1) {
        for (let cy = Math.floor(box.top / LABEL_CELL); cy <= Math.floor(box.bottom / LABEL_CELL); cy += 1) {
          const key = cx * 100003 + cy;
          cells.push(key);
          for (const other of grid.get(key) || []) {
            if (box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top) {
              return null;
            }
          }
        }
      }
      return cells;
    };
    context.textAlign = 'center';
    context.textBaseline = 'top';
    context.lineJoin = 'round';
    const budget = 400;
    for (const i of order) {
      if (placed.length >= budget) break;
      const important = nodeRoles[i] === 'selected' || nodeRoles[i] === 'neighbour' || nodeRoles[i] === 'match';
      const size = Math.round(12 + 3 * (nodes[i].size || 0)) + (nodeRoles[i] === 'selected' ? 2 : 0);
      const font = `${important ? 600 : 400} ${size}px system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif`;
      context.font = font;
      const key = `${font}|${nodes[i].label}`;
      let width = labelWidths.get(key);
      if (width === undefined) {
        width = context.measureText(nodes[i].label).width;
        labelWidths.set(key, width);
      }
      const top = screenY[i] + screenRadius[i] + 1;
      // A label at the pane's side moves in rather than being cut, as long as its entity is in view.
      let x = screenX[i];
      if (x >= 0 && x <= view.width) x = Math.max(width / 2 + 2, Math.min(view.width - width / 2 - 2, x));
      const box = { left: x - width / 2 - 2, right: x + width / 2 + 2, top, bottom: top + size + 2 };
      const cells = overlaps(box);
      if (!cells) continue;
      for (const cell of cells) {
        if (!grid.has(cell)) grid.set(cell, []);
        grid.get(cell).push(box);
      }
      placed.push(i);
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.strokeText(nodes[i].label, x, top);
      context.fillStyle = nodeRoles[i] === 'selected' ? '#d93025' : nodeRoles[i] === 'dimmed' ? '#9aa0a6' : '#1f2328';
      context.fillText(nodes[i].label, x, top);
    }
    return placed.length;
  }

  // ---- Hit testing -------------------------------------------------------------------------

  function nodeAt(px, py) {
    for (let k = drawOrder.length - 1; k >= 0; k -= 1) {
      const i = drawOrder[k];
      if (!nodeShown[i]) continue;
      const r = screenRadius[i] + 2;
      const dx = px - screenX[i]; const dy = py - screenY[i];
      if (nodes[i].category === 'organization' ? Math.abs(dx) <= r && Math.abs(dy) <= r : dx * dx + dy * dy <= r * r) {
        return i;
      }
    }
    return null;
  }

  function edgeAt(px, py) {
    let best = null;
    let bestDistance = 5 * 5;  // within 5 px of the line
    for (let j = 0; j < edges.length; j += 1) {
      if (!edgeShown[j]) continue;
      const x1 = screenX[edges[j].source]; const y1 = screenY[edges[j].source];
      const dx = screenX[edges[j].target] - x1; const dy = screenY[edges[j].target] - y1;
      const length = dx * dx + dy * dy;
      const t = length > 0 ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / length)) : 0;
      const ex = x1 + t * dx - px; const ey = y1 + t * dy - py;
      const distance = ex * ex + ey * ey;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = j;
      }
    }
    return best;
  }

  function itemAt(px, py) {
    const node = nodeAt(px, py);
    if (node !== null) return { kind: 'node', index: node };
    const edge = edgeAt(px, py);
    return edge !== null ? { kind: 'edge', index: edge } : null;
  }

  function tooltipText(item) {
    if (item.kind === 'node') {
      const node = nodes[item.index];
      return `${node.label} (${node.id}): ${plural(node.mentions || 0, 'mention')}`;
    }
    const edge = edges[item.index];
    const inPeriod = state.period !== null ? `; ${periodCount(edge, state.period)} in ${state.period}` : '';
    return `${edgeName(edge)}: ${byCount ? 'count' : weightRange.measure} ${formatValue(edge.weight)}${inPeriod}`;
  }

  function hover(item, px, py) {
    if (!sameItem(item, state.hovered)) {
      state.hovered = item;
      requestDraw();
    }
    canvas.classList.toggle('over-item', item !== null);
    if (item) {
      tooltip.textContent = tooltipText(item);
      tooltip.hidden = false;
      tooltip.style.left = `${Math.min(px + 14, view.width - tooltip.offsetWidth - 4)}px`;
      tooltip.style.top = `${Math.min(py + 14, view.height - tooltip.offsetHeight - 4)}px`;
    } else {
      tooltip.hidden = true;
    }
  }

  // ---- Pointer: click, drag, wheel, pinch --------------------------------------------------

  const pointers = new Map();  // pointerId -> {x, y}
  let gesture = null;  // {moved, startX, startY} for a drag, {distance} for a pinch

  const localPoint = (event) => {
    const box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  canvas.addEventListener('pointerdown', (event) => {
    canvas.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, localPoint(event));
    if (pointers.size === 1) {
      const point = localPoint(event);
      gesture = { moved: false, startX: point.x, startY: point.y };
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      gesture = { pinch: true, distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, moved: true };
    }
  });

  canvas.addEventListener('pointermove', (event) => {
    const point = localPoint(event);
    const last = pointers.get(event.pointerId);
    if (!last) {
      hover(itemAt(point.x, point.y), point.x, point.y);
      return;
    }
    pointers.set(event.pointerId, point);
    if (gesture && gesture.pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      zoomAt((a.x + b.x) / 2, (a.y + b.y) / 2, distance / gesture.distance);
      gesture.distance = distance;
    } else if (gesture && pointers.size === 1) {
      if (Math.hypot(point.x - gesture.startX, point.y - gesture.startY) > 3) gesture.moved = true;
      if (gesture.moved) {
        canvas.classList.add('dragging');
        tooltip.hidden = true;
        panBy(point.x - last.x, point.y - last.y);
      }
    }
  });

  function endPointer(event, cancelled) {
    if (!pointers.has(event.pointerId)) return;
    pointers.delete(event.pointerId);
    if (pointers.size > 0) return;  // the rest of a pinch
    canvas.classList.remove('dragging');
    if (!cancelled && gesture && !gesture.moved) {
      const point = localPoint(event);
      select(itemAt(point.x, point.y));
    }
    gesture = null;
  }
  canvas.addEventListener('pointerup', (event) => endPointer(event, false));
  canvas.addEventListener('pointercancel', (event) => endPointer(event, true));
  canvas.addEventListener('pointerleave', () => {
    if (pointers.size === 0) hover(null, 0, 0);
  });

  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const point = localPoint(event);
    // Lines or pages of scrolling count as so many pixels; a pinch on a touchpad arrives as a
    // wheel with ctrlKey and small deltas, which the same formula handles.
    const pixels = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? view.height : 1);
    zoomAt(point.x, point.y, Math.exp(-pixels * (event.ctrlKey ? 0.01 : 0.0015)));
  }, { passive: false });

  document.getElementById('zoom-in').addEventListener('click', () => zoomAt(view.width / 2, view.height / 2, 1.5));
  document.getElementById('zoom-out').addEventListener('click', () => zoomAt(view.width / 2, view.height / 2, 1 / 1.5));
  document.getElementById('zoom-fit').addEventListener('click', () => fit(null));

  // ---- Weight threshold ------------------------------------------------------------------

  // The slider's steps follow the weights' ranks ("by rank") or their logarithm, never the raw
  // weight: on a raw scale from 1 to 1,580 the first step past the thumb already hides nearly
  // every tie, since most ties weigh little.
  const STEPS = 1000;
  const sortedWeights = edges.map((edge) => edge.weight).sort((a, b) => a - b);

  function thresholdAt(step) {
    const { min, max } = weightRange;
    if (edges.length === 0 || !(max > min)) return min;
    if (step >= STEPS) return max;
    if (step <= 0) return min;
    if (scaleChoice.value === 'log') {
      const growth = Math.log1p(max - min);
      const value = min + Math.expm1((growth * step) / STEPS);
      return byCount ? Math.round(value) : value;
    }
    return sortedWeights[Math.round((step / STEPS) * (sortedWeights.length - 1))];
  }

  // The lowest step that keeps the threshold, so that switching scales hides no more ties.
  function stepFor(threshold) {
    for (let step = 0; step <= STEPS; step += 1) {
      if (thresholdAt(step) >= threshold) return step;
    }
    return STEPS;
  }

  function applyMinWeight() {
    state.minWeight = thresholdAt(Number(slider.value));
    sliderValue.textContent = formatValue(state.minWeight);
    // A screen reader then says the weight, not the slider's step number.
    slider.setAttribute('aria-valuetext', `minimum weight ${formatValue(state.minWeight)}`);
    refilter();
  }

  slider.max = String(STEPS);
  slider.value = '0';
  slider.disabled = edges.length === 0 || !(weightRange.max > weightRange.min);
  slider.addEventListener('input', applyMinWeight);
  scaleChoice.addEventListener('change', () => {
    slider.value = String(stepFor(state.minWeight));
    applyMinWeight();
  });

  // ---- Backbone ----------------------------------------------------------------------------

  if (backbone) {
    document.getElementById('backbone-control').hidden = false;
    backboneBox.checked = state.backboneOnly;
    backboneBox.title = backbone.description || '';
    backboneBox.addEventListener('change', () => {
      state.backboneOnly = backboneBox.checked;
      refilter();
      fit(null);
    });
  }

  // ---- Category, region and community filters -----------------------------------------------

  function fillChoice(choice, values) {
    for (const { value, text } of values) {
      const option = element('option', '', text);
      option.value = value;
      choice.append(option);
    }
    choice.disabled = values.length < 2;
  }

  function countBy(key) {
    const counts = new Map();
    for (const node of nodes) {
      if (node[key] === undefined || node[key] === null || node[key] === '') continue;
      const value = String(node[key]);
      counts.set(value, (counts.get(value) || 0) + 1);
    }
    return counts;
  }

  const regions = countBy('region');
  fillChoice(regionChoice, [...regions.keys()].sort().map((region) => ({
    value: region, text: `${region} (${regions.get(region)})`,
  })));
  // Communities are numbers, so each is named by its biggest members, largest community first.
  const communities = countBy('community');
  fillChoice(communityChoice, [...communities.keys()].sort((a, b) => communities.get(b) - communities.get(a))
    .map((community) => {
      const members = labelPriority.filter((i) => String(nodes[i].community) === community).slice(0, 2)
        .map((i) => nodes[i].label);
      return { value: community, text: `${members.join(', ')}${communities.get(community) > 2 ? '…' : ''} (${communities.get(community)})` };
    }));
  const presentCategories = new Set(nodes.map((node) => node.category));
  for (const box of categoryBoxes) {
    box.disabled = !presentCategories.has(box.value);
    box.addEventListener('change', () => {
      state.categories = new Set(categoryBoxes.filter((other) => other.checked).map((other) => other.value));
      refilter();
    });
  }
  regionChoice.addEventListener('change', () => { state.region = regionChoice.value; refilter(); });
  communityChoice.addEventListener('change', () => { state.community = communityChoice.value; refilter(); });

  // ---- Time control --------------------------------------------------------------------------

  // Position 0 is the whole time; 1..N the periods in time order.
  function applyPeriod() {
    const position = Number(periodSlider.value);
    state.period = position > 0 ? periods[position - 1] : null;
    periodValue.textContent = state.period === null ? `all ${periods.length}` : state.period;
    periodSlider.setAttribute('aria-valuetext', state.period === null ? 'all periods' : state.period);
    refilter();
  }

  function stepPeriod(delta) {
    const position = Math.max(0, Math.min(periods.length, Number(periodSlider.value) + delta));
    periodSlider.value = String(position);
    applyPeriod();
  }

  if (periods.length) {
    timeControl.hidden = false;
    periodSlider.max = String(periods.length);
    periodSlider.addEventListener('input', applyPeriod);
    document.getElementById('period-previous').addEventListener('click', () => stepPeriod(-1));
    document.getElementById('period-next').addEventListener('click', () => stepPeriod(1));
  }

  // ---- Search ------------------------------------------------------------------------------

  function bestMatch() {
    const rank = (node) => {
      const label = fold(node.label);
      if (label === state.query || fold(node.id) === state.query) return 0;
      return label.startsWith(state.query) ? 1 : 2;
    };
    const matches = nodes.map((node, index) => ({ node, index })).filter(({ node }) => nodeMatches(node));
    matches.sort((a, b) => rank(a.node) - rank(b.node) || (b.node.mentions || 0) - (a.node.mentions || 0));
    return matches.length ? matches[0].index : null;
  }

  // Brings an entity into view, if it is outside it, without changing the zoom.
  function reveal(index) {
    const x = worldX[index] * view.scale + view.x;
    const y = worldY[index] * view.scale + view.y;
    if (x < 40 || y < 40 || x > view.width - 40 || y > view.height - 40) {
      panBy(view.width / 2 - x, view.height / 2 - y);
    }
  }

  searchBox.addEventListener('input', () => {
    state.query = fold(searchBox.value.trim());
    requestDraw();
  });
  searchBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      const index = bestMatch();
      if (index !== null) {
        select({ kind: 'node', index });
        reveal(index);
      }
    } else if (event.key === 'Escape') {
      event.stopPropagation();  // the first Escape clears the search, a second one the selection
      if (searchBox.value === '') select(null);
      searchBox.value = '';
      state.query = '';
      requestDraw();
    }
  });

  // ---- Keyboard ------------------------------------------------------------------------------

  // n and p walk the shown entities from the most mentioned down, so the graph can be read without
  // a mouse; the panel's buttons then lead on to neighbours and ties.
  function stepEntity(delta) {
    const shown = labelPriority.filter((i) => nodeShown[i]);
    if (!shown.length) return;
    const current = state.selected && state.selected.kind === 'node' ? shown.indexOf(state.selected.index) : -1;
    const next = current < 0 ? (delta > 0 ? 0 : shown.length - 1) : (current + delta + shown.length) % shown.length;
    select({ kind: 'node', index: shown[next] });
    reveal(shown[next]);
  }

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    // Keys typed into a field or moving a slider are theirs, not the graph's.
    if (target instanceof HTMLElement && target.closest('input, select, textarea, button')) {
      if (event.key === 'Escape' && target !== searchBox) select(null);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = 60;
    const actions = {
      '+': () => zoomAt(view.width / 2, view.height / 2, 1.5),
      '=': () => zoomAt(view.width / 2, view.height / 2, 1.5),
      '-': () => zoomAt(view.width / 2, view.height / 2, 1 / 1.5),
      0: () => fit(null),
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
      n: () => stepEntity(1),
      p: () => stepEntity(-1),
      ']': () => periods.length && stepPeriod(1),
      '[': () => periods.length && stepPeriod(-1),
      '/': () => searchBox.focus(),
      Escape: () => select(null),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // ---- Legend --------------------------------------------------------------------------------

  function showLegend() {
    const legend = data.legend;
    const box = document.getElementById('legend');
    if (!legend || !Array.isArray(legend.entries) || !legend.entries.length) return;
    // Folding, since on a small screen it covers a corner of the graph.
    const folding = element('details');
    folding.open = true;
    folding.append(element('summary', '', legend.heading || 'Legend'));
    for (const entry of legend.entries) {
      const row = element('div');
      row.append(colourSwatch(entry.color), entry.text);
      folding.append(row);
    }
    folding.append(element('div', 'note', 'Size: mentions. Squares: organizations.'));
    if (backbone && backbone.description) {
      const note = element('div', 'note backbone-note', `Backbone only: ${backbone.description}`);
      note.hidden = !state.backboneOnly;
      backboneBox.addEventListener('change', () => { note.hidden = !state.backboneOnly; });
      folding.append(note);
    }
    box.append(folding);
  }

  // ---- What the browser test reads -----------------------------------------------------------

  // Read-only views of the state, so a test can find where an entity is drawn and what role it
  // has; everything it does goes through real pointer and keyboard events.
  window.comentionViewer = {
    stats,
    view: () => ({ ...view, fitScale }),
    screenPoint: (index) => [worldX[index] * view.scale + view.x, worldY[index] * view.scale + view.y],
    nodeRoles: () => roles().nodeRoles,
    edgeRole: (index) => roles().edgeRoles.get(index) || '',
    matches: () => nodes.map(nodeMatches),
    nodeShown: (index) => nodeShown[index] === 1,
    edgeShown: (index) => edgeShown[index] === 1,
    shownEdges: () => shownEdgeCount,
    selected: () => state.selected,
    period: () => state.period,
    minWeight: () => state.minWeight,
    backboneOnly: () => state.backboneOnly,
    itemAt,
    drawNow,
  };

  // ---- Start -------------------------------------------------------------------------------

  document.getElementById('page-title').textContent = document.title;
  showLegend();
  applyMinWeight();  // what is shown first, which the first fit frames
  new ResizeObserver(resize).observe(pane);
  resize();
  if (periods.length) applyPeriod();
})();
