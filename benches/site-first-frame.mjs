// First frame of published sites: navigation start to the widget's first
// drawn frame on the index.html that `alliance-map build` writes, for a
// 1,000- and a 10,000-entity site (generated, Barabási–Albert, 5 relations
// per entity), and beside them the 10k site with its whole no-JavaScript
// text inlined in index.html (what build wrote before the fallback was
// bounded: every entity as an <article>). Desktop 1280x800, unthrottled,
// served gzip-compressed from localhost, cache disabled, runs alternated.
//
// Run after scripts/build.sh:  node benches/site-first-frame.mjs
// Writes target/bench/site-first-frame.json; goal: the 10k site's median
// within 1.5x of the 1k site's, and its index.html at most 100 KB gzip.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { ROOT, startServer, launchBrowser, writeSynthToml } from '../tests/e2e/harness.mjs';
import { recordOursFirstFrame } from './first-frame-mark.mjs';

const RUNS = 7;
const OUT = path.join(ROOT, 'target/bench/sites');
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

const cargo = (args, options = {}) => execFileSync('cargo', ['run', '--release', '-q', ...args], { cwd: ROOT, maxBuffer: 256 << 20, ...options });

/** Builds a generated site of `n` entities into OUT/<name>/; returns its directory. */
function buildSite(name, n) {
  const dir = path.join(OUT, name);
  const toml = path.join(OUT, `${name}.toml`);
  writeSynthToml(toml, n, 5 * n, 1, { release: true });
  fs.rmSync(dir, { recursive: true, force: true });
  cargo(['--', 'build', toml, '-o', dir, '--widget', 'dist'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

/** The 10k site's index.html with the whole text inlined (text.html's section in place of the bounded one). */
function writeUnbounded(dir) {
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const full = fs.readFileSync(path.join(dir, 'text.html'), 'utf8');
  const section = (html) => html.slice(html.indexOf('<section class="am-fallback"'), html.indexOf('</section>') + '</section>'.length);
  fs.writeFileSync(path.join(dir, 'index-unbounded.html'), index.replace(section(index), section(full)));
}

async function measure(browser, url) {
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    await page.addInitScript(recordOursFirstFrame);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__firstFrame, null, { timeout: 120000 });
    return Math.round(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const gzipKB = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

const small = buildSite('1k', 1000);
const big = buildSite('10k', 10000);
writeUnbounded(big);
const pages = {
  '1k index.html': ['/s1k/', path.join(small, 'index.html')],
  '10k index.html': ['/s10k/', path.join(big, 'index.html')],
  '10k, whole text inlined (before)': ['/s10k/index-unbounded.html', path.join(big, 'index-unbounded.html')],
};
const server = await startServer({ mounts: [{ prefix: '/s1k/', dir: small }, { prefix: '/s10k/', dir: big }], gzip: true });
const browser = await launchBrowser();
const runs = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [name, [url]] of Object.entries(pages)) runs[name].push(await measure(browser, server.url + url));
    console.log(`run ${i + 1}: ${Object.keys(pages).map((k) => `${k} ${runs[k][i]} ms`).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
const result = Object.fromEntries(
  Object.entries(pages).map(([name, [, file]]) => [name, { median_ms: median(runs[name]), runs: runs[name], html_gzip_kb: Number(gzipKB(file).toFixed(1)) }]),
);
for (const [name, r] of Object.entries(result)) console.log(`${name.padEnd(34)} first frame median ${r.median_ms} ms; page ${r.html_gzip_kb} KB gzip`);
const ratio = result['10k index.html'].median_ms / result['1k index.html'].median_ms;
const size = result['10k index.html'].html_gzip_kb;
console.log(`goal: 10k within 1.5x of 1k: ${ratio.toFixed(2)}x ${ratio <= 1.5 ? 'PASS' : 'FAIL'}; 10k index.html <= 100 KB gzip: ${size} KB ${size <= 100 ? 'PASS' : 'FAIL'}`);
fs.writeFileSync(path.join(ROOT, 'target/bench/site-first-frame.json'), JSON.stringify({ ...result, ratio_10k_to_1k: ratio }, null, 2) + '\n');
