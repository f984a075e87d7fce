// The public API of mount.js: mounting a map in a container, and the widget
// it resolves to. Shipped next to the modules (www/ and dist/), checked by
// compiling a consumer (tests/js/types.test.mjs). What is not declared here
// (the handle, the parts, the views) is not public and may change.

/** An entity or a relation, as the widget selects it. */
export type ItemKind = 'entity' | 'relation';

/** What is selected: the `detail` of a `select` event (null when the selection is cleared). */
export interface Selected {
  kind: ItemKind;
  /** The entity's or relation's index in the compiled dataset. */
  index: number;
  /** Its title as the details panel shows it. */
  title: string;
}

/** The view: world point (x, y) at the top left of the map, drawn at `zoom` CSS px a world unit. The `detail` of a `viewchange` event. */
export interface ViewDetail {
  x: number;
  y: number;
  zoom: number;
}

/** The events a map dispatches on its container; they bubble and are composed (they leave a shadow root). */
export interface AllianceMapEventMap {
  /** The reader selected something, or cleared the selection (detail null). */
  select: CustomEvent<Selected | null>;
  /** The reader moved the view (pan, zoom, a deep link, a search result). */
  viewchange: CustomEvent<ViewDetail>;
  /** A story step was shown (step from 1; 0: back to the whole map). */
  stepchange: CustomEvent<{ step: number; count: number; title: string }>;
  /** The map became interactive (`allianceMap` is set on its container); story.js waits for it. */
  mapready: CustomEvent<{ stepCount: number }>;
}

/** Options of mount(). */
export interface MountOptions {
  /** URL of a compiled dataset (`data.amap`, written by `alliance-map build`), relative to the page. Empty or absent: the seed the widget embeds. */
  src?: string;
  /** A compiled dataset as bytes; used instead of `src`. */
  bytes?: Uint8Array | null;
  /** Keeps what the reader looks at in the page's URL hash, with Back and Forward (one map a page). Default false. */
  deepLink?: boolean;
  /** Called once the map is drawn, before it is interactive (to show its title with it, say). */
  onFirstFrame?: ((map: FirstFrame) => void) | null;
  /** Aborting it stops this mount wherever it is (it then resolves to null), and destroys its map. */
  signal?: AbortSignal | null;
}

/** The map as its first frame shows it: drawn, not yet interactive. */
export interface FirstFrame {
  /** The element the map is mounted in. */
  readonly container: HTMLElement;
  /** The dataset's title and description (empty when the data gives none). */
  meta(): { title: string; description: string };
  /** Fits the whole map in view (the Fit button). */
  fit(): void;
  /** Frees the map (its wasm memory) and removes every listener, observer and timer it added. The DOM stays until the container's next map replaces it, but for the list of entities screen readers read inside the map, which goes with the map. */
  destroy(): void;
  /** Whether destroy() was called. */
  readonly destroyed: boolean;
}

/** Options of AllianceMap.select. */
export interface SelectOptions {
  /** Centre the selection in view: always (true), or only when it is off screen ('if-hidden'). Default false. */
  centre?: boolean | 'if-hidden';
}

/** A mounted, interactive map: what mount() resolves to. */
export interface AllianceMap extends FirstFrame {
  /** Whether the map takes one-finger and wheel gestures (cooperative gestures: a tap, a click or the keyboard focus activate it). */
  readonly active: boolean;
  /** Selects an entity or a relation by index and opens its details; no kind (undefined) clears the selection. */
  select(kind: ItemKind | undefined, index?: number, options?: SelectOptions): void;
  /** How many steps the data's story has (`[[step]]` tables; 0: none). */
  readonly stepCount: number;
  /** The story step shown, from 1 (0: none). */
  readonly currentStep: number;
  /** Shows story step `n` (from 1; 0: back to the whole map): its selection, path, highlights, filter and camera, eased unless the reader prefers reduced motion. False if there is no such step. */
  step(n: number, options?: { instant?: boolean }): boolean;
  /** Puts the keyboard focus in the search box; false if there is none yet. */
  focusSearch(): boolean;
  /** Downloads the current view as an SVG or a PNG (2x) figure, with title, legend and citations. */
  exportView(format: 'svg' | 'png'): void;
  /** Where an entity (by id) is drawn, in page CSS px, or null if there is no such entity. For tours and tests. */
  entityScreenPosition(id: string): { x: number; y: number } | null;
  /** What the map shows now. For tests; its fields may grow. */
  state(): MapState;
  /** Every entity's position (x, y pairs) and radius, in world units. For tests. */
  geometry(): { positions: number[]; radii: number[] };
}

/** What the map shows now (AllianceMap.state). */
export interface MapState {
  visible: { nodes: number; edges: number };
  filter: { hiddenTypes: string[]; hiddenKinds: string[]; hiddenSources: string[]; date: string | null; near: number };
  /** "How is A tied to B?": entity ids, which path is highlighted, how many were found. */
  path: { from: string; to: string; index: number; count: number } | null;
  /** The entity with the keyboard focus. */
  focused: { index: number; id: string; name: string } | null;
  /** What the live region last said. */
  live: string;
  /** Whether the text view is open. */
  textView: boolean;
  nodeCount: number;
  edgeCount: number;
  entityIds: string[];
  camera: ViewDetail;
  /** What the last frame drew on screen. */
  drawn: { nodes: number; edges: number; labels: number };
  labels: string[];
  selected: Selected | null;
  /** Whether the browser laid the map out (a dataset built with --no-layout), and the layout's timings (ms). */
  layout: { inBrowser: false } | { inBrowser: true; ms: number; began: number; ended: number };
  /** The story step shown (from 1; 0: none) and how many there are. */
  step: { current: number; count: number };
}

/** A container a map is mounted in: mount() sets `allianceMap` once the map is interactive. */
export interface MapContainer extends HTMLElement {
  allianceMap?: AllianceMap;
}

/**
 * Mounts a map in `container` (its children are replaced). Draws a first
 * frame from a small module, then loads the rest; resolves to the map once
 * it is interactive, or to null after showing an error in its place (or
 * when `signal` aborted).
 */
export function mount(container: HTMLElement, options?: MountOptions): Promise<AllianceMap | null>;

/** Shows, in place of a map, that it could not be shown and why (`err`: whatever was thrown). */
export function showError(container: Element, err: unknown): void;
