// <alliance-map src="data.amap" height="480px" theme="light|dark|auto">:
// the widget as a custom element, for pasting into any page or CMS.
// - Shadow DOM keeps page styles out; colours and fonts come in through CSS
//   custom properties (--am-bg, --am-text, --am-accent, --am-font ...), and
//   the panel, legend and toolbar are exposed as ::part(panel|legend|toolbar).
// - It starts when scrolled near the viewport (with `story`, at once: an
//   article's paragraphs drive it, see story.js) and sizes to its container.
// - `element.data = bytes` loads a compiled dataset (Uint8Array/ArrayBuffer).
// - `select` and `viewchange` events bubble out of the shadow root.
// - Children (e.g. the facts as plain HTML) show only when JavaScript is off.
import { mount } from './mount.js';

const STYLE_URL = new URL('./style.css', import.meta.url).href;

export class AllianceMapElement extends HTMLElement {
  static observedAttributes = ['src', 'height', 'theme'];

  #root = null;
  #container = null;
  #observer = null;
  #widget = null;
  #data = null;
  #started = false;
  #loading = null;

  connectedCallback() {
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLE_URL;
      this.#container = document.createElement('div');
      this.#root.append(link, this.#container);
    }
    this.#applyAttributes();
    // A story's map starts at once: its paragraphs (story.js) drive it wherever it is.
    if (this.hasAttribute('story')) return this.#start();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#observer.disconnect();
          this.#start();
        }
      },
      { rootMargin: '300px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    // Off the page, the map is freed (wasm memory, listeners); if the element
    // comes back, it starts again when scrolled near the viewport.
    this.#loading?.abort();
    this.#widget?.destroy();
    this.#widget = null;
    this.#started = false;
  }

  attributeChangedCallback(name) {
    this.#applyAttributes();
    if (name === 'src' && this.#started) this.#restart();
  }

  /** The running widget (after it started), for scripting. */
  get widget() {
    return this.#widget;
  }

  get data() {
    return this.#data;
  }

  /** A compiled dataset (as written by `alliance-map build`), as bytes. */
  set data(bytes) {
    this.#data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
    if (this.#started) this.#restart();
  }

  #applyAttributes() {
    if (!this.#container) return;
    const height = this.getAttribute('height');
    this.style.display = 'block';
    if (height) this.#container.style.setProperty('--am-height', /^\d+$/.test(height) ? `${height}px` : height);
    const theme = this.getAttribute('theme') || 'auto';
    this.#container.dataset.theme = ['light', 'dark'].includes(theme) ? theme : 'auto';
  }

  async #start() {
    this.#started = true;
    // A newer start (src or data changed meanwhile) cancels this one.
    this.#loading?.abort();
    const loading = (this.#loading = new AbortController());
    const widget = await mount(this.#container, { src: this.getAttribute('src') || '', bytes: this.#data, signal: loading.signal });
    if (!loading.signal.aborted) this.#widget = widget;
  }

  #restart() {
    this.#widget?.destroy();
    this.#widget = null;
    this.#start();
  }
}

if (!customElements.get('alliance-map')) customElements.define('alliance-map', AllianceMapElement);
