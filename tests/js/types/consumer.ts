// A page's script as a TypeScript user writes it against the shipped
// declarations (www/*.d.ts). types.test.mjs compiles it with --strict: each
// line must type-check, and each @ts-expect-error must be an error, so a
// declaration that grew too loose (any) or wrong fails the test.
import { mount, showError, type AllianceMap, type MountOptions, type Selected } from '../../../www/mount.js';
import { AllianceMapElement, type AllianceMapAttributes } from '../../../www/element.js';
import type { EmbedHeightMessage } from '../../../www/embed-resizer.js';
import { story, STEP_ATTRIBUTE, type StepMessage } from '../../../www/story.js';

const container = document.createElement('div');
const controller = new AbortController();
const options: MountOptions = {
  src: 'data.amap',
  deepLink: false,
  signal: controller.signal,
  onFirstFrame: (first) => {
    const { title, description }: { title: string; description: string } = first.meta();
    document.title = `${title}: ${description}`;
    first.fit();
    // @ts-expect-error: not interactive yet, so no select on the first frame
    first.select('entity', 0);
  },
};
// @ts-expect-error: src is a URL string
mount(container, { src: 42 });
// @ts-expect-error: bytes, not a string
mount(container, { bytes: 'data.amap' });

async function use(): Promise<void> {
  const map: AllianceMap | null = await mount(container, options);
  // @ts-expect-error: null after an error
  map.fit();
  if (!map) return;
  map.select('entity', 3, { centre: 'if-hidden' });
  map.select(undefined);
  // @ts-expect-error: only entities and relations
  map.select('node', 1);
  map.exportView('png');
  // @ts-expect-error: svg or png
  map.exportView('jpeg');
  const focused: boolean = map.focusSearch();
  const at = map.entityScreenPosition('huawei');
  if (at) console.log(at.x + at.y, focused, map.active, map.destroyed);
  const state = map.state();
  const zoom: number = state.camera.zoom;
  const sel: Selected | null = state.selected;
  if (state.layout.inBrowser) console.log(state.layout.ms);
  console.log(zoom, sel?.title, state.drawn.nodes, map.geometry().radii.length, map.container.id);
  const moved: boolean = map.step(3, { instant: true });
  console.log(moved, map.stepCount, map.currentStep, state.step.current);
  // @ts-expect-error: a step number, not an id
  map.step('huawei');
  map.destroy();
  // @ts-expect-error: the handle is not public
  map.handle.free();
}

container.addEventListener('select', (e) => console.log(e));
showError(container, new Error('offline'));
showError(container, 'a thrown string');

const el = document.createElement('alliance-map');
const typed: AllianceMapElement = el;
typed.data = new ArrayBuffer(8);
typed.data = null;
const bytes: Uint8Array | null = typed.data;
typed.addEventListener('select', (e) => {
  // @ts-expect-error: detail is null when the selection is cleared
  console.log(e.detail.kind);
  const kind: 'entity' | 'relation' | undefined = e.detail?.kind;
  console.log(kind, e.detail?.index);
});
typed.addEventListener('viewchange', (e) => console.log(e.detail.x, e.detail.y, e.detail.zoom));
typed.addEventListener('click', (e) => console.log(e.clientX));
const attributes: AllianceMapAttributes = { src: 'data.amap', height: '480', theme: 'dark' };
// @ts-expect-error: light, dark or auto
const wrongTheme: AllianceMapAttributes = { theme: 'blue' };
for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
const widget: AllianceMap | null = typed.widget;
// @ts-expect-error: the widget is the element's to set
typed.widget = null;

window.addEventListener('message', (event: MessageEvent<EmbedHeightMessage>) => {
  if (event.data.type === 'alliance-map:height') console.log(event.data.height);
});

console.log(use, bytes, widget, wrongTheme);

// The article helper: start, stop, and the message an embed hears.
const stop: () => void = story({ root: document.body });
stop();
const ask: StepMessage = { type: 'alliance-map:step', step: 2 };
console.log(STEP_ATTRIBUTE, ask.step);
// @ts-expect-error: the root is a node, not a selector
story({ root: '#article' });
