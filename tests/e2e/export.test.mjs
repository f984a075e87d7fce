// The widget's SVG and PNG buttons: the current view as a figure to publish,
// drawn from the same display list as `alliance-map render`: a header band
// (title, the as-of date once the reader sets one, a legend of what the view
// shows), the map (labels as text), a footer band (credit, citations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { DESKTOP, DIST, CSP_HEADERS, openMap, recordViolations, withContextPage, useServerAndBrowser } from './harness.mjs';
import { setDate } from './reader.mjs';

// dist/ again under /csp/, with a strict Content-Security-Policy.
const env = useServerAndBrowser({ mounts: [{ prefix: '/csp/', dir: DIST, headers: CSP_HEADERS }] });

const TITLE = 'Industry alliances in Chinese cars and chips';
const humanize = (key) => key.charAt(0).toUpperCase() + key.slice(1).replace(/[_-]/g, ' ');

async function downloadFrom(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return fs.readFileSync(await download.path());
}

const saveSvg = async (page) => (await downloadFrom(page, 'Download the current view as SVG')).toString('utf8');

/** The SVG's three parts: header group, the map's nested <svg>, footer group. */
function parts(svg) {
  const part = (start, end) => svg.slice(svg.indexOf(start), svg.indexOf(end, svg.indexOf(start)));
  return { header: part('<g class="am-header"', '</g>'), map: part('<svg class="am-map"', '</svg>'), footer: part('<g class="am-footer"', '</g>') };
}

/** Kinds of the entities inside the current view, worded as in the legend. */
function kindsInView(page) {
  return page.evaluate(() => {
    const w = document.querySelector('#map').allianceMap;
    const { positions, radii } = w.geometry();
    const c = w.camera;
    const kinds = new Set();
    w.entities.forEach((e, i) => {
      const [x, y, r] = [(positions[2 * i] - c.x) * c.zoom, (positions[2 * i + 1] - c.y) * c.zoom, Math.max(radii[i] * c.zoom, 2.5)];
      if (x + r > 0 && x - r < w.width && y + r > 0 && y - r < w.height) kinds.add(e.kind);
    });
    return [...kinds];
  });
}

test('the SVG button saves a figure: title, legend of the view, map with labels as text, credit and citations', async () => {
  await withContextPage(env.browser, { ...DESKTOP, acceptDownloads: true }, async (page) => {
    const errors = await openMap(page, env.server.url);
    const svg = await saveSvg(page);
    const st = await page.evaluate(() => document.querySelector('#map').allianceMap.state());
    const { header, map, footer } = parts(svg);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((map.match(/<circle/g) || []).length, st.drawn.nodes, 'every drawn entity is in the map band');
    // A two-line label is one <text> of two <tspan>s: its text is the whole label.
    const texts = map.replace(/<tspan[^>]*>|<\/tspan>/g, '');
    for (const label of st.labels.slice(0, 5)) assert.ok(texts.includes(`>${label.replace(/&/g, '&amp;')}</text>`), `label ${label} as text`);
    assert.ok(header.includes(`font-weight="600" fill="#1a1a1a">${TITLE}</text>`), 'the title heads the figure');
    const kinds = await kindsInView(page);
    assert.ok(kinds.length >= 5, `kinds in view: ${kinds}`);
    for (const kind of kinds) assert.ok(header.includes(`>${humanize(kind)}</text>`), `legend entry for ${kind}`);
    assert.equal((header.match(/<circle/g) || []).length, kinds.length, 'one legend dot per kind in view, no more');
    assert.ok(header.includes('>Founding member of</text>') && header.includes('stroke-dasharray="6 4"') && header.includes('>Inferred by the editor</text>'), 'relation types, the dashed and the dotted line');
    assert.ok(!svg.includes('>As of'), 'no as-of line while the slider shows all dates');
    assert.ok(footer.includes('>Sources: JW Insights (September 28, year not stated); “Huawei'), 'the credit line');
    assert.ok(footer.includes('Kate Yuan, September 28, year not stated') && footer.includes('>Made with alliance-map</text>'), 'citations and the made-with line');

    const stops = await page.evaluate(() => document.querySelector('#map').allianceMap.reader.stops);
    await setDate(page, stops[1].label);
    const dated = parts(await saveSvg(page));
    assert.ok(dated.header.includes(`>As of ${stops[1].text}</text>`), `the as-of date in the header: ${stops[1].text}`);
    const datedNodes = (dated.map.match(/<circle/g) || []).length;
    assert.ok(datedNodes < st.drawn.nodes, `the figure shows the map as of that date: ${datedNodes} < ${st.drawn.nodes}`);
    assert.deepEqual(errors, []);
  });
});

test('in the dark theme the figure is dark too, in the same layout', async () => {
  await withContextPage(env.browser, { ...DESKTOP, colorScheme: 'dark', acceptDownloads: true }, async (page) => {
    const errors = await openMap(page, env.server.url);
    const svg = await saveSvg(page);
    assert.ok(svg.includes('<rect width="100%" height="100%" fill="#15181d"/>'), 'dark background');
    assert.ok(svg.includes(`fill="#eef1f5">${TITLE}</text>`), 'light text');
    assert.ok(!svg.includes('#ffffff') && !svg.includes('#1a1a1a'), 'no light-theme colour left');
    assert.deepEqual(errors, []);
  });
});

test('under a strict CSP the PNG button saves the same figure at twice the size, bands painted', async () => {
  await withContextPage(env.browser, { ...DESKTOP, acceptDownloads: true }, async (page) => {
    await recordViolations(page);
    const errors = await openMap(page, env.server.url, '/csp/');
    const { svg, list } = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      const view = [w.camera.x, w.camera.y, w.camera.zoom, w.width, w.height, 16, false];
      return { svg: w.handle.svg(...view), list: JSON.parse(w.handle.displayList(...view)) };
    });
    const [, width, height] = svg.match(/width="([\d.]+)" height="([\d.]+)"/).map(Number);
    const png = PNG.sync.read(await downloadFrom(page, 'Download the current view as PNG (2x)'));
    assert.equal(png.width, Math.round(width * 2), 'twice the SVG width');
    assert.equal(png.height, Math.round(height * 2), 'twice the SVG height, header and footer included');
    const rgb = (x, y) => {
      const i = 4 * (Math.round(y * 2) * png.width + Math.round(x * 2));
      return '#' + [0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, '0')).join('');
    };
    const [, top, , mapHeight] = list.map;
    const inside = ([, x, y, r]) => r >= 4 && x - r > 0 && x + r < width && y - r > top && y + r < top + mapHeight;
    const nodes = list.shapes.filter((s) => s[0] === 'node' && inside(s));
    assert.ok(nodes.length > 0 && top > 40, 'entities to paint below a header');
    for (const [, x, y, , color] of nodes.slice(0, 5)) assert.equal(rgb(x, y), color, `an entity at ${x},${y} in its kind's colour`);
    // Dark pixels (text, swatches) in a band of rows, in PNG px.
    const ink = (from, to) => {
      let n = 0;
      for (let y = Math.round(from * 2); y < Math.round(to * 2); y++) {
        for (let x = 0; x < png.width; x++) n += png.data[4 * (y * png.width + x)] < 200 ? 1 : 0;
      }
      return n;
    };
    const titleRow = list.marks.find((m) => m[0] === 'text' && m[4] === 1);
    assert.equal(titleRow[6], 'Industry alliances in Chinese cars and chips');
    const titleInk = ink(titleRow[2] - 9, titleRow[2] + 9);
    assert.ok(titleInk > 1000, `the title is painted (${titleInk} dark pixels)`);
    assert.ok(ink(titleRow[2] + 9, top) > 1000, 'the legend is painted');
    const footerInk = ink(top + mapHeight, height);
    assert.ok(footerInk > 1000, `the footer has text (${footerInk} dark pixels)`);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation event');
    assert.deepEqual(errors, []);
  });
});
