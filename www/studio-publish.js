// Publish: the whole static site as one .zip (the files `alliance-map
// build` writes: build's own and the widget's), or only data.toml or
// data.amap, and the snippets that embed the published map in a page
// (an iframe with its auto-height script; the <alliance-map> element).
import { datasetTitle } from './studio-toml.js';

/** The site's folder URL as `--base-url` takes it (ending in /), '' for none, or null if it is not one. */
export function baseUrl(value) {
  const url = value.trim();
  if (!url) return '';
  if (!/^https?:\/\/[^/?#"<> ]+[^?#"<> ]*$/.test(url)) return null;
  return url.endsWith('/') ? url : `${url}/`;
}

const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The embed snippets for a site at `base` ('' : a placeholder) whose map is titled `title`. */
export function snippets(base, title) {
  const at = base || 'https://example.org/your-map/';
  return {
    iframe:
      `<iframe class="alliance-map-embed" src="${attr(at)}embed.html" title="${attr(title)}" width="100%" height="600" loading="lazy"></iframe>\n` +
      `<script src="${attr(at)}embed-resizer.js"></script>`,
    element: `<script type="module" src="${attr(at)}element.js"></script>\n<alliance-map src="${attr(at)}data.amap" height="600"></alliance-map>`,
  };
}

/** Saves `bytes` (a Blob's parts) as a download named `name`. */
export function download(name, parts, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Wires the publish section `section`. `files()` gives what the editor
 * holds as compiler input; `onDownloaded(text)` is told which text was
 * saved; `say(text)` reports.
 */
export function attachPublish(section, { client, files, text, onDownloaded, say }) {
  const input = section.querySelector('#base-url');
  const note = section.querySelector('.publish-note');
  const boxes = { iframe: section.querySelector('#snippet-iframe'), element: section.querySelector('#snippet-element') };
  let title = 'alliance-map';

  const base = () => {
    const b = baseUrl(input.value);
    input.setCustomValidity(b === null ? 'An address starting with https:// (or http://), such as https://example.org/maps/alliances/' : '');
    return b;
  };
  const update = () => {
    const s = snippets(base() || '', title);
    for (const k of Object.keys(boxes)) boxes[k].value = s[k];
  };
  input.addEventListener('input', update);

  const tell = (message) => {
    note.textContent = message;
    say?.(message);
  };
  const refused = (result) => `Not published: the data has ${result.errors.toLocaleString('en')} ${result.errors === 1 ? 'error' : 'errors'}. Fix ${result.errors === 1 ? 'it' : 'them'} first (see Problems).`;

  const actions = {
    async zip() {
      const b = base();
      if (b === null) return tell('The site address is not a web address: fix it or leave it empty.');
      const saved = text();
      tell('Making the site…');
      const result = await client.request('build', 'site', { files: files(), options: b ? { baseUrl: b } : {} }, { label: 'Making the site (.zip)' });
      if (!result.zip) return tell(refused(result));
      download('site.zip', [result.zip], 'application/zip');
      onDownloaded(saved);
      tell(`Downloaded site.zip (${(result.zip.length / 1024).toFixed(0)} KB): unzip it and put the folder on any static host.`);
    },
    toml() {
      const saved = text();
      download('data.toml', [saved], 'application/toml');
      onDownloaded(saved);
      tell('Downloaded data.toml.');
    },
    async amap() {
      const result = await client.request('build', 'build', { files: files(), options: {}, only: ['data.amap'] }, { label: 'Building data.amap' });
      const amap = result.files.find((f) => f.name === 'data.amap');
      if (!result.ok || !amap) return tell(refused(result));
      download('data.amap', [amap.bytes]);
      tell('Downloaded data.amap.');
    },
  };
  for (const button of section.querySelectorAll('[data-publish]')) {
    button.addEventListener('click', () => Promise.resolve().then(actions[button.dataset.publish]).catch((err) => tell(`Not published: ${err.message}`)));
  }
  for (const button of section.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const box = boxes[button.dataset.copy];
      try {
        await navigator.clipboard.writeText(box.value);
      } catch {
        box.select();
        document.execCommand('copy');
      }
      tell('Copied the snippet.');
    });
  }
  update();
  return {
    /** The text changed and checked: the snippets follow the dataset's title. */
    update(current) {
      const next = datasetTitle(current) || 'alliance-map';
      if (next !== title) {
        title = next;
        update();
      }
    },
  };
}
