// The widget's DOM skeleton: the map area (stage with canvas, zoom toolbar
// and hint; details panel; legend), the keyboard help and the live region.
// The canvas is the keyboard's way in: a focusable graphics document. The
// frame watches the stage's size; its disposer stops that.
import { renderLegend } from './legend.js';
import { NODE_COLORS, RELATION_COLORS } from './palette.js';

// What keyboard.js does, said to screen readers (the canvas's description).
const KEY_HELP =
  'Arrow keys go through the neighbours of the selected entity: Right or Down the next one clockwise, Left or Up the previous one. ' +
  'Enter selects the entity in focus and opens its details. Escape goes back. Shift with arrow keys pans, plus and minus zoom, 0 fits the map, slash searches.';

function button(label, title, onClick, signal) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick, { signal });
  return b;
}

/**
 * Builds the frame in `container` (emptied first) for `handle`'s map; the
 * toolbar's buttons call `zoom(factor)`, `fit()` and `exportView(format)`,
 * and `resize()` is called when the stage's size changes. Returns its elements
 * and `dispose`.
 */
export function buildFrame({ container: c, handle, uid, signal, zoom, fit, exportView, resize }) {
  c.replaceChildren();
  const title = handle.title;
  c.setAttribute('role', 'region');
  // Not a tab stop (the canvas is), but a click on text in the widget (a tap
  // on the bottom sheet) keeps the focus inside it, so Escape still works.
  c.tabIndex = -1;
  c.setAttribute('aria-label', title ? `Map: ${title}` : 'Map');
  const main = document.createElement('div');
  main.className = 'am-main';
  const stage = document.createElement('div');
  stage.className = 'am-stage';
  const canvas = document.createElement('canvas');
  canvas.className = 'am-canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'graphics-document');
  canvas.setAttribute('aria-roledescription', 'network diagram');
  canvas.setAttribute('aria-label', `${title || 'Network diagram'}: ${handle.nodeCount} entities and ${handle.edgeCount} relations`);
  canvas.setAttribute('aria-describedby', `${uid}-keys`);
  const help = document.createElement('p');
  help.className = 'am-sr';
  help.id = `${uid}-keys`;
  help.textContent = KEY_HELP;
  const live = document.createElement('div');
  live.className = 'am-sr am-live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const toolbar = document.createElement('div');
  toolbar.className = 'am-toolbar';
  toolbar.setAttribute('part', 'toolbar');
  const exportButtons = [
    button('SVG', 'Download the current view as SVG', () => exportView('svg'), signal),
    button('PNG', 'Download the current view as PNG (2x)', () => exportView('png'), signal),
  ];
  toolbar.append(
    button('+', 'Zoom in', () => zoom(1.5), signal),
    button('−', 'Zoom out', () => zoom(1 / 1.5), signal),
    button('Fit', 'Fit the whole map in view', fit, signal),
    ...exportButtons,
  );
  // They need the full module: enabled when it has loaded (Widget.upgrade).
  for (const b of exportButtons) b.disabled = true;
  const panel = document.createElement('aside');
  panel.className = 'am-panel';
  panel.hidden = true;
  panel.setAttribute('part', 'panel');
  panel.setAttribute('aria-labelledby', `${uid}-title`);
  panel.setAttribute('aria-live', 'polite');
  const hint = document.createElement('div');
  hint.className = 'am-hint';
  hint.setAttribute('aria-hidden', 'true');
  stage.append(canvas, toolbar, hint);
  const legend = renderLegend(JSON.parse(handle.legend()), NODE_COLORS, RELATION_COLORS, signal);
  legend.setAttribute('part', 'legend');
  // Holds the controls' place until they load, so the map moves little when they come.
  const controlsSlot = document.createElement('div');
  controlsSlot.className = 'am-controls am-controls-pending';
  main.append(controlsSlot, stage, panel, legend);
  // A map with a story gets its bar over the map's lower left from the first
  // frame on (steps.js brings it to life), so labels keep clear of it from the start.
  const stepsBar = handle.stepCount > 0 ? storyBar(handle.stepCount, uid) : null;
  if (stepsBar) {
    stage.append(stepsBar);
    // Driven by an article's paragraphs (story.js): the article carries the captions.
    if (c.hasAttribute('story') || c.getRootNode().host?.hasAttribute('story')) c.classList.add('am-story-mode');
  }
  c.append(main, help, live);
  const observer = new ResizeObserver(() => resize());
  observer.observe(stage);
  return { stage, canvas, toolbar, live, panel, hint, controlsSlot, stepsBar, exportButtons, dispose: () => observer.disconnect() };
}

/** The story bar as the first frame shows it: one small "Story: N steps" button, disabled until steps.js takes it over. */
function storyBar(count, uid) {
  const bar = document.createElement('section');
  bar.className = 'am-steps';
  bar.id = `${uid}-steps`;
  bar.setAttribute('aria-label', 'Story');
  bar.setAttribute('part', 'steps');
  const nav = document.createElement('div');
  nav.className = 'am-step-nav';
  const [prev, next] = [['Previous', 'am-step-prev'], [`Story: ${count} steps`, 'am-step-next']].map(([text, className]) => {
    const b = document.createElement('button');
    Object.assign(b, { type: 'button', className, textContent: text, disabled: true });
    return b;
  });
  const status = document.createElement('span');
  status.className = 'am-step-status';
  // "3 of 6" once the story has started; before, the button says it all.
  status.hidden = true;
  const caption = document.createElement('div');
  caption.className = 'am-step-caption-slot';
  nav.append(prev, status, next);
  bar.append(nav, caption);
  return bar;
}
