// The compiler module in a Web Worker (started by compiler-client.js), so a
// long check, import or layout never freezes the studio page. Message in:
// {id, op, args}; out: {id, result, ms} or {id, error}. Bytes leave as
// transferables (no copy). Only the studio loads this file.
import init, { check, convert, build, entityPlaces } from './pkg/alliance_map_compiler.js';
import { siteZip } from './studio-zip.js';
import { errorMessage } from './errors.js';

let ready = null;
const load = () => (ready ??= init({ module_or_path: new URL('./pkg/alliance_map_compiler_bg.wasm', import.meta.url) }));

/**
 * The most diagnostics sent to the page: a file with 30,000 problems would
 * take the page's thread a while to receive, and nobody reads past the
 * first few thousand (errors and warnings still count them all).
 */
export const SENT = 5000;

/** A result without the rendered text (30,000 problems render to megabytes the page does not show), its diagnostics capped at SENT. */
function checked({ rendered, diagnostics, ...rest }) {
  return { ...rest, diagnostics: diagnostics.slice(0, SENT), omitted: Math.max(0, diagnostics.length - SENT) };
}

const OPS = {
  /** Every diagnostic, and where the TOML file's entities are (for the map). */
  check({ files }) {
    const result = checked(check(files));
    const toml = files.find((f) => f.name.endsWith('.toml'));
    let places = [];
    if (toml) {
      try {
        places = entityPlaces(toml);
      } catch {
        // A file that is not TOML yet has no entities to point at.
      }
    }
    return { ...result, places };
  },
  convert: ({ files }) => checked(convert(files)),
  /** `build`'s files; `only`: the names to keep (the studio's map needs data.amap alone). */
  build({ files, options, only }) {
    const result = checked(build(files, options || {}));
    if (only) result.files = result.files.filter((f) => only.includes(f.name));
    return result;
  },
  /** The whole site as one .zip: build's files and the widget's, fetched from the folder this worker came from. */
  async site({ files, options }) {
    const base = new URL('./', import.meta.url);
    const get = async (name) => {
      const response = await fetch(new URL(name, base));
      if (!response.ok) throw new Error(`could not fetch the widget's ${name} from ${base.href} (HTTP ${response.status})`);
      return response;
    };
    const [index, embed] = await Promise.all(['index.html', 'embed.html'].map(async (n) => (await get(n)).text()));
    const result = checked(build(files, { ...options, widgetPages: { index, embed } }));
    if (!result.ok) return { ...result, files: [], zip: null };
    const names = await (await get('widget-files.json')).json();
    const widget = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await (await get(name)).arrayBuffer()) })));
    const zip = siteZip([...widget, ...result.files]);
    return { ...result, files: result.files.map(({ name }) => ({ name })), zip };
  },
};

/** The ArrayBuffers in `result` that can move to the page instead of being copied. */
function transfers(result) {
  const out = [];
  if (result?.zip) out.push(result.zip.buffer);
  for (const f of result?.files || []) if (f.bytes) out.push(f.bytes.buffer);
  return [...new Set(out)];
}

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    await load();
    const start = performance.now();
    const result = await OPS[op](args);
    self.postMessage({ id, result, ms: performance.now() - start }, transfers(result));
  } catch (err) {
    self.postMessage({ id, error: errorMessage(err) });
  }
};
