// A map's teardown: destroy() (and an <alliance-map> leaving the page) ends
// everything the widget started. Counted from outside: listeners on window,
// document and the container with everything in it (DevTools protocol,
// DOMDebugger.getEventListeners), and, through wrappers an init script puts
// on the page first, live timers, intervals, animation frames, observers and
// media-query listeners. Then 50 mounts and destroys, and 50 elements added
// and removed, leave the same counts and no growing wasm memory. The page
// (pages/lifecycle.html) loads www/ as it is, unbundled, so this also runs
// the modules the declarations (www/mount.d.ts) describe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT, DESKTOP, useServerAndBrowser, withContextPage, collectErrors, nextFrames } from './harness.mjs';

const env = useServerAndBrowser(() => {
  if (!fs.existsSync(path.join(ROOT, 'pkg/alliance_map.js'))) throw new Error('pkg/ is missing: run scripts/build.sh first');
  return {
    mounts: [
      { prefix: '/plain/pkg/', dir: path.join(ROOT, 'pkg') },
      { prefix: '/plain/', dir: path.join(ROOT, 'www') },
      { prefix: '/test/', dir: path.join(ROOT, 'tests/e2e/pages') },
    ],
  };
});
// Play steps through dates only without reduced motion: its interval is one of the things to end.
const CONTEXT = { ...DESKTOP, reducedMotion: 'no-preference' };
const NOTHING_LIVE = { timeouts: 0, intervals: 0, frames: 0, observers: 0, mediaListeners: 0 };

/** Wraps the page's timers, frames, observers and media-query listeners to count the live ones (window.__live()). */
function trackLive() {
  const live = { timeouts: new Set(), intervals: new Set(), frames: new Set(), observers: new Set(), mediaListeners: 0 };
  window.__live = () => ({
    timeouts: live.timeouts.size,
    intervals: live.intervals.size,
    frames: live.frames.size,
    observers: live.observers.size,
    mediaListeners: live.mediaListeners,
  });
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci, requestAnimationFrame: raf, cancelAnimationFrame: caf } = window;
  window.setTimeout = (fn, ms, ...args) => {
    const id = st(() => {
      live.timeouts.delete(id);
      fn(...args);
    }, ms);
    live.timeouts.add(id);
    return id;
  };
  window.clearTimeout = (id) => (live.timeouts.delete(id), ct(id));
  window.setInterval = (fn, ms, ...args) => {
    const id = si(fn, ms, ...args);
    live.intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => (live.intervals.delete(id), ci(id));
  window.requestAnimationFrame = (fn) => {
    const id = raf((t) => {
      live.frames.delete(id);
      fn(t);
    });
    live.frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => (live.frames.delete(id), caf(id));
  for (const name of ['ResizeObserver', 'IntersectionObserver']) {
    window[name] = class extends window[name] {
      observe(target, options) {
        live.observers.add(this);
        return super.observe(target, options);
      }
      disconnect() {
        live.observers.delete(this);
        return super.disconnect();
      }
    };
  }
  const add = MediaQueryList.prototype.addEventListener;
  MediaQueryList.prototype.addEventListener = function (type, fn, options) {
    live.mediaListeners++;
    options?.signal?.addEventListener('abort', () => live.mediaListeners--);
    return add.call(this, type, fn, options);
  };
}

/** The types of the listeners on window, on document, and on the container and all inside it (shadow roots too). */
async function listeners(cdp, container) {
  const types = async (expression, depth) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth, pierce: true });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  return { window: await types('window', 0), document: await types('document', 0), container: await types(container, -1) };
}

const HOST = "document.getElementById('host')";
const SLOT = "document.getElementById('element-slot')";

/**
 * Opens pages/lifecycle.html with the counting wrappers and runs
 * `fn({page, listenersNow, before})`: `listenersNow()` counts around
 * `container` (a JS expression), `before` is what it counted first. Then
 * asserts no console or page error happened.
 */
async function withLifecyclePage(container, fn) {
  await withContextPage(env.browser, CONTEXT, async (page) => {
    const errors = collectErrors(page);
    await page.addInitScript(trackLive);
    await page.goto(`${env.server.url}/test/lifecycle.html`);
    await page.waitForFunction(() => window.mountMap);
    const cdp = await page.context().newCDPSession(page);
    const listenersNow = () => listeners(cdp, container);
    await fn({ page, listenersNow, before: await listenersNow() });
    assert.deepEqual(errors, [], 'no console or page error');
  });
}

/** Mounts the seed on #host and resolves when it is interactive (window.map). */
function mountSeed(page, options) {
  return page.evaluate(async (options) => {
    window.map = await window.mountMap(options);
    if (!window.map) throw new Error('mount resolved to null');
  }, options);
}

/** Uses what holds listeners, timers and history: a click, search, the filters, Play, the text view, keys, wheel, hover. */
async function interact(page, map) {
  const inMap = (selector) => page.locator(`${map} ${selector}`);
  const canvas = inMap('canvas');
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -200);
  await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await canvas.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'Enter', 'Shift+ArrowLeft', '+']) await page.keyboard.press(key);
  const search = inMap('.am-search input');
  await search.fill('hua');
  await search.press('ArrowDown');
  await search.press('Enter');
  await inMap('button.am-disclosure >> text=Filters').click();
  await inMap('.am-filters input[type=checkbox]').first().uncheck();
  await inMap('button.am-play').click();
  await inMap('button.am-disclosure >> text=Text view').click();
  await nextFrames(page);
}

test('destroy() ends every listener, observer, timer and frame of the map, and frees its wasm handle', async () => {
  await withLifecyclePage(HOST, async ({ page, listenersNow, before }) => {
    assert.deepEqual(before.container, [], 'the empty container has no listener');
    await mountSeed(page, { deepLink: true });
    await interact(page, '#host');
    const during = await listenersNow();
    assert.ok(during.window.includes('popstate') && during.window.includes('hashchange'), `deep links listen on window: ${during.window}`);
    assert.ok(during.document.includes('pointerdown'), `a tap outside deactivates the map: ${during.document}`);
    assert.ok(during.container.length > 40, `the map's own DOM listens (${during.container.length} listeners)`);
    assert.ok((await page.evaluate(() => window.__live())).intervals >= 1, 'Play is running');

    const live = await page.evaluate(() => {
      window.map.destroy();
      return window.__live();
    });
    assert.deepEqual(live, NOTHING_LIVE, 'no timer, interval, frame, observer or media-query listener is left');
    const after = await listenersNow();
    const mine = (counts) => Object.entries(counts).map(([on, types]) => `${on} ${types.length - before[on].length}`).join(', ');
    console.log(`the map's listeners while it ran: ${mine(during)}; after destroy(): ${mine(after)}`);
    assert.deepEqual(after, before, 'no listener is left on window, document, or the container and its DOM');
    assert.equal(await page.evaluate(() => window.map.handle.__wbg_ptr), 0, 'the wasm handle is freed');
    // Nothing wakes a destroyed map: a resize, keys, history.
    await page.evaluate(() => {
      document.getElementById('host').style.width = '500px';
      history.back();
    });
    await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(1200);
  });
});

test('50 mounts and destroys of one container leave the same listeners and no growing wasm memory', async () => {
  await withLifecyclePage(HOST, async ({ page, listenersNow, before }) => {
    const cycle = (times) =>
      page.evaluate(async (times) => {
        for (let i = 0; i < times; i++) {
          const w = await window.mountMap({ deepLink: i % 2 === 0 });
          w.select('entity', i % 10);
          w.destroy();
        }
        return { live: window.__live() };
      }, times);
    await mountSeed(page, {});
    const memory = () => page.evaluate(() => window.map.views.memory.buffer.byteLength);
    const warm = await memory();
    await page.evaluate(() => window.map.destroy());
    const { live } = await cycle(50);
    await mountSeed(page, {});
    const grown = (await memory()) - warm;
    await page.evaluate(() => window.map.destroy());
    assert.deepEqual(live, NOTHING_LIVE, 'nothing live after 50 cycles');
    assert.deepEqual(await listenersNow(), before, 'the same listeners as before the first mount');
    assert.ok(grown < 1024 * 1024, `wasm memory grew by ${grown} bytes over 50 mounts`);
    console.log(`50 mounts and destroys: wasm memory grew by ${grown} bytes`);
  });
});

test('an <alliance-map> leaving the page destroys its map, also mid-load; 50 of them leave nothing behind', async () => {
  await withLifecyclePage(SLOT, async ({ page, listenersNow, before }) => {
    const add = () =>
      page.evaluate(async () => {
        const el = document.createElement('alliance-map');
        el.id = 'element-map';
        document.getElementById('element-slot').append(el);
        while (!el.widget) await new Promise((r) => setTimeout(r, 20));
      });
    await add();
    await interact(page, '#element-map');
    const during = await listenersNow();
    const destroyed = await page.evaluate(() => {
      const el = document.getElementById('element-map');
      const w = el.widget;
      el.remove();
      return { destroyed: w.destroyed, freed: w.handle.__wbg_ptr === 0, widget: el.widget, live: window.__live() };
    });
    assert.deepEqual(destroyed, { destroyed: true, freed: true, widget: null, live: NOTHING_LIVE }, 'removing the element destroys its map');
    assert.deepEqual(await listenersNow(), before, `no listener is left (${during.container.length} while it ran)`);
    // Every fifth element leaves before its map has loaded.
    await page.evaluate(async () => {
      for (let i = 0; i < 50; i++) {
        const el = document.createElement('alliance-map');
        document.getElementById('element-slot').append(el);
        if (i % 5) while (!el.widget) await new Promise((r) => setTimeout(r, 10));
        else await new Promise((r) => setTimeout(r, 5));
        el.remove();
      }
      // What was loading when its element left stops at its next step.
      await new Promise((r) => setTimeout(r, 1500));
    });
    assert.deepEqual(await page.evaluate(() => window.__live()), NOTHING_LIVE, 'nothing live after 50 elements came and went');
    assert.deepEqual(await listenersNow(), before, 'no listener is left after 50 elements');
  });
});

/** The member names of an interface in a declaration file. */
function declaredMembers(file, name) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  return found.members.map((m) => m.name.getText(source));
}

test('the widget mount() resolves to has every member mount.d.ts declares', async () => {
  const declared = ['FirstFrame', 'AllianceMap'].flatMap((name) => declaredMembers(path.join(ROOT, 'www/mount.d.ts'), name));
  await withLifecyclePage(HOST, async ({ page }) => {
    await mountSeed(page, {});
    const missing = await page.evaluate((names) => names.filter((n) => window.map[n] === undefined), declared);
    assert.deepEqual(missing, [], `declared but missing: ${missing}`);
    await page.evaluate(() => window.map.destroy());
  });
});
