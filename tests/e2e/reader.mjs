// Helpers for reading.test.mjs: opening the map, the reader's controls
// (combobox, date slider), the seed's relation types, and axe-core.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, nextFrames } from './harness.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const ALLIANCE = 'Automotive Electronics Industry Investment Alliance';
export const CSIA = 'China Semiconductor Industry Association';

/** Relation types in data/seed.toml, one per [[relation]]. */
export function seedRelationTypes() {
  const text = fs.readFileSync(path.join(ROOT, 'data/seed.toml'), 'utf8');
  return text
    .split(/^\s*\[\[relation\]\]\s*$/m)
    .slice(1)
    .map((block) => block.split(/^\s*\[\[/m)[0].match(/^\s*type\s*=\s*"([^"]+)"/m)?.[1]);
}

/** Ids of the entities one relation away from `id` in data/seed.toml. */
export function seedNeighbours(id) {
  const text = fs.readFileSync(path.join(ROOT, 'data/seed.toml'), 'utf8');
  const out = new Set();
  for (const block of text.split(/^\s*\[\[relation\]\]\s*$/m).slice(1)) {
    const body = block.split(/^\s*\[\[/m)[0];
    const [from, to] = ['from', 'to'].map((k) => body.match(new RegExp(`^\\s*${k}\\s*=\\s*"([^"]+)"`, 'm'))?.[1]);
    if (from === id) out.add(to);
    if (to === id) out.add(from);
  }
  out.delete(id);
  return [...out];
}

export const inMap = (page, selector) => page.locator(`#map ${selector}`);
export const searchInput = (page) => inMap(page, '.am-search input[role="combobox"]');
export const button = (page, name) => page.locator('#map').getByRole('button', { name, exact: true });

/** Whether entity `id` is shown (not hidden by a filter). */
export function isShown(page, id) {
  return page.evaluate((id) => {
    const w = document.querySelector('#map').allianceMap;
    return w.reader.isShown(w.handle.find(id));
  }, id);
}

/** Types `text` into a combobox and chooses the first option with Enter. */
export async function chooseInCombobox(page, input, text) {
  await input.click();
  await input.fill(text);
  await page.locator(`#${await input.getAttribute('aria-controls')} [role="option"]`).first().waitFor();
  await input.press('Enter');
}

/** Moves the as-of slider to the stop labelled `label` (or "All dates" for null) with the keyboard. */
export async function setDate(page, label) {
  const stops = await page.evaluate(() => document.querySelector('#map').allianceMap.reader.stops);
  const target = label === null ? stops.length : stops.findIndex((s) => s.label === label);
  assert.ok(target >= 0, `${label} is a stop of the slider: ${stops.map((s) => s.label).join(', ')}`);
  const range = inMap(page, 'input[type="range"]');
  await range.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
  await nextFrames(page);
  assert.equal(await range.getAttribute('aria-valuetext'), label === null ? 'All dates' : stops[target].text);
}

/** Injects axe-core (the npm package's source, as an inline script) and fails on any violation. */
export async function runAxe(page, what) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() => window.axe.run(document));
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  assert.deepEqual(summary, [], `axe-core violations on ${what}`);
  assert.ok(result.passes.length > 10, `axe-core ran its rules on ${what}`);
}
