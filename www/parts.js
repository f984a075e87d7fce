// The reader's parts, created once the full module has loaded
// (Widget.upgrade): the one place that knows them all. Each gets what it
// needs and nothing else: the handle, the typed-array views, the viewport,
// the DOM it owns, the widget's events (`on`, `emit`), its `signal` for
// listeners, and the few commands one part gives another (select, clear the
// path, open the text view, focus the search) as functions. Each part's
// disposer goes to `own`.
//
// Events: 'select' {selected, fromHistory}, 'choose' {index} (a search
// result), 'filter' and 'path' {fromHistory}, 'view', 'textview' {open},
// 'step' {index, fromHistory} (a story step shown: steps.js).
// Where several parts follow one event, they hear it in the order they are
// created here: the sheet and the reader follow a selection before the
// text view, the list of entities inside the map (entity-list.js), the
// keyboard and deep links.
import { createHint } from './hint.js';
import { createSelection } from './selection.js';
import { attachSheet } from './sheet.js';
import { Reader } from './reader.js';
import { buildControls } from './controls.js';
import { buildPathFinder } from './pathfinder.js';
import { attachSteps } from './steps.js';
import { buildEdition } from './edition.js';
import { TextView } from './textview.js';
import { attachEntityList } from './entity-list.js';
import { attachInput } from './input.js';
import { attachKeyboard } from './keyboard.js';
import { attachDeepLink } from './deeplink.js';
import { createExporter } from './exporter.js';
import { geometry, screenPosition, widgetState } from './inspect.js';
import { LABEL_LINE_PX } from './render.js';

/**
 * Creates the reader's parts of a widget around its frame (`dom`), for its
 * `handle` (now a MapHandle): `own(part)` takes a part's disposer, `pick`
 * finds what is under a point, `theme()` the resolved colours, `drawn()`
 * what the last frame drew. Returns what the widget calls.
 */
export function attachParts({ handle, views, viewport, dom, uid, container, deepLink, layout, signal, on, emit, guard, own, pick, theme, drawn, showNotes }) {
  const { canvas, panel, stage } = dom;
  const entities = handle.entities();
  // Repeated text is said again (a screen reader skips an unchanged live region).
  const announce = (text) => (dom.live.textContent = dom.live.textContent === text ? `${text}\u00a0` : text);
  const hint = own(createHint(dom.hint));
  const { select, selected } = createSelection({ handle, views, viewport, panel, canvas, container, uid, emit, guard, signal });
  attachSheet({ panel, stage, canvas, uid, deepLink, viewport, views, on, select, signal });
  const reader = new Reader({ handle, views, selected, on, emit, settle: () => viewport.settle() });
  const paths = buildPathFinder({ id: `${uid}-paths`, handle, reader, entities, views, viewport, stage, container, selected, select, announce, signal });
  const steps = own(attachSteps({ handle, views, reader, select, viewport, container, slot: dom.stepsBar, uid, announce, showNotes, emit, guard, signal }) || {});
  const textView = new TextView({ uid, handle, views, container, selected, select, steps, on, emit, signal });
  own(attachEntityList({ handle, entities, reader, selected, canvas, uid, on, guard, signal }));
  const controls = own(buildControls({ uid, handle, reader, paths, on, emit, toggleText: () => textView.toggle(), signal }));
  controls.textButton.setAttribute('aria-controls', textView.section.id);
  const input = own(attachInput({ canvas, container, handle, viewport, pick, select, showHint: hint.show, guard, signal }));
  const focusSearch = () => controls.search.input.focus();
  const keyboard = attachKeyboard({ handle, entities, views, canvas, container, viewport, reader, selected, select, announce, focusSearch, guard, on, signal });
  if (deepLink) own(attachDeepLink({ handle, entities, viewport, reader, selected, select, steps, on, guard, signal }));
  const exporter = own(createExporter({ handle, viewport, theme, lineHeight: LABEL_LINE_PX, showHint: hint.show }));

  dom.controlsSlot.replaceWith(controls.element);
  container.append(buildEdition(handle), textView.section);
  for (const b of dom.exportButtons) b.disabled = false;
  const { camera } = viewport;
  return {
    entities,
    reader,
    controls,
    select,
    focusSearch,
    isActive: input.isActive,
    ring: keyboard.ring,
    exportView: exporter.exportView,
    steps,
    state: () => widgetState({ handle, views, camera, reader, keyboard, entities, live: dom.live, textView, selected, drawn, layout, steps }),
    screenPosition: (id) => screenPosition({ handle, views, camera, canvas }, id),
    geometry: () => geometry(views),
  };
}
