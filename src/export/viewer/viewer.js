// comention graph viewer: makes Graphviz's SVG of the co-mention graph interactive.
// The page is self-contained and offline; everything shown from the data goes through
// textContent, because labels and evidence sentences come from untrusted news text.
'use strict';

(() => {
  const data = JSON.parse(document.getElementById('comention-data').textContent);
  const nodes = data.nodes || [];
  const edges = data.edges || [];
  const graphInfo = data.graph || {};
  const weightRange = data.weight || { measure: graphInfo.weight || 'count', min: 0, max: 0 };
  const byCount = weightRange.measure === 'count';

  const svg = document.querySelector('#graph svg');
  const details = document.getElementById('details');
  const searchBox = document.getElementById('search');
  const slider = document.getElementById('min-weight');
  const sliderValue = document.getElementById('min-weight-value');
  const edgeCount = document.getElementById('edge-count');

  // The SVG groups are named after their index in the data (node-i, edge-j), which ties the two.
  const nodeElements = nodes.map((_, i) => document.getElementById(`node-${i}`));
  const edgeElements = edges.map((_, j) => document.getElementById(`edge-${j}`));
  const itemOfElement = new Map();
  nodeElements.forEach((element, index) => element && itemOfElement.set(element, { kind: 'node', index }));
  edgeElements.forEach((element, index) => element && itemOfElement.set(element, { kind: 'edge', index }));

  const incidentEdges = nodes.map(() => []);
  edges.forEach((edge, j) => {
    incidentEdges[edge.source].push(j);
    incidentEdges[edge.target].push(j);
  });
  const otherEnd = (edge, nodeIndex) => (edge.source === nodeIndex ? edge.target : edge.source);

  const state = { selected: null, hovered: null, query: '', minWeight: weightRange.min };

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

  function colourSwatch(colour) {
    const swatch = element('span', 'swatch');
    // Only a plain hex colour reaches the style, whatever the data says.
    if (/^#[0-9a-f]{3,8}$/i.test(colour || '')) swatch.style.backgroundColor = colour;
    else swatch.hidden = true;
    return swatch;
  }

  const edgeName = (edge) => `${nodes[edge.source].label} – ${nodes[edge.target].label}`;
  const isShown = (edge) => edge.weight >= state.minWeight;

  // ---- Details panel -----------------------------------------------------------------------

  function showSummary() {
    const hint = element('p', 'hint', 'Click an entity or a tie to see details.');
    const heading = element('h3', '', 'This graph');
    const counts = { entities: nodes.length, ties: edges.length };
    const summary = fieldList({ ...counts, ...graphInfo }, ['documents', 'window', 'weight', 'entities', 'ties'],
      ['generator', 'nodes', 'edges'], { weight: 'weight measure' });
    const generator = element('p', 'note', graphInfo.generator ? `Made by ${graphInfo.generator}.` : '');
    details.replaceChildren(hint, heading, summary, generator);
  }

  function showNode(index) {
    const node = nodes[index];
    const title = element('h2');
    title.append(colourSwatch(node.color), node.label);
    const subtitle = element('p', 'subtitle', `${node.id} · ${node.category}`);
    // The legend group is worth a line only when it says more than the region.
    const skip = ['id', 'label', 'category', 'color', ...(node.group === node.region ? ['group'] : [])];
    const fields = fieldList(node, ['mentions', 'documents', 'degree', 'strength'], skip);

    const neighbourEdges = [...incidentEdges[index]].sort((a, b) => edges[b].weight - edges[a].weight);
    const heading = element('h3', '', neighbourEdges.length ? `Neighbours (${neighbourEdges.length})` : 'No neighbours');
    const list = element('ul', 'neighbours');
    for (const j of neighbourEdges) {
      const edge = edges[j];
      const neighbour = nodes[otherEnd(edge, index)];
      const tieText = byCount ? `count ${formatValue(edge.count)}`
        : `weight ${formatValue(edge.weight)} · count ${formatValue(edge.count)}`;
      const item = element('li', isShown(edge) ? '' : 'below-threshold');
      item.append(
        linkButton(neighbour.label, `Select ${neighbour.label}`, () => select({ kind: 'node', index: otherEnd(edge, index) })),
        linkButton(tieText, `Show the tie ${edgeName(edge)}`, () => select({ kind: 'edge', index: j }), 'link-button tie'));
      list.append(item);
    }
    details.replaceChildren(title, subtitle, fields, heading, list);
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
      ['source', 'target', ...(byCount ? ['weight'] : [])], { weight: `weight (${weightRange.measure})` });

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
        item.append(element('blockquote', '', window.text), element('cite', '', window.document));
        body.append(item);
      }
    }
    details.replaceChildren(title, ends, fields, heading, body);
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

  // Hovering shows an item's neighbourhood for a moment; otherwise the selection's stays shown.
  function highlight() {
    const focus = state.hovered || state.selected;
    const litNodes = new Map();  // node index -> 'selected' | 'neighbour'
    const litEdges = new Map();
    if (focus && focus.kind === 'node') {
      litNodes.set(focus.index, 'selected');
      for (const j of incidentEdges[focus.index]) {
        if (!isShown(edges[j])) continue;
        litEdges.set(j, 'neighbour');
        litNodes.set(otherEnd(edges[j], focus.index), 'neighbour');
      }
    } else if (focus && focus.kind === 'edge') {
      litEdges.set(focus.index, 'selected');
      litNodes.set(edges[focus.index].source, 'neighbour');
      litNodes.set(edges[focus.index].target, 'neighbour');
    }
    const searching = state.query !== '';
    const dimOthers = focus !== null || searching;

    nodeElements.forEach((group, i) => {
      if (!group) return;
      const role = litNodes.get(i);
      const matches = nodeMatches(nodes[i]);
      group.classList.toggle('selected', role === 'selected');
      group.classList.toggle('neighbour', role === 'neighbour');
      group.classList.toggle('match', matches);
      group.classList.toggle('dimmed', dimOthers && !role && !matches);
    });
    edgeElements.forEach((group, j) => {
      if (!group) return;
      const role = litEdges.get(j);
      group.classList.toggle('selected', role === 'selected');
      group.classList.toggle('neighbour', role === 'neighbour');
      group.classList.toggle('dimmed', dimOthers && !role);
      group.classList.toggle('filtered', !isShown(edges[j]));
    });
  }

  function select(item) {
    state.selected = item;
    showDetails();
    highlight();
  }

  // ---- Weight filter -----------------------------------------------------------------------

  function setUpSlider() {
    const { min, max } = weightRange;
    const span = max - min;
    const step = byCount || !(span > 0) ? 1 : span / 100;
    slider.min = String(min);
    slider.max = String(max);
    slider.step = String(step);
    slider.value = String(min);
    slider.disabled = edges.length === 0 || !(span > 0);
    return step;
  }
  const sliderStep = setUpSlider();

  function applyMinWeight() {
    let threshold = Number(slider.value);
    // A fractional step may stop a rounding error short of the maximum; the top stop means it.
    if (weightRange.max - threshold < sliderStep / 2) threshold = weightRange.max;
    state.minWeight = threshold;
    sliderValue.textContent = formatValue(threshold);
    const shown = edges.filter(isShown).length;
    edgeCount.textContent = `${shown} of ${plural(edges.length, 'tie')}`;
    highlight();
    if (state.selected && state.selected.kind === 'node') showDetails();
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

  searchBox.addEventListener('input', () => {
    state.query = fold(searchBox.value.trim());
    highlight();
  });
  searchBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      const index = bestMatch();
      if (index !== null) select({ kind: 'node', index });
    } else if (event.key === 'Escape') {
      event.stopPropagation();  // the first Escape clears the search, a second one the selection
      if (searchBox.value === '') select(null);
      searchBox.value = '';
      state.query = '';
      highlight();
    }
  });

  // ---- Preparing Graphviz's SVG ------------------------------------------------------------

  function prepareSvg() {
    if (!svg) return;
    // The viewBox alone then scales the drawing to the graph area.
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.querySelector('.graph > title')?.remove();  // else the graph's name shows as a tooltip everywhere

    // Ties go under the entities, so that their wide hit lines never cover an entity.
    const firstNode = nodeElements.find(Boolean);
    edgeElements.forEach((group, j) => {
      if (!group) return;
      if (firstNode && firstNode.parentNode === group.parentNode) group.parentNode.insertBefore(group, firstNode);
      for (const line of group.querySelectorAll('path')) {
        const hitLine = line.cloneNode(false);
        hitLine.removeAttribute('id');
        hitLine.setAttribute('class', 'edge-hit');
        group.append(hitLine);
      }
      const edge = edges[j];
      setTooltip(group, `${edgeName(edge)}: ${byCount ? 'count' : weightRange.measure} ${formatValue(edge.weight)}`);
    });
    nodeElements.forEach((group, i) => {
      if (!group) return;
      const node = nodes[i];
      group.setAttribute('tabindex', '0');
      group.setAttribute('role', 'button');
      group.setAttribute('aria-label', `${node.label} (${node.id})`);
      setTooltip(group, `${node.label} (${node.id}): ${plural(node.mentions || 0, 'mention')}`);
    });
  }

  // Graphviz's <title> holds the bare id; a readable one makes a better native tooltip.
  function setTooltip(group, text) {
    let title = group.querySelector(':scope > title');
    if (!title) {
      title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      group.prepend(title);
    }
    title.textContent = text;
  }

  // ---- Pointer and keyboard ----------------------------------------------------------------

  function itemAt(target) {
    const group = target instanceof Element ? target.closest('.node, .edge') : null;
    return group ? itemOfElement.get(group) || null : null;
  }

  if (svg) {
    svg.addEventListener('click', (event) => select(itemAt(event.target)));
    svg.addEventListener('pointerover', (event) => {
      const item = itemAt(event.target);
      if (!sameItem(item, state.hovered)) {
        state.hovered = item;
        highlight();
      }
    });
    svg.addEventListener('pointerleave', () => {
      state.hovered = null;
      highlight();
    });
    svg.addEventListener('keydown', (event) => {
      const item = itemAt(event.target);
      if (item && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        select(item);
      }
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') select(null);
  });
  slider.addEventListener('input', applyMinWeight);

  // ---- Start -------------------------------------------------------------------------------

  document.getElementById('page-title').textContent = document.title;
  prepareSvg();
  applyMinWeight();
  showDetails();
})();
