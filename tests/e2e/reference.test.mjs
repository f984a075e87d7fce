// Reference screenshots of the published seed map (the site `alliance-map
// build` writes, served from a sub-path) as a reader first sees it: on a
// desktop (1280x800), on a phone (390x844 at 3x, touch) and on a desktop in
// dark mode. Each is compared with tests/e2e/reference/<name>.png; more than
// 1% of pixels off (pixelmatch threshold 0.1) fails, leaving the actual
// picture and the difference in target/e2e/.
//
// Regenerate: UPDATE_SCREENSHOTS=1 node --test tests/e2e/reference.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { ROOT, DESKTOP, PHONE, useServerAndBrowser, buildSite, openMap, withContextPage, nextFrames } from './harness.mjs';

const SITE = path.join(ROOT, 'target/e2e/reference-site');
const REFERENCES = path.join(ROOT, 'tests/e2e/reference');
const ARTIFACTS = path.join(ROOT, 'target/e2e');
const env = useServerAndBrowser(() => {
  buildSite('data/seed.toml', SITE);
  return { mounts: [{ prefix: '/news/graphics/map/', dir: SITE }] };
});

/** Compares `shot` (PNG bytes) with the reference `name`, or writes it under UPDATE_SCREENSHOTS=1. */
function compareWithReference(shot, name) {
  const reference = path.join(REFERENCES, `${name}.png`);
  const actualPath = path.join(ARTIFACTS, `${name}.actual.png`);
  const diffPath = path.join(ARTIFACTS, `${name}.diff.png`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const stale of [actualPath, diffPath]) fs.rmSync(stale, { force: true }); // only this run's failure leaves files
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(REFERENCES, { recursive: true });
    fs.writeFileSync(reference, shot);
    console.log(`# wrote the reference screenshot ${path.relative(ROOT, reference)}`);
    return;
  }
  const regenerate = 'UPDATE_SCREENSHOTS=1 node --test tests/e2e/reference.test.mjs regenerates it';
  if (!fs.existsSync(reference)) {
    fs.writeFileSync(actualPath, shot);
    assert.fail(`no reference screenshot ${path.relative(ROOT, reference)} (${regenerate}; the actual one is in ${path.relative(ROOT, actualPath)})`);
  }
  const expected = PNG.sync.read(fs.readFileSync(reference));
  const actual = PNG.sync.read(shot);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    fs.writeFileSync(actualPath, shot);
    assert.fail(`${name}: ${actual.width}x${actual.height}, the reference is ${expected.width}x${expected.height} (${regenerate})`);
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const total = actual.width * actual.height;
  if (differing > total * 0.01) {
    fs.writeFileSync(actualPath, shot);
    fs.writeFileSync(diffPath, PNG.sync.write(diff));
  }
  assert.ok(
    differing <= total * 0.01,
    `${name}: ${differing} of ${total} pixels (${((100 * differing) / total).toFixed(2)}%) differ, over the 1% allowed; ` +
      `see ${path.relative(ROOT, actualPath)} and ${path.relative(ROOT, diffPath)} (${regenerate})`,
  );
}

for (const [name, options] of [
  ['seed-desktop', DESKTOP],
  ['seed-phone', PHONE],
  ['seed-dark', { ...DESKTOP, colorScheme: 'dark' }],
]) {
  test(`the published seed map looks like the reference screenshot ${name}.png`, async () => {
    await withContextPage(env.browser, options, async (page) => {
      const errors = await openMap(page, `${env.server.url}/news/graphics/map/`, '/');
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300); // fonts and a last frame
      await nextFrames(page);
      compareWithReference(await page.locator('#map').screenshot(), name);
      assert.deepEqual(errors, [], 'no console or page error');
    });
  });
}
