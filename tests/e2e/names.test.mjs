// Look-alike and direction-changing names (tests/fixtures/check/
// w003_confusable_name.toml: three "Huawei"s and "Acme \u202Eslatem", whose
// U+202E RIGHT-TO-LEFT OVERRIDE would reverse every word after it): the
// widget isolates each name, so the sentence around it reads in order, in
// the details panel, the text view and the search results, and without
// JavaScript too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, DESKTOP, useServerAndBrowser, buildSite, openMap, withContextPage, nextFrames } from './harness.mjs';

const SITE = path.join(ROOT, 'target/e2e/names');
const env = useServerAndBrowser(() => {
  buildSite('tests/fixtures/check/w003_confusable_name.toml', SITE);
  return { mounts: [{ prefix: '/names/', dir: SITE }] };
});
const REVERSED = 'Acme \u202Eslatem';

/**
 * In `selector`'s first element whose text includes `words`: whether the
 * words after the name lie to the right of it on screen (in reading order),
 * whether the name is a <bdi>, and the same order for a copy of the text
 * without isolation (which the override does reverse: the control).
 */
function order(page, selector, words) {
  return page.evaluate(
    ([selector, words, reversed]) => {
      const at = (node, from, to) => {
        const r = document.createRange();
        r.setStart(node, from);
        r.setEnd(node, to);
        return r.getBoundingClientRect();
      };
      const host = [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(words));
      if (!host) return null;
      const name = [...host.querySelectorAll('bdi')].find((b) => b.textContent === reversed);
      const after = [...host.childNodes].find((n) => n.nodeType === 3 && n.textContent.includes(words));
      const i = after ? after.textContent.indexOf(words) : -1;
      const result = { bdi: Boolean(name), inOrder: false, controlInOrder: null, text: host.textContent };
      if (name && after) result.inOrder = at(after, i, i + words.length).left >= name.getBoundingClientRect().right - 1;
      // The control: the same sentence as one plain text node.
      const plain = document.createElement('p');
      plain.style.position = 'absolute';
      plain.textContent = host.textContent;
      document.body.append(plain);
      const t = plain.firstChild;
      const n = t.textContent.indexOf(reversed);
      const j = t.textContent.indexOf(words);
      result.controlInOrder = at(t, j, j + words.length).left >= at(t, n, n + reversed.length).right - 1;
      plain.remove();
      return result;
    },
    [selector, words, REVERSED],
  );
}

const entityIndex = (page, id) => page.evaluate((id) => document.querySelector('#map').allianceMap.state().entityIds.indexOf(id), id);

test("the panel's sentence with a U+202E name reads in order: the name is a <bdi>", async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openMap(page, `${env.server.url}/names/`, '/');
    const i = await entityIndex(page, 'reversed');
    await page.evaluate((i) => document.querySelector('#map').allianceMap.select('entity', i), i);
    await page.locator('#map .am-panel').waitFor({ state: 'visible', timeout: 5000 });
    const panel = await order(page, '#map .am-panel .relation-sentence', ' holds 5% of ');
    assert.equal(panel?.text, `${REVERSED} holds 5% of Target.`, 'textContent is the plain sentence');
    assert.ok(panel.bdi, 'the name is a <bdi>');
    assert.ok(panel.inOrder, '" holds 5% of " is drawn after (right of) the name');
    assert.equal(panel.controlInOrder, false, 'without isolation the override reverses the rest (the check can fail)');
    const heading = await page.locator('#map .am-panel .panel-title bdi').textContent();
    assert.equal(heading, REVERSED, 'the heading isolates the name too');

    await page.evaluate(() => document.querySelector('#map').allianceMap.controls.textButton.click());
    await page.locator('#map .am-textview .relation-sentence').first().waitFor({ timeout: 5000 });
    await nextFrames(page);
    const text = await order(page, '#map .am-textview .relation-sentence', ' holds 5% of ');
    assert.ok(text?.bdi && text.inOrder, `the text view's sentence reads in order: ${JSON.stringify(text)}`);

    await page.evaluate(() => document.querySelector('#map').allianceMap.controls.search.input.scrollIntoView());
    await page.evaluate(() => document.querySelector('#map').allianceMap.controls.search.input.focus());
    await page.keyboard.type('Acme');
    await page.locator('#map .am-combo-option').first().waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#map .am-combo-option bdi').first().textContent(), REVERSED, 'search results isolate names');
    assert.deepEqual(errors, []);
  });
});

test('without JavaScript the fallback isolates names in its sentences', async () => {
  await withContextPage(env.browser, { ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    await page.goto(`${env.server.url}/names/`);
    const r = await order(page, '#map li', ' holds 5% of ');
    assert.ok(r?.bdi && r.inOrder, JSON.stringify(r));
  });
});
