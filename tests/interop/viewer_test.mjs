// The HTML viewer works in a real browser: Debian's chromium, driven by playwright-core, opens the
// page comention writes and a person's clicks, searches and filtering give what the graph says.
//
// usage: node tests/interop/viewer_test.mjs COMENTION_BINARY SAMPLES_DIR ARTIFACT_DIR
// Leaves viewer.html, viewer.json (the truth, node-link JSON) and viewer.png in ARTIFACT_DIR.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Resolved beside this file (tests/interop/node_modules), or through NODE_PATH.
const { chromium } = createRequire(import.meta.url)('playwright-core');

const [binary, samples, artifacts] = process.argv.slice(2).map((path) => path && resolve(path));
if (!binary || !samples || !artifacts) {
  console.error('usage: node viewer_test.mjs COMENTION_BINARY SAMPLES_DIR ARTIFACT_DIR');
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });
const pagePath = join(artifacts, 'viewer.html');
const truthPath = join(artifacts, 'viewer.json');

execFileSync(binary, ['build', samples, '--evidence', '2', '-o', pagePath, '-o', truthPath],
  { stdio: ['ignore', 'ignore', 'inherit'] });
const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
const truthLinks = truth.links || truth.edges;

// The same folding as the page's search: no case, no accents.
const fold = (text) => String(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const neighboursOf = (id) => new Set(truthLinks.flatMap((link) =>
  link.source === id ? [link.target] : link.target === id ? [link.source] : []));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(10000);
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
});
// The page is self-contained: it may load nothing but itself.
page.on('request', (request) => {
  const url = request.url();
  if (!url.startsWith('data:') && url !== pathToFileURL(pagePath).href) problems.push(`page fetched ${url}`);
});

// What the page embeds, to find the SVG group of an entity or a tie by its data index.
let pageData;
const nodeIndex = (id) => pageData.nodes.findIndex((node) => node.id === id);
const edgeIndex = (a, b) => pageData.edges.findIndex((edge) => {
  const ends = [pageData.nodes[edge.source].id, pageData.nodes[edge.target].id];
  return (ends[0] === a && ends[1] === b) || (ends[0] === b && ends[1] === a);
});
const classesOf = (selector) => page.$eval(selector, (element) => [...element.classList]);
const detailsText = () => page.textContent('#details');
const mostMentioned = truth.nodes.reduce((best, node) => (node.mentions > best.mentions ? node : best));

const checks = [
  ['the page opens without errors and shows the graph summary', async () => {
    await page.goto(pathToFileURL(pagePath).href);
    pageData = JSON.parse(await page.textContent('#comention-data'));
    assert.equal(pageData.nodes.length, truth.nodes.length, 'entities in the page and in the JSON');
    assert.equal(pageData.edges.length, truthLinks.length, 'ties in the page and in the JSON');
    assert.equal(await page.locator('#graph svg .node').count(), truth.nodes.length, 'entities drawn');
    assert.equal(await page.locator('#graph svg .edge').count(), truthLinks.length, 'ties drawn');
    const text = await detailsText();
    assert.match(text, /Click an entity or a tie/, 'the hint');
    assert.match(text, new RegExp(`documents\\s*${truth.graph.documents}`), 'the document count');
    assert.ok(text.includes(truth.graph.window), 'the window');
    assert.equal(await page.textContent('#edge-count'), `${truthLinks.length} of ${truthLinks.length} ties`);
  }],

  [`clicking the most-mentioned entity (${mostMentioned.id}) shows it and its neighbours`, async () => {
    const index = nodeIndex(mostMentioned.id);
    assert.ok(index >= 0, `${mostMentioned.id} is in the page`);
    await page.click(`#node-${index}`);
    const text = await detailsText();
    assert.ok(text.includes(mostMentioned.label), `the panel names ${mostMentioned.label}: ${text}`);
    const mentions = await page.$$eval('#details dt', (terms) =>
      terms.find((term) => term.textContent === 'mentions')?.nextElementSibling.textContent);
    assert.equal(mentions, String(mostMentioned.mentions), 'the mention count in the panel');
    assert.ok((await classesOf(`#node-${index}`)).includes('selected'), 'the entity is selected');

    const neighbours = neighboursOf(mostMentioned.id);
    assert.ok(neighbours.size > 0, 'the most-mentioned entity has neighbours');
    for (const id of neighbours) {
      assert.ok((await classesOf(`#node-${nodeIndex(id)}`)).includes('neighbour'), `neighbour ${id} is highlighted`);
    }
    const stranger = truth.nodes.find((node) => node.id !== mostMentioned.id && !neighbours.has(node.id));
    assert.ok(stranger, 'some entity is not a neighbour');
    assert.ok((await classesOf(`#node-${nodeIndex(stranger.id)}`)).includes('dimmed'), `${stranger.id} is dimmed`);
    assert.equal(await page.locator('#details .neighbours li').count(), neighbours.size, 'neighbours listed');
  }],

  ['clicking a tie shows its evidence sentences', async () => {
    // A point on the tie's line that the tie itself receives (no entity or other tie on top).
    let clicked = null;
    for (const link of truthLinks.filter((candidate) => candidate.evidence?.length)) {
      const index = edgeIndex(link.source, link.target);
      const point = await page.$eval(`#edge-${index}`, (group) => {
        const line = group.querySelector('path:not(.edge-hit)');
        const toScreen = line.getScreenCTM();
        for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const onLine = line.getPointAtLength(line.getTotalLength() * fraction).matrixTransform(toScreen);
          if (document.elementFromPoint(onLine.x, onLine.y)?.closest('.edge') === group) return { x: onLine.x, y: onLine.y };
        }
        return null;
      });
      if (point) {
        await page.mouse.click(point.x, point.y);
        clicked = { link, index };
        break;
      }
    }
    assert.ok(clicked, 'some tie with evidence can be clicked');
    const text = await detailsText();
    const labelOf = (id) => truth.nodes.find((node) => node.id === id).label;
    const ends = [labelOf(clicked.link.source), labelOf(clicked.link.target)];
    assert.ok(text.includes(`${ends[0]} – ${ends[1]}`) || text.includes(`${ends[1]} – ${ends[0]}`), `the tie's name: ${text}`);
    assert.ok(text.includes(clicked.link.evidence[0].text), `the evidence sentence: ${text}`);
    assert.ok((await classesOf(`#edge-${clicked.index}`)).includes('selected'), 'the tie is selected');
  }],

  ['searching highlights the matching entities, without regard to accents', async () => {
    // An accented label if there is one, searched for without its accents.
    const target = truth.nodes.find((node) => fold(node.label) !== node.label.toLowerCase()) || mostMentioned;
    const query = fold(target.label).slice(0, 5);
    await page.fill('#search', query);
    for (const node of truth.nodes) {
      const expected = fold(node.label).includes(query) || fold(node.id).includes(query);
      const classes = await classesOf(`#node-${nodeIndex(node.id)}`);
      assert.equal(classes.includes('match'), expected, `${node.id} ${expected ? 'matches' : 'does not match'} "${query}"`);
    }
    await page.press('#search', 'Enter');
    const heading = await page.textContent('#details h2');
    assert.ok(truth.nodes.some((node) => node.label === heading && fold(node.label).includes(query)),
      `Enter selects a match: ${heading}`);
    await page.press('#search', 'Escape');
    assert.equal(await page.locator('#graph .node.match').count(), 0, 'Escape clears the search');
  }],

  ['the weight slider at its maximum shows only the heaviest ties', async () => {
    const maximum = Math.max(...truthLinks.map((link) => link.weight));
    await page.focus('#min-weight');
    await page.keyboard.press('End');
    const heaviest = truthLinks.filter((link) => link.weight >= maximum).length;
    const shown = await page.$$eval('#graph .edge', (groups) =>
      groups.filter((group) => getComputedStyle(group).display !== 'none').length);
    assert.equal(shown, heaviest, 'ties shown at the maximum weight');
    assert.equal(await page.textContent('#edge-count'),
      `${heaviest} of ${truthLinks.length} ${truthLinks.length === 1 ? 'tie' : 'ties'}`);
    assert.ok(Math.abs(Number(await page.textContent('#min-weight-value')) - maximum) <= maximum * 0.01,
      'the shown minimum weight');
    const nodesShown = await page.$$eval('#graph .node', (groups) =>
      groups.filter((group) => getComputedStyle(group).display !== 'none').length);
    assert.equal(nodesShown, truth.nodes.length, 'every entity stays visible');
  }],

  ['a screenshot of the selected most-mentioned entity', async () => {
    await page.focus('#min-weight');
    await page.keyboard.press('Home');
    await page.click(`#node-${nodeIndex(mostMentioned.id)}`);
    await page.mouse.move(1, 1);  // the selection, not the hover, in the picture
    await page.screenshot({ path: join(artifacts, 'viewer.png') });
  }],
];

let passed = 0;
let failed = 0;
try {
  for (const [name, check] of checks) {
    try {
      await check();
      assert.deepEqual(problems, [], 'the page reported no errors');
      console.log(`ok - ${name}`);
      passed += 1;
    } catch (error) {
      console.log(`FAILED - ${name}\n  ${error.message.replace(/\n/g, '\n  ')}`);
      failed += 1;
      break;  // later checks build on the page state of earlier ones
    }
  }
} finally {
  await browser.close();
}
console.log(`viewer: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed === checks.length ? 0 : 1);
