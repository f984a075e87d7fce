// The public API of element.js: the <alliance-map> custom element, which
// importing the module defines. Shipped next to the modules (www/ and
// dist/), checked by compiling a consumer (tests/js/types.test.mjs).
import type { AllianceMap, Selected, ViewDetail } from './mount.js';

export type { AllianceMap, AllianceMapEventMap, Selected, ViewDetail, MapState } from './mount.js';

/** The element's attributes (what a page or a CMS writes in HTML). */
export interface AllianceMapAttributes {
  /** URL of a compiled dataset (`data.amap`); absent: the seed the widget embeds. Changing it loads the new data. */
  src?: string;
  /** The map's height: CSS px ("480") or any CSS length ("60vh"). */
  height?: string;
  /** Colours: light, dark, or auto (the reader's system setting; the default). */
  theme?: 'light' | 'dark' | 'auto';
}

/** The element's events: the map's (AllianceMapEventMap), retargeted to the element; they bubble on to the document. */
export interface AllianceMapElementEventMap extends HTMLElementEventMap {
  /** The reader selected something, or cleared the selection (detail null). It shadows the text-selection `select` of HTMLElementEventMap. */
  select: CustomEvent<Selected | null>;
  /** The reader moved the view. */
  viewchange: CustomEvent<ViewDetail>;
}

/** A listener of one of the element's events. */
type Listener<K extends keyof AllianceMapElementEventMap> = (this: AllianceMapElement, ev: AllianceMapElementEventMap[K]) => unknown;

/**
 * <alliance-map src="data.amap" height="480" theme="auto">: starts when
 * scrolled near the viewport, sizes to its container, and frees its map
 * when it leaves the page. Page styles stay out (shadow DOM); CSS custom
 * properties (--am-bg, --am-text, --am-accent, --am-font ...) and the parts
 * panel, legend, toolbar, controls and textview style it.
 */
export declare class AllianceMapElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The running map, once it is interactive; null before, and after it left the page. */
  get widget(): AllianceMap | null;
  /** A compiled dataset as bytes (an ArrayBuffer becomes a Uint8Array); setting it loads it instead of `src`. */
  get data(): Uint8Array | null;
  set data(bytes: Uint8Array | ArrayBuffer | null);
  addEventListener<K extends keyof AllianceMapElementEventMap>(type: K, listener: Listener<K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AllianceMapElementEventMap>(type: K, listener: Listener<K>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'alliance-map': AllianceMapElement;
  }
}
